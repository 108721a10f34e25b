import AufwindCore
import Plot

/// `/kreise`: all Kreise by Land.
struct KreisListPage: PageView {
    var catalog: RegisterCatalog
    var title: String { "Kreise und kreisfreie Städte" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text("\(catalog.units(of: .kreis).count) Kreise und kreisfreie Städte, nach Ländern.")),
            .forEach(catalog.units(of: .land)) { land in
                .section(
                    .h2(.unitLink(land)),
                    KreisTable(kreise: catalog.kreise(in: land.key), catalog: catalog, caption: "Kreise in \(land.name)").node()
                )
            }
        )
    }
}

/// `/laender`: the 16 Länder with totals.
struct LandListPage: PageView {
    var catalog: RegisterCatalog
    var title: String { "Länder" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .scrollBox(
                "Länder mit Gemeinden, Einwohnern und Fläche",
                .table(
                    .caption(.class("visually-hidden"), .text("Länder mit Gemeinden, Einwohnern und Fläche")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Land")),
                            .th(.attribute(named: "scope", value: "col"), .text("Sitz der Landesregierung")),
                            .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Gemeinden")),
                            .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Kreise")),
                            .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Einwohner"))
                        )),
                    .tbody(
                        .forEach(catalog.units(of: .land)) { land in
                            let totals = catalog.totals(of: land.key)
                            return .tr(
                                .td(.unitLink(land)), .td(.text(land.seat)),
                                .td(.class("num"), .text(GermanFormat.integer(totals.gemeinden))),
                                .td(.class("num"), .text(GermanFormat.integer(catalog.kreise(in: land.key).count))),
                                .td(.class("num"), .text(GermanFormat.integer(totals.population)))
                            )
                        })
                )
            )
        )
    }
}

/// `/quellen`: where the data comes from and under which licence.
struct SourcesPage: PageView {
    var gebietsstand: String?
    var title: String { "Quellen & Lizenzen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text(Layout.attribution)),
            .h2(.text("Gemeindeverzeichnis")),
            .p(
                .text(
                    "Gebietsstand im System: \(gebietsstand.map(GermanFormat.date(iso:)) ?? "noch kein Import"). "
                        + "Das Statistische Bundesamt veröffentlicht das Gemeindeverzeichnis jährlich im Format GV100AD "
                        + "(„Gemeindeverzeichnis-Informationssystem GV-ISys“). Bevölkerung: 31.12.2024 (Basis Zensus 2022); Fläche: 31.12.2024.")),
            .p(
                .text(
                    "Hinweis: Der Name von Bautzen ist im GV100AD auf 50 Zeichen gekürzt; vollständig lautet er "
                        + "„Bautzen / Budyšin, Stadt, Hochschulstadt / Wysokošulske město“.")),
            .h2(.text("Koordinaten")),
            .p(.text("Mittelpunkte der Gemeinden aus dem GV-ISys-Auszug vom 31.12.2024; Quelle der Koordinaten: © GeoBasis-DE / BKG.")),
            .h2(.text("Lizenz")),
            .p(
                .text("Datenlizenz Deutschland – Namensnennung – Version 2.0: "),
                .a(.href("https://www.govdata.de/dl-de/by-2-0"), .text("www.govdata.de/dl-de/by-2-0")))
        )
    }
}
