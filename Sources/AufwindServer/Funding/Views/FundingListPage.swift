import AufwindCore
import Plot

/// `/foerderprogramme`: the catalogue with status, themes and warnings.
struct FundingListPage: PageView {
    var programmes: [FundingProgramme]
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
            .p(.attribute(named: "role", value: "status"), .text("\(GermanFormat.count(programmes.count, "Programm", "Programme")) von \(total).")),
            .ul(
                .class("results"),
                .forEach(programmes) { programme in
                    .li(
                        .div(
                            .class("name"), .a(.safeHref("/foerderprogramme/\(programme.id)"), .text(programme.displayName)), .text(" "),
                            .span(.class("badge"), .text(Self.levelLabel(programme))), .text(" "),
                            .span(.safeClass(programme.status == "open" ? "badge" : "badge badge-warn"), .text(programme.statusLabel))),
                        .div(.class("meta"), .text(programme.handlungsfelder.map(\.label).joined(separator: ", "))),
                        .forEach(warnings[programme.id] ?? []) { .div(.class("meta warning"), .text("⚠ " + $0)) }
                    )
                })
        )
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
