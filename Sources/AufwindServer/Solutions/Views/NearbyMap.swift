import AufwindCore
import Foundation
import Plot

/// "Wer nutzt das in Ihrer Nähe?" as a small map: the chosen town's Kreis and the Kreise around it
/// (inline SVG, projected for Germany), the towns that confirmed using the solution as dots, the
/// chosen town marked. The list below the map says the same in words (with distances).
struct NearbyMap {
    struct Dot {
        var name: String
        var point: MapPoint
        var inUse: Bool
    }

    var solutionName: String
    var origin: (name: String, point: MapPoint)
    var center: ProjectedKreis
    var around: [ProjectedKreis]
    var frame: MapFrame
    var users: [Dot]

    static let width = 360.0, height = 260.0
    /// Kilometres around the Kreis's main area.
    static let margin = 6.0

    func node() -> Node<HTML.BodyContext> {
        let shown = users.filter { frame.bounds.contains($0.point) }
        let inUse = shown.count { $0.inUse }
        func circle(_ dot: MapPoint, radius: Double, cssClass: String, title: String) -> Node<HTML.BodyContext> {
            let (x, y) = frame.position(dot)
            return .element(
                named: "circle",
                nodes: [
                    .safeAttribute("cx", MapFrame.number(x)), .safeAttribute("cy", MapFrame.number(y)), .safeAttribute("r", MapFrame.number(radius)),
                    .safeAttribute("class", cssClass), .element(named: "title", nodes: [.text(title)]),
                ])
        }
        func path(_ kreis: ProjectedKreis, cssClass: String) -> Node<HTML.BodyContext> {
            .element(
                named: "path",
                nodes: [
                    .safeAttribute("d", frame.pathData(kreis.rings)), .safeAttribute("class", cssClass),
                    .element(named: "title", nodes: [.text(kreis.name)]),
                ])
        }
        let description =
            (shown.count == 1 ? "Eine Kommune in diesem Ausschnitt hat" : "\(shown.count) Kommunen in diesem Ausschnitt haben")
            + " bestätigt, dass sie „\(solutionName)“ nutzen oder nutzten; \(inUse) davon im Einsatz."
            + " Die Liste darunter nennt die nächsten mit Entfernung."
        var nodes: [Node<HTML.BodyContext>] = [
            .safeAttribute("viewBox", "0 0 \(Int(Self.width)) \(Int(Self.height))"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "aria-labelledby", value: "naehe-karte-titel naehe-karte-beschreibung"),
            .element(named: "title", nodes: [.attribute(named: "id", value: "naehe-karte-titel"), .text("Karte: \(center.name) und Umgebung")]),
            .element(named: "desc", nodes: [.attribute(named: "id", value: "naehe-karte-beschreibung"), .text(description)]),
        ]
        nodes += around.map { path($0, cssClass: "kreis") }
        nodes.append(path(center, cssClass: "kreis eigener"))
        nodes += shown.sorted { !$0.inUse && $1.inUse }.map {
            circle($0.point, radius: 3.2, cssClass: $0.inUse ? "nutzer" : "nutzer andere", title: $0.name)
        }
        nodes.append(circle(origin.point, radius: 4.5, cssClass: "self", title: "\(origin.name) (Ausgangspunkt)"))
        return .div(
            .class("map nearby-map"),
            .element(named: "svg", nodes: nodes),
            .p(
                .class("legend"),
                .span(
                    .class("legend-item"), .span(.class("legend-dot nutzer"), .attribute(named: "aria-hidden", value: "true")), .text(" im Einsatz")),
                .text(" "),
                .span(
                    .class("legend-item"), .span(.class("legend-dot andere"), .attribute(named: "aria-hidden", value: "true")),
                    .text(" geplant, in Erprobung, abgelöst oder länger nicht bestätigt")),
                .text(" "),
                .span(
                    .class("legend-item"), .span(.class("legend-dot self"), .attribute(named: "aria-hidden", value: "true")), .text(" \(origin.name)")
                ),
                .br(),
                .small(.text("Kreisgrenzen: © GeoBasis-DE / BKG (Daten verändert), dl-de/by-2-0")))
        )
    }
}
