import AufwindCore
import Plot

/// On an item page: the best partner items and towns with their explanations, and the funding
/// programmes that fit the item's fields for the owning town alone. The same for every viewer of
/// one audience (public items only, or all), so the page keeps it rendered (`ItemPageSections`).
struct ItemPartnerSections {
    var input: CooperationItemInput
    var townName: String
    var itemMatches: [(entry: ItemListEntry, match: ItemMatch)]
    var townMatches: [(name: String, path: String, match: TownMatch)]
    var programmeFits: [FundingAdvisor.ProgrammeFit]

    func node() -> Node<HTML.BodyContext> {
        .group(
            partners(),
            .if(
                !programmeFits.isEmpty,
                .group(
                    .h2(.text("Passende Förderprogramme")),
                    .p(.text("Programme mit passenden Handlungsfeldern, geprüft für \(townName) allein – ein Verbund kann mehr erreichen.")),
                    .ul(
                        .class("results"),
                        .forEach(programmeFits) { fit in
                            .li(
                                .div(
                                    .class("name"), .a(.safeHref("/foerderprogramme/\(fit.programme.id)"), .text(fit.programme.displayName)),
                                    .text(" – \(fit.result.verdict.label)")),
                                .div(
                                    .class("meta"),
                                    .text(fit.result.missing.first ?? "Handlungsfelder: " + fit.sharedFields.map(\.label).joined(separator: ", ")))
                            )
                        })
                ))
        )
    }

    private func partners() -> Node<HTML.BodyContext> {
        let reach = input.reach
        let sameTheme = PartnerGroups<Int>.sameTheme(of: input)
        let hint = PartnerGroups<Int>.widerReachHint(reach)
        return .group(
            .h2(.text("Passende Einträge anderer Kommunen")),
            PartnerGroups(
                entries: itemMatches, isInReach: { $0.match.inReach }, hasFartherGroup: reach != .bundesweit,
                inReachNote: "Partnersuche: \(reach.label); nach Passung geordnet.",
                fartherNote: "Außerhalb Ihrer Reichweite, nur Einträge \(sameTheme); nach Passung geordnet.",
                emptyInReach: "In Ihrer Reichweite gibt es noch keine passenden Einträge. \(hint)",
                emptyFarther: "Weiter entfernt gibt es noch keine Einträge \(sameTheme).",
                emptyAll: "Noch keine passenden Einträge."
            ) { entry in
                .li(entry.entry.node(), .distance(entry.match.distanceKm), .explanation(entry.match.explanation, score: entry.match.score))
            }.node(),
            .h2(.text("Passende Kommunen")),
            PartnerGroups(
                entries: townMatches, isInReach: { $0.match.inReach }, hasFartherGroup: reach != .bundesweit,
                inReachNote: "Kommunen mit passenden Einträgen in Ihrer Reichweite (\(reach.label)).",
                fartherNote: "Außerhalb Ihrer Reichweite, nur Kommunen mit Einträgen \(sameTheme).",
                emptyInReach: "In Ihrer Reichweite passt noch keine Kommune. \(hint)",
                emptyFarther: "Weiter entfernt hat noch keine Kommune Einträge \(sameTheme).",
                emptyAll: "Noch keine passenden Kommunen."
            ) { town in
                .li(
                    .div(
                        .class("name"), .a(.safeHref(town.path), .text(town.name)),
                        .text(" – bester Eintrag: "), .a(.safeHref("/eintraege/\(town.match.best.item.id)"), .text(town.match.best.item.title)),
                        .if(town.match.best.item.isDemo, .group(.text(" "), .span(.class("badge badge-demo"), .text("Demo-Daten"))))),
                    .div(
                        .class("meta"),
                        .text(
                            GermanFormat.count(town.match.fittingItems, "passender Eintrag", "passende Einträge")
                                + (town.match.distanceKm.map { " · \(GermanFormat.integer(Int($0.rounded()))) km entfernt" } ?? ""))),
                    .explanation(town.match.best.explanation, score: town.match.score)
                )
            }.node()
        )
    }
}
