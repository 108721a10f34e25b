import AufwindCore
import Plot

/// `/kreise/{ags5}`, `/laender/{code}`, `/regierungsbezirke/{code}`, `/gemeindeverbaende/{ars9}`:
/// an area with its totals, its Kreise (for Land and Regierungsbezirk) or its Gemeinden (for a
/// Kreis or Gemeindeverband).
struct AreaPage: PageView {
    var unit: Gebietseinheit
    var catalog: RegisterCatalog
    var panel: TownPanel?
    /// The atlas's figures (Kreis, Land, Regierungsbezirk pages) and the map drawn from them.
    var figures: AtlasFigures? = nil
    var map: Node<HTML.BodyContext>? = nil

    /// A Verband often shares its name with a member: the tab says which.
    var title: String { unit.kind == .gemeindeverband ? "\(unit.displayName) (\(unit.typeName ?? unit.kind.germanName))" : unit.displayName }

    func content() -> Node<HTML.BodyContext> {
        let hasKreise = unit.kind == .land || unit.kind == .regierungsbezirk
        let hasGemeinden = unit.kind == .kreis || unit.kind == .gemeindeverband
        let kreise = hasKreise ? catalog.kreise(in: unit.key) : []
        let land = catalog.unit(key: String(unit.key.prefix(2)))
        let kreis = unit.kind == .gemeindeverband ? catalog.unit(key: String(unit.key.prefix(5))) : nil
        return .group(
            .h1(.text(unit.displayName)),
            .p(
                .span(.class("badge"), .text(unit.typeName ?? unit.kind.germanName)),
                .if(!unit.seat.isEmpty, .text(" · Sitz: \(unit.seat)")),
                .unwrap(kreis) { .group(.text(" · "), .unitLink($0)) },
                .if(unit.kind != .land, .group(.text(" · "), .unitLink(land))),
                .text(" · Schlüssel \(unit.key)")
            ),
            .totals(catalog.totals(of: unit.key), kreise: hasKreise ? kreise.count : nil),
            .unwrap(panel) { $0.node() },
            .unwrap(map) { map in .group(.h2(.text(unit.kind == .kreis ? "Die Gemeinden des Kreises auf Aufwind" : "Die Kreise auf Aufwind")), map) },
            .if(unit.kind == .kreis, .unwrap(figures) { activityTable($0) }),
            .if(
                unit.kind == .land && !catalog.regierungsbezirke(ofLand: unit.key).isEmpty,
                .group(
                    .h2(.text("Regierungsbezirke und Regionen")),
                    .ul(.forEach(catalog.regierungsbezirke(ofLand: unit.key)) { .li(.unitLink($0)) })
                )),
            .if(
                hasGemeinden,
                .gemeindeTable(
                    catalog.gemeinden(in: unit.key).sorted { $0.population > $1.population },
                    caption: unit.kind == .kreis ? "Gemeinden, nach Einwohnern" : "Mitgliedsgemeinden, nach Einwohnern", catalog: catalog,
                    showsVerband: unit.kind == .kreis)),
            .if(hasKreise, KreisTable(kreise: kreise, catalog: catalog, caption: "Kreise und kreisfreie Städte", figures: figures).node()),
            .p(
                .a(
                    .safeHref(listLink()),
                    .text(
                        unit.kind == .gemeindeverband
                            ? "Alle Gemeinden des Kreises durchsuchen und filtern" : "Alle Gemeinden durchsuchen und filtern"))),
            .if(
                unit.kind == .kreis || unit.kind == .land,
                .p(
                    .a(
                        .safeHref(unit.kind == .kreis ? "/feeds/kreise/\(unit.key)" : "/feeds/laender/\(unit.key)"),
                        .attribute(named: "type", value: "application/atom+xml"),
                        .text(
                            "Neue öffentliche Einträge aus \(unit.kind == .kreis ? "diesem Kreis" : "diesem Land") abonnieren (Atom-Feed für Feedreader und Outlook)"
                        ))
                ))
        )
    }

    /// The Kreis's Gemeinden with what they do on Aufwind: active ones first (the map's table).
    private func activityTable(_ figures: AtlasFigures) -> Node<HTML.BodyContext> {
        let rows = catalog.gemeinden(in: unit.key).compactMap { g in figures.gemeinde(ags: g.ags).map { (gemeinde: g, activity: $0) } }
            .sorted { ($0.activity.isActive ? 0 : 1, -$0.gemeinde.population) < ($1.activity.isActive ? 0 : 1, -$1.gemeinde.population) }
        return .scrollBox(
            "Gemeinden des Kreises auf Aufwind", figures: true,
            cards: CardTable<(gemeinde: Gemeinde, activity: GemeindeActivity)>(
                caption: "Gemeinden auf Aufwind: aktive zuerst",
                columns: [
                    .init("Gemeinde", namesRow: true) { .gemeindeLink($0.gemeinde) },
                    .init("Stand") { .text(KreisActivityMap.State($0.activity).label) },
                    .init("Einträge", numeric: true) { .text(GermanFormat.integer($0.activity.items)) },
                    .init("Kooperationen", numeric: true) { .text(GermanFormat.integer($0.activity.cooperations)) },
                    .init("Verbünde", numeric: true) { .text(GermanFormat.integer($0.activity.verbuende)) },
                ],
                rows: rows))
    }

    private func listLink() -> String {
        switch unit.kind {
        case .land: "/gemeinden?land=\(unit.key)"
        case .regierungsbezirk: "/gemeinden?regbez=\(unit.key)"
        default: "/gemeinden?kreis=\(unit.key.prefix(5))"
        }
    }
}

/// Kreise with their totals.
struct KreisTable {
    var kreise: [Gebietseinheit]
    var catalog: RegisterCatalog
    var caption: String
    /// With the atlas's figures: a column of active Gemeinden.
    var figures: AtlasFigures? = nil

    func node() -> Node<HTML.BodyContext> {
        .scrollBox(
            caption, figures: true,
            .table(
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text("Kreis")),
                        .th(.attribute(named: "scope", value: "col"), .text("Art")),
                        .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Gemeinden")),
                        .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Einwohner")),
                        .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Fläche (km²)")),
                        .if(figures != nil, .th(.class("num"), .attribute(named: "scope", value: "col"), .text("aktive Gemeinden")))
                    )),
                .tbody(
                    .forEach(kreise) { kreis in
                        let totals = catalog.totals(of: kreis.key)
                        return .tr(
                            .td(.unitLink(kreis)),
                            .td(.text(kreis.typeName ?? "")),
                            .td(.class("num"), .text(GermanFormat.integer(totals.gemeinden))),
                            .td(.class("num"), .text(GermanFormat.integer(totals.population))),
                            .td(.class("num"), .text(GermanFormat.decimal(totals.areaKm2, digits: 0))),
                            .if(
                                figures != nil,
                                .td(
                                    .class("num"),
                                    .text(figures?.kreise[kreis.key].map { "\($0.activeGemeinden) (\(AtlasIndicator.aktiv.text($0)))" } ?? "–")))
                        )
                    })
            )
        )
    }
}
