import AufwindCore
import Plot

/// Horizontal bars as inline SVG (no script), one row per thing, each bar of one or more parts
/// (stacked), its value written at its end: for people who would rather look than read. `role="img"`
/// with a title and a description that says every number; the page shows the same in a table.
struct BarChart {
    struct Bar {
        var label: String
        /// Stacked parts (value, CSS class); bars are scaled to the largest total.
        var parts: [(value: Double, cssClass: String)]
        var valueText: String
    }

    var id: String
    var title: String
    var description: String
    var bars: [Bar]
    /// Legend entries (CSS class of the swatch, label), when the bars have parts.
    var legend: [(cssClass: String, label: String)] = []

    static let width = 560.0, rowHeight = 22.0, labelWidth = 170.0, valueWidth = 120.0
    /// Longer labels are cut with "…" (the table and the description have them whole).
    static let labelCharacters = 26

    func node() -> Node<HTML.BodyContext> {
        let height = Double(bars.count) * Self.rowHeight + 6
        let largest = bars.map { $0.parts.reduce(0) { $0 + $1.value } }.max() ?? 0
        let span = Self.width - Self.labelWidth - Self.valueWidth
        var content: [SVGMap.Content] = []
        for (index, bar) in bars.enumerated() {
            let y = 3 + Double(index) * Self.rowHeight
            let label = bar.label.count > Self.labelCharacters ? String(bar.label.prefix(Self.labelCharacters - 1)) + "…" : bar.label
            content.append(
                .element(
                    named: "text",
                    nodes: [
                        .safeAttribute("x", MapFrame.number(Self.labelWidth - 6)), .safeAttribute("y", MapFrame.number(y + 14)),
                        .attribute(named: "text-anchor", value: "end"), .text(label),
                    ]))
            var x = Self.labelWidth
            for part in bar.parts where part.value > 0 && largest > 0 {
                let width = max(1, part.value / largest * span)
                content.append(
                    .element(
                        named: "rect",
                        nodes: [
                            .safeAttribute("x", MapFrame.number(x)), .safeAttribute("y", MapFrame.number(y + 3)),
                            .safeAttribute("width", MapFrame.number(width)), .safeAttribute("height", MapFrame.number(Self.rowHeight - 8)),
                            .safeAttribute("class", part.cssClass),
                        ]))
                x += width
            }
            content.append(
                .element(
                    named: "text",
                    nodes: [.safeAttribute("x", MapFrame.number(x + 6)), .safeAttribute("y", MapFrame.number(y + 14)), .text(bar.valueText)]))
        }
        return .div(
            .class("chart"),
            SVGMap.root(id: id, width: Self.width, height: height, title: title, description: description, content),
            .if(!legend.isEmpty, .p(.class("legend"), .group(legend.map { SVGMap.legendItem(swatch: $0.cssClass, $0.label) }))))
    }
}
