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
        for neighbour in nearest {
            guard let point = neighbour.coordinate.map(projection.project), frame.bounds.contains(point) else { continue }
            content.append(SVGMap.dot(frame, point, radius: 2.6, cssClass: "neighbour", title: neighbour.shortName))
            content.append(SVGMap.placeName(frame, point, neighbour.shortName))
        }
        if let point = gemeinde.coordinate.map(projection.project) {
            content.append(SVGMap.dot(frame, point, radius: 4.5, cssClass: "self", title: gemeinde.shortName))
            content.append(SVGMap.placeName(frame, point, gemeinde.shortName))
        }
        let description =
            "\(gemeinde.shortName) (roter Punkt) im Gebiet \(kreisName) mit den Kreisen ringsum; die zehn nächsten Gemeinden sind benannt, die übrigen Gemeinden des Kreises als kleine Punkte. Die Tabelle unten nennt die nächsten mit Entfernung."
        return .div(
            .class("map"),
            SVGMap.root(
                id: "lage-karte", width: Self.width, height: Self.height, title: "Lage von \(gemeinde.shortName) (\(kreisName))",
                description: description, content),
            .p(.class("legend"), .small(.text(SVGMap.bordersAttribution))))
    }
}
