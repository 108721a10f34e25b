import AufwindCore
import Plot

/// Who in a region is on Aufwind, and who is left alone.
struct RegionalOverviewPage: PageView {
    struct Row {
        var gemeinde: Gemeinde
        var members: Int
    }
    var region: Gebietseinheit
    var rows: [Row]
    var title: String { "Regionale Übersicht – \(region.name)" }

    func content() -> Node<HTML.BodyContext> {
        let active = rows.filter { $0.members > 0 }.count
        return .group(
            .h1(.text(title)),
            .p(
                .class("lead"),
                .text(
                    "\(GermanFormat.integer(active)) von \(GermanFormat.count(rows.count, "Gemeinde", "Gemeinden")) handeln auf Aufwind. "
                        + "Oben stehen die, die noch niemand vertritt – größte zuerst.")),
            .scrollBox(
                "Gemeinden der Region mit Mitgliedern auf Aufwind",
                .table(
                    .caption(.class("visually-hidden"), .text("Gemeinden der Region mit Mitgliedern auf Aufwind")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Gemeinde")),
                            .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Einwohner")),
                            .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Mitglieder auf Aufwind"))
                        )),
                    .tbody(
                        .forEach(rows) { row in
                            .tr(
                                .td(.gemeindeLink(row.gemeinde)),
                                .td(.class("num"), .text(GermanFormat.integer(row.gemeinde.population))),
                                .td(.class("num"), .text(row.members == 0 ? "keine" : GermanFormat.integer(row.members)))
                            )
                        })
                )
            )
        )
    }
}
