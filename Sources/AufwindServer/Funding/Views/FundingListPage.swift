import AufwindCore
import Plot

/// `/foerderprogramme`: the catalogue with status, themes and warnings; the open programmes
/// first, by their next deadline, then (unless only open ones are asked for) the closed and
/// expired ones, marked as such.
struct FundingListPage: PageView {
    var open: [FundingCatalog.Listing]
    var closed: [FundingCatalog.Listing]
    /// What to check about each programme's facts (their age); whether it is open is its badge.
    var warnings: [String: [String]]
    var field: String
    var openOnly: Bool
    var total: Int
    var canEdit: Bool
    var reviewed: String?
    var title: String { "Förderprogramme" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Bundes-, Landes- und EU-Programme, die Kommunen gemeinsam nutzen können – mit maschinell geprüfter Förderfähigkeit für Ihren Verbund. "
                ),
                .text("Die Fakten stammen aus den verlinkten Quellen (Stand je Programm); die Regeln sind im Projekt geprüft hinterlegt."),
                .if(canEdit, .group(.text(" "), .a(.href("/foerderprogramme/neu"), .text("Programm anlegen"))))),
            .form(
                .class("search"), .action("/foerderprogramme"), .method(.get),
                .div(
                    .class("field"), .label(.for("handlungsfeld"), .text("Handlungsfeld")),
                    .select(
                        .id("handlungsfeld"), .attribute(named: "name", value: "handlungsfeld"),
                        .choice(value: "", label: "alle", selected: field.isEmpty),
                        .forEach(Handlungsfeld.allCases) { .choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == field) })),
                .div(
                    .input(.type(.checkbox), .id("offen"), .name("offen"), .value("1"), .checked(openOnly)),
                    .label(.for("offen"), .text(" nur offene Programme"))),
                .button(.type(.submit), .text("Anzeigen"))
            ),
            .p(
                .attribute(named: "role", value: "status"),
                .text("\(GermanFormat.count(open.count + closed.count, "Programm", "Programme")) von \(total).")),
            .h2(.text("Offen: \(GermanFormat.count(open.count, "Programm", "Programme")), nach der nächsten Frist")),
            .if(open.isEmpty, .p(.text("Derzeit ist kein passendes Programm offen."))),
            list(open),
            .if(
                !closed.isEmpty,
                .group(
                    .h2(.text("Geschlossen oder Frist abgelaufen: \(GermanFormat.count(closed.count, "Programm", "Programme"))")),
                    .p(.class("hint"), .text("Derzeit sind hier keine Anträge möglich; zur Orientierung, falls das Programm neu aufgelegt wird.")),
                    list(closed)
                ))
        )
    }

    private func list(_ listings: [FundingCatalog.Listing]) -> Node<HTML.BodyContext> {
        .ul(
            .class("results"),
            .forEach(listings) { listing in
                let programme = listing.programme
                return .li(
                    .div(
                        .class("name"), .a(.safeHref("/foerderprogramme/\(programme.id)"), .text(programme.displayName)), .text(" "),
                        .span(.class("badge"), .text(Self.levelLabel(programme))), .text(" "),
                        .span(.safeClass(listing.availability.isOpen ? "badge" : "badge badge-warn"), .text(listing.availability.label)),
                        .if(
                            programme.status == nil && listing.availability.isOpen,
                            .group(.text(" "), .span(.class("badge"), .text("Status laut Quelle unbekannt"))))),
                    .div(.class("meta"), .text(programme.handlungsfelder.map(\.label).joined(separator: ", "))),
                    .forEach(warnings[programme.id] ?? []) { .div(.class("meta warning"), .text("⚠ " + $0)) }
                )
            })
    }

    static func levelLabel(_ programme: FundingProgramme) -> String {
        switch programme.level {
        case "bund": "Bund"
        case "land": programme.land.map { "Land \($0)" } ?? "Land"
        case "eu": "EU" + (programme.land.map { " (\($0))" } ?? "")
        default: programme.level ?? "–"
        }
    }
}
