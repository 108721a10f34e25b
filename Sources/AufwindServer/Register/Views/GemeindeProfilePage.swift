import AufwindCore
import Plot

/// `/gemeinden/{ags}`: every register field, the hierarchy, the nearest Gemeinden and a map.
struct GemeindeProfilePage: PageView {
    var gemeinde: Gemeinde
    var catalog: RegisterCatalog
    var panel: TownPanel?
    /// The map with Kreis borders; without the shapes, the dots-only `LocatorMap`.
    var kreisMap: KreisLocatorMap? = nil

    var title: String { gemeinde.shortName }

    func content() -> Node<HTML.BodyContext> {
        let g = gemeinde
        let nearest = catalog.nearest(to: g.ags, count: 10)
        let historical = catalog.historical[g.ags]
        return .group(
            .h1(.text(g.shortName)),
            .p(
                .span(.class("badge"), .text(g.typeName)), .text(" "),
                .if(!g.isGemeindefrei, .span(.class("badge"), .text(g.groessenklasse.shortLabel))),
                .unwrap(catalog.unit(key: g.kreisKey)) { .text(" · \($0.displayName)") },
                .unwrap(catalog.unit(key: g.landCode)) { .text(" · \($0.name)") }
            ),
            .unwrap(historical) { record in
                .div(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .p(
                        .text(
                            "Historischer Eintrag: Diese Gemeinde steht seit dem Gebietsstand \(GermanFormat.date(iso: record.since)) nicht mehr im Gemeindeverzeichnis."
                        ),
                        .unwrap(record.successor.flatMap(catalog.gemeinde(ags:))) { successor in
                            .group(.text(" Vermutlich aufgegangen in "), .gemeindeLink(successor), .text("."))
                        }
                    )
                )
            },
            .div(
                .class("profile"),
                .section(
                    .h2(.text("Amtliche Angaben")),
                    .dl(
                        .class("facts"),
                        .dt(.text("Amtliche Bezeichnung")), .dd(.text(g.name)),
                        .dt(.text("Gemeindeschlüssel (AGS)")), .dd(.text(g.ags)),
                        .dt(.text("Regionalschlüssel (ARS)")), .dd(.text(g.ars)),
                        .dt(.text("Einwohner")), .dd(.text(GermanFormat.integer(g.population))),
                        .dt(.text("davon männlich / weiblich")),
                        .dd(.text("\(GermanFormat.integer(g.populationMale)) / \(GermanFormat.integer(g.populationFemale))")),
                        .dt(.text("Fläche")), .dd(.text(GermanFormat.km2(g.areaKm2))),
                        .dt(.text("Bevölkerungsdichte")), .dd(.text(GermanFormat.density(g.density))),
                        .dt(.text("Postleitzahl")),
                        .dd(.text(g.postcode.isEmpty ? "–" : g.postcode + (g.hasSeveralPostcodes ? " (Verwaltungssitz; mehrere PLZ)" : ""))),
                        .dt(.text("Gemeindeverband")),
                        // A verbandsfreie Gemeinde is its own Verband (Textkennzeichen 50): "verbandsfrei", not
                        // "Ahlen (verbandsfreie Gemeinde)" for a Stadt.
                        .dd(
                            catalog.unit(key: g.verbandKey).map {
                                $0.typeCode == 50 ? .text("verbandsfrei") : .group(.unitLink($0), .text(" (\($0.kindWord))"))
                            }
                                ?? .text("–")),
                        .dt(.text("Kreis")), .dd(.unitLink(catalog.unit(key: g.kreisKey))),
                        .dt(.text("Regierungsbezirk")), .dd(.unitLink(catalog.unit(key: g.regierungsbezirkCode))),
                        .dt(.text("Land")), .dd(.unitLink(catalog.unit(key: g.landCode))),
                        .dt(.text("Koordinaten")),
                        .dd(
                            .text(
                                g.coordinate.map {
                                    "\(GermanFormat.decimal($0.latitude, digits: 4))° N, \(GermanFormat.decimal($0.longitude, digits: 4))° O"
                                } ?? "–"))
                    ),
                    .p(
                        .class("meta"),
                        .text("Gebietsstand \(GermanFormat.date(iso: catalog.gebietsstand ?? "")); Bevölkerung und Fläche: 31.12.2024."))
                ),
                .section(
                    .h2(.text("Lage")),
                    kreisMap?.node()
                        ?? LocatorMap(center: g, neighbours: nearest.map(\.gemeinde), background: catalog.gemeinden(in: g.kreisKey)).node()
                )
            ),
            .unwrap(panel) { $0.node() },
            .h2(.text("Die zehn nächsten Gemeinden")),
            .if(nearest.isEmpty, .p(.text("Ohne Koordinaten lassen sich keine Nachbarn bestimmen."))),
            .if(
                !nearest.isEmpty,
                .scrollBox(
                    "Nächste Gemeinden mit Entfernung",
                    cards: CardTable<(gemeinde: Gemeinde, km: Double)>(
                        caption: "Nächste Gemeinden mit Entfernung", captionHidden: true,
                        columns: [
                            .init("Gemeinde", namesRow: true) { entry in .gemeindeLink(entry.gemeinde) },
                            .init("Kreis") { entry in .text(catalog.unit(key: entry.gemeinde.kreisKey)?.displayName ?? "–") },
                            .init("Einwohner", numeric: true) { entry in .text(GermanFormat.integer(entry.gemeinde.population)) },
                            .init("Entfernung", numeric: true) { entry in .text(GermanFormat.km(entry.km)) },
                        ],
                        rows: nearest))),
            .p(.a(.safeHref("/gemeinden?von=\(g.ags)&sort=entfernung"), .text("Alle Gemeinden nach Entfernung zu \(g.shortName)")))
        )
    }
}
