import AufwindCore
import Plot

/// Germany by Kreis as a choropleth (inline SVG, drawn from the path data the shape store wrote
/// once): each Kreis in its indicator's class, named with its figure, a link to its page; with the
/// cooperation indicator the busiest links between Kreise as lines, *nah* solid and *fern* dashed.
struct GermanyMap {
    var shapes: KreisShapeStore.Shapes
    var figures: AtlasFigures
    var indicator: AtlasIndicator
    var catalog: RegisterCatalog
    var fieldLabel: String?

    /// At most this many lines: the busiest pairs of Kreise.
    static let maximumLinks = 60

    func node() -> Node<HTML.BodyContext> {
        let frame = shapes.countryFrame
        var content: [SVGMap.Content] = shapes.country.map { kreis, path in
            let activity = figures.kreise[kreis.key] ?? KreisActivity(key: kreis.key)
            let name = catalog.unit(key: kreis.key)?.name ?? kreis.name
            let css = "kreis \(indicator == .isoliert ? "i" : "k")\(indicator.classIndex(of: activity))"
            return SVGMap.link("/kreise/\(kreis.key)", SVGMap.path(path, cssClass: css, title: "\(name): \(indicator.text(activity))"))
        }
        let links = indicator == .kooperationen ? Array(figures.links.prefix(Self.maximumLinks)) : []
        let projection = MapProjection.germany
        for link in links {
            guard let from = AtlasFigures.point(of: link.from, catalog), let to = AtlasFigures.point(of: link.to, catalog) else { continue }
            let names = [link.from, link.to].map { catalog.unit(key: $0)?.name ?? $0 }
            let width = 1 + min(3, Double(link.total - 1).squareRoot() * 0.6)
            content.append(
                SVGMap.line(
                    frame, from: projection.project(from), to: projection.project(to), width: width,
                    cssClass: link.far > link.near ? "link fern" : "link nah",
                    title: "\(names[0]) – \(names[1]): \(link.near) nah, \(link.far) fern"))
        }
        let scope = fieldLabel.map { " im Handlungsfeld „\($0)“" } ?? ""
        var description =
            "Die \(shapes.country.count) Kreise und kreisfreien Städte, gefärbt nach der Kennzahl „\(indicator.label)“\(scope) in fünf Stufen (Legende unter der Karte)."
        if indicator == .kooperationen {
            description +=
                " Linien verbinden Kreise, deren Kommunen miteinander kooperieren (die \(links.count) häufigsten Verbindungen, je mehr Kooperationen, desto breiter; durchgezogen: mindestens die Hälfte nah, bis 25 km; gestrichelt: überwiegend fern)."
        }
        description += " Die Tabelle unter der Karte nennt jeden Kreis mit seinen Zahlen."
        let palette = indicator == .isoliert ? "i" : "k"
        return .div(
            .class("map atlas-map"),
            SVGMap.root(
                id: "atlas-karte", width: KreisShapeStore.countryWidth, height: KreisShapeStore.countryHeight,
                title: "Karte der Kreise: \(indicator.label)\(scope)", description: description, links: true, content),
            .p(
                .class("legend"),
                .strong(.text(indicator.label + ": ")),
                .group(indicator.classes.map { SVGMap.legendItem(swatch: "\(palette)\($0.index)", $0.label) }),
                .if(
                    indicator == .kooperationen && !links.isEmpty,
                    .group(
                        .br(), .text("Linien: Kooperationen zwischen Kreisen (die \(links.count) häufigsten) – "),
                        SVGMap.legendItem(swatch: "line-nah", "durchgezogen: mindestens die Hälfte nah (bis 25 km)"),
                        SVGMap.legendItem(swatch: "line-fern", "gestrichelt: überwiegend fern"))),
                .br(),
                .small(.text(SVGMap.bordersAttribution))
            )
        )
    }
}
