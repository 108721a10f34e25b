import AufwindCore
import Plot

/// `/kommunen/{key}/passt-zu-uns`: the best partner towns for a town as a whole.
struct PartnerTownsPage: PageView {
    var townName: String
    var townPath: String
    /// True when the town has no published items and its profile stood in for them.
    var fromProfile: Bool
    /// False when every query's reach is bundesweit: then there is one list.
    var hasFartherGroup: Bool
    var matches: [(name: String, path: String, match: TownMatch)]
    var title: String { "Passt zu uns – \(townName)" }
    /// A town with many items is matched through its newest ones (a page stays fast).
    static let maximumQueries = 25

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    fromProfile
                        ? "\(townName) hat noch keine veröffentlichten Einträge; die Vorschläge beruhen auf den Handlungsfeldern und der Selbstbeschreibung im Profil."
                        : "Für die veröffentlichten Einträge von \(townName) (die \(Self.maximumQueries) neuesten) die passenden Einträge anderer Kommunen; je Kommune zählt der beste."
                ),
                .text(" "), .a(.safeHref(townPath), .text("Zur Seite von \(townName)"))),
            PartnerGroups(
                entries: matches, isInReach: { $0.match.inReach }, hasFartherGroup: hasFartherGroup,
                inReachNote: "Kommunen, deren Einträge zu einem Ihrer Einträge innerhalb seiner Reichweite passen.",
                fartherNote:
                    "Außerhalb der Reichweite Ihrer Einträge, nur Kommunen, die ein Unterthema mit einem Ihrer Einträge teilen (bei Einträgen ohne Unterthemen: ein Handlungsfeld).",
                emptyInReach:
                    "In der Reichweite Ihrer Einträge passt noch keine Kommune. Mit der Reichweite „Region“ oder „bundesweit“ an einem Eintrag kommen mehr Partner in Frage.",
                emptyFarther: "Weiter entfernt teilt noch keine Kommune ein Thema mit Ihren Einträgen.",
                emptyAll:
                    fromProfile
                    ? "Noch keine Vorschläge: Legen Sie Einträge an oder nennen Sie im Profil Ihre Handlungsfelder."
                    : "Noch keine passenden Kommunen."
            ) { town in
                .li(
                    .div(
                        .class("name"), .a(.safeHref(town.path), .text(town.name)),
                        .text(" – "), .a(.safeHref("/eintraege/\(town.match.best.item.id)"), .text(town.match.best.item.title)),
                        .text(" "), .span(.class("badge"), .text(town.match.best.item.kind.label)),
                        .if(town.match.best.item.isDemo, .group(.text(" "), .span(.class("badge badge-demo"), .text("Demo-Daten"))))),
                    .div(
                        .class("meta"),
                        .text(
                            (fromProfile ? "" : "passt zu Ihrem Eintrag „\(town.match.query.title)“ · ")
                                + GermanFormat.count(town.match.fittingItems, "passender Eintrag", "passende Einträge")
                                + (town.match.distanceKm.map { " · \(GermanFormat.integer(Int($0.rounded()))) km entfernt" } ?? ""))),
                    .explanation(town.match.best.explanation, score: town.match.score)
                )
            }.node()
        )
    }
}
