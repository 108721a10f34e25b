import AufwindCore
import Foundation
import Plot

/// A small map as inline SVG: the Gemeinde, its neighbours and the other Gemeinden of its
/// Kreis as dots, projected from their coordinates. No tile server, no script.
struct LocatorMap {
    var center: Gemeinde
    var neighbours: [Gemeinde]
    var background: [Gemeinde]

    static let width = 300.0, height = 220.0, margin = 18.0

    func node() -> Node<HTML.BodyContext> {
        guard let origin = center.coordinate else { return .p(.text("Für diese Gemeinde liegen keine Koordinaten vor.")) }
        let points = ([center] + neighbours).compactMap(\.coordinate)
        let cosLat = cos(origin.latitude * .pi / 180)
        let xs = points.map { $0.longitude * cosLat }
        let ys = points.map(\.latitude)
        let minX = xs.min()!
        let maxX = xs.max()!
        let minY = ys.min()!
        let maxY = ys.max()!
        let span = max(maxX - minX, (maxY - minY) * Self.width / Self.height, 0.02)
        let scale = (Self.width - 2 * Self.margin) / span
        let offsetX = (Self.width - (maxX - minX) * scale) / 2
        let offsetY = (Self.height - (maxY - minY) * scale) / 2
        func project(_ p: GeoPoint) -> (x: Double, y: Double)? {
            let x = offsetX + (p.longitude * cosLat - minX) * scale
            let y = offsetY + (maxY - p.latitude) * scale
            guard (0...Self.width).contains(x), (0...Self.height).contains(y) else { return nil }
            return (x, y)
        }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        func circle(_ p: (x: Double, y: Double), radius: Double, cssClass: String) -> Node<HTML.BodyContext> {
            .element(
                named: "circle",
                nodes: [
                    .safeAttribute("cx", number(p.x)), .safeAttribute("cy", number(p.y)),
                    .safeAttribute("r", number(radius)), .safeAttribute("class", cssClass),
                ])
        }
        func label(_ p: (x: Double, y: Double), _ text: String) -> Node<HTML.BodyContext> {
            .element(
                named: "text",
                nodes: [
                    .safeAttribute("x", number(p.x + 4)), .safeAttribute("y", number(p.y - 3)), .text(text),
                ])
        }
        var nodes: [Node<HTML.BodyContext>] = [
            .safeAttribute("viewBox", "0 0 \(Int(Self.width)) \(Int(Self.height))"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "aria-labelledby", value: "karte-titel"),
            .element(
                named: "title",
                nodes: [
                    .attribute(named: "id", value: "karte-titel"),
                    .text("Lage von \(center.shortName) und der zehn nächsten Gemeinden"),
                ]),
            .element(
                named: "rect",
                nodes: [
                    .attribute(named: "x", value: "0"), .attribute(named: "y", value: "0"),
                    .safeAttribute("width", "\(Int(Self.width))"), .safeAttribute("height", "\(Int(Self.height))"),
                    .attribute(named: "class", value: "outline"),
                ]),
        ]
        for g in background { if let p = g.coordinate.flatMap(project) { nodes.append(circle(p, radius: 1.2, cssClass: "other")) } }
        for g in neighbours {
            if let p = g.coordinate.flatMap(project) {
                nodes.append(circle(p, radius: 2.5, cssClass: "neighbour"))
                nodes.append(label(p, g.shortName))
            }
        }
        if let p = project(origin) {
            nodes.append(circle(p, radius: 4.5, cssClass: "self"))
            nodes.append(label(p, center.shortName))
        }
        return .div(.class("map"), .element(named: "svg", nodes: nodes))
    }
}
