import AufwindCore
import Plot

/// A town profile's map: its Kreis with the Kreise around it, the town highlighted, its ten nearest
/// towns named, the other Gemeinden of its Kreis as small dots.
struct KreisLocatorMap {
    var gemeinde: Gemeinde
    /// "Kreis Warendorf", "Kreisfreie Stadt Münster".
    var kreisName: String
    var center: ProjectedKreis
    var around: [ProjectedKreis]
    var frame: MapFrame
    var nearest: [Gemeinde]
    var others: [Gemeinde]

    static let width = 360.0, height = 300.0
    /// Place names: their size on the map (10 px, `.locator-map text`), for leaving out overlapping ones.
    static let characterWidth = 5.6, lineHeight = 11.0
    /// Kilometres around the Kreis and the nearest towns.
    static let margin = 4.0

    func node() -> Node<HTML.BodyContext> {
        let projection = MapProjection.germany
        var content: [SVGMap.Content] = around.map { SVGMap.path(frame.pathData($0.rings), cssClass: "kreis", title: $0.name) }
        content.append(SVGMap.path(frame.pathData(center.rings), cssClass: "kreis eigener", title: kreisName))
        let nearKeys = Set(nearest.map(\.ags))
        for other in others where other.ags != gemeinde.ags && !nearKeys.contains(other.ags) {
            guard let point = other.coordinate.map(projection.project), frame.bounds.contains(point) else { continue }
            content.append(SVGMap.dot(frame, point, radius: 1.4, cssClass: "other", title: other.shortName))
        }
        // Names that would overlap one already placed are left to the dot's title and the table below.
        var placed: [(x: Double, y: Double, width: Double)] = []
        func place(_ point: MapPoint, _ name: String) {
            let (x, y) = frame.position(point)
            let width = Double(name.count) * Self.characterWidth
            let overlaps = placed.contains { abs($0.y - y) < Self.lineHeight && x < $0.x + $0.width + 2 && $0.x < x + width + 2 }
            guard !overlaps, x + 4 + width <= Self.width else { return }
            placed.append((x, y, width))
            content.append(SVGMap.placeName(frame, point, name))
        }
        let ownPoint = gemeinde.coordinate.map(projection.project)
        if let ownPoint { place(ownPoint, gemeinde.shortName) }
        var shownNearest = 0
        for neighbour in nearest {
            guard let point = neighbour.coordinate.map(projection.project), frame.bounds.contains(point) else { continue }
            content.append(SVGMap.dot(frame, point, radius: 2.6, cssClass: "neighbour", title: neighbour.shortName))
            place(point, neighbour.shortName)
            shownNearest += 1
        }
        if let ownPoint { content.append(SVGMap.dot(frame, ownPoint, radius: 4.5, cssClass: "self", title: gemeinde.shortName)) }
        let description =
            "\(gemeinde.shortName) (roter Punkt) mit den Grenzen des Gebiets \(kreisName) und der Kreise ringsum; \(shownNearest == 1 ? "die nächste Gemeinde als blauer Punkt" : "die \(shownNearest) nächsten Gemeinden als blaue Punkte"), die übrigen Gemeinden des Kreises als kleine graue Punkte. Die Tabelle unten nennt die nächsten mit Entfernung."
        return .div(
            .class("map locator-map"),
            SVGMap.root(
                id: "lage-karte", width: Self.width, height: Self.height, title: "Lage von \(gemeinde.shortName) (\(kreisName))",
                description: description, content),
            .p(
                .class("legend"), SVGMap.legendItem(swatch: "dot-self", gemeinde.shortName),
                SVGMap.legendItem(swatch: "dot-neighbour", "die nächsten Gemeinden"),
                SVGMap.legendItem(swatch: "dot-other", "weitere Gemeinden des Kreises"),
                .br(), .small(.text(SVGMap.bordersAttribution))))
    }
}
