import AufwindCore
import Plot

/// The pieces every map of Aufwind is drawn with (inline SVG, no script): the root with its title and
/// description for screen readers, Kreise as paths, towns as dots, links as lines, each named by a
/// `<title>` (shown on hover). Maps with `role="img"` are one picture for assistive technology; where
/// a Kreis is a link for the mouse, the table under the map holds the same links for the keyboard.
enum SVGMap {
    typealias Content = Node<HTML.BodyContext>

    /// The `<svg>` element named by its title and description: `role="img"`, or for a map whose
    /// shapes are links (`links`) no role (its own, a graphics document: an image may hold no links)
    /// with the links hidden from assistive technology and the keyboard — the table under such a map
    /// has the same links.
    static func root(id: String, width: Double, height: Double, title: String, description: String, links: Bool = false, _ content: [Content])
        -> Content
    {
        .element(
            named: "svg",
            nodes: [
                .safeAttribute("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                .safeAttribute("role", links ? nil : "img"),
                .safeAttribute("aria-labelledby", "\(id)-titel"), .safeAttribute("aria-describedby", "\(id)-beschreibung"),
                .element(named: "title", nodes: [.safeAttribute("id", "\(id)-titel"), .text(title)]),
                .element(named: "desc", nodes: [.safeAttribute("id", "\(id)-beschreibung"), .text(description)]),
            ] + content)
    }

    static func path(_ data: String, cssClass: String, title: String) -> Content {
        .element(
            named: "path",
            nodes: [.safeAttribute("d", data), .safeAttribute("class", cssClass), .element(named: "title", nodes: [.text(title)])])
    }

    /// A shape that leads to a page for the mouse (the table beside the map is the keyboard's way).
    static func link(_ href: String, _ content: Content) -> Content {
        .element(
            named: "a",
            nodes: [
                .safeAttribute("href", href), .attribute(named: "tabindex", value: "-1"), .attribute(named: "aria-hidden", value: "true"), content,
            ])
    }

    static func dot(_ frame: MapFrame, _ point: MapPoint, radius: Double, cssClass: String, title: String) -> Content {
        let (x, y) = frame.position(point)
        return .element(
            named: "circle",
            nodes: [
                .safeAttribute("cx", MapFrame.number(x)), .safeAttribute("cy", MapFrame.number(y)), .safeAttribute("r", MapFrame.number(radius)),
                .safeAttribute("class", cssClass), .element(named: "title", nodes: [.text(title)]),
            ])
    }

    static func line(_ frame: MapFrame, from: MapPoint, to: MapPoint, width: Double, cssClass: String, title: String) -> Content {
        let (x1, y1) = frame.position(from)
        let (x2, y2) = frame.position(to)
        return .element(
            named: "line",
            nodes: [
                .safeAttribute("x1", MapFrame.number(x1)), .safeAttribute("y1", MapFrame.number(y1)), .safeAttribute("x2", MapFrame.number(x2)),
                .safeAttribute("y2", MapFrame.number(y2)), .safeAttribute("stroke-width", MapFrame.number(width)), .safeAttribute("class", cssClass),
                .element(named: "title", nodes: [.text(title)]),
            ])
    }

    static func placeName(_ frame: MapFrame, _ point: MapPoint, _ text: String) -> Content {
        let (x, y) = frame.position(point)
        return .element(
            named: "text",
            nodes: [
                .safeAttribute("x", MapFrame.number(x + 4)), .safeAttribute("y", MapFrame.number(y - 3)),
                .attribute(named: "aria-hidden", value: "true"), .text(text),
            ])
    }

    /// A legend entry: a swatch in the class's colour and its label.
    static func legendItem(swatch: String, _ label: String) -> Content {
        .span(
            .class("legend-item"), .span(.safeClass("legend-swatch \(swatch)"), .attribute(named: "aria-hidden", value: "true")), .text(" " + label))
    }

    /// The sources under every map with borders.
    static let bordersAttribution = "Kreisgrenzen: © GeoBasis-DE / BKG (Daten verändert), dl-de/by-2-0"
}
