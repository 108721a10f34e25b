import AufwindCore
import Plot

/// The map of a Land or Regierungsbezirk: its Kreise coloured by the share of active Gemeinden, each
/// a link to its page (the table below holds the same links), the Kreise around it in grey.
struct AreaKreiseMap {
    var area: Gebietseinheit
    var kreise: [ProjectedKreis]
    var around: [ProjectedKreis]
    var frame: MapFrame
    var figures: AtlasFigures
    var catalog: RegisterCatalog

    static let width = 420.0, height = 420.0, margin = 5.0

    func node() -> Node<HTML.BodyContext> {
        let indicator = AtlasIndicator.aktiv
        var content: [SVGMap.Content] = around.map { SVGMap.path(frame.pathData($0.rings), cssClass: "kreis aussen", title: $0.name) }
        for kreis in kreise {
            let activity = figures.kreise[kreis.key] ?? KreisActivity(key: kreis.key)
            let name = catalog.unit(key: kreis.key)?.name ?? kreis.name
            content.append(
                SVGMap.link(
                    "/kreise/\(kreis.key)",
                    SVGMap.path(
                        frame.pathData(kreis.rings), cssClass: "kreis k\(indicator.classIndex(of: activity))",
                        title:
                            "\(name): \(activity.activeGemeinden) von \(GermanFormat.count(activity.gemeinden, "Gemeinde", "Gemeinden")) aktiv (\(indicator.text(activity)))"
                    )))
        }
        let description =
            "\(kreise.count == 1 ? "Der Kreis" : "Die \(kreise.count) Kreise und kreisfreien Städte") in \(area.displayName), gefärbt nach dem Anteil der aktiven Gemeinden in fünf Stufen (Legende unter der Karte); die Tabelle darunter nennt jeden Kreis."
        return .div(
            .class("map area-map"),
            SVGMap.root(
                id: "gebiet-karte", width: Self.width, height: Self.height, title: "Karte: aktive Gemeinden je Kreis – \(area.displayName)",
                description: description, links: true, content),
            .p(
                .class("legend"), .strong(.text("Aktive Gemeinden: ")),
                .group(indicator.classes.map { SVGMap.legendItem(swatch: "k\($0.index)", $0.label) }),
                .br(), .small(.text(SVGMap.bordersAttribution))))
    }
}
