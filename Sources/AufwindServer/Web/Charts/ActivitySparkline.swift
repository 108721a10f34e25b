import AufwindCore
import Plot

/// A Kreis's activity over the last twelve months as small bars (new public items and new
/// cooperations per month, side by side), with the totals as text beside it; the description says
/// every month's numbers.
struct ActivitySparkline {
    var id: String
    var place: String
    var items: MonthlyActivity
    var cooperations: MonthlyActivity

    static let width = 144.0, height = 28.0

    func node() -> Node<HTML.BodyContext> {
        let largest = max(1, (items.counts + cooperations.counts).max() ?? 1)
        let slot = Self.width / Double(items.counts.count)
        var content: [SVGMap.Content] = [
            .element(
                named: "line",
                nodes: [
                    .attribute(named: "x1", value: "0"), .safeAttribute("y1", MapFrame.number(Self.height - 0.5)),
                    .safeAttribute("x2", MapFrame.number(Self.width)), .safeAttribute("y2", MapFrame.number(Self.height - 0.5)),
                    .attribute(named: "class", value: "baseline"),
                ])
        ]
        for (index, pair) in zip(items.counts, cooperations.counts).enumerated() {
            for (offset, value, css) in [(0.0, pair.0, "spark-items"), (slot / 2, pair.1, "spark-coops")] where value > 0 {
                let barHeight = max(1.5, Double(value) / Double(largest) * (Self.height - 2))
                content.append(
                    .element(
                        named: "rect",
                        nodes: [
                            .safeAttribute("x", MapFrame.number(Double(index) * slot + offset + 0.5)),
                            .safeAttribute("y", MapFrame.number(Self.height - barHeight)), .safeAttribute("width", MapFrame.number(slot / 2 - 1)),
                            .safeAttribute("height", MapFrame.number(barHeight)), .safeAttribute("class", css),
                        ]))
            }
        }
        let description = "Neue öffentliche Einträge je Monat: \(items.spoken). Neue Kooperationen je Monat: \(cooperations.spoken)."
        return .span(
            .class("sparkline"),
            SVGMap.root(
                id: id, width: Self.width, height: Self.height, title: "\(place): Aktivität der letzten 12 Monate", description: description, content),
            .span(
                .class("meta"),
                .text(
                    " 12 Monate: \(GermanFormat.count(items.total, "neuer Eintrag", "neue Einträge")), "
                        + GermanFormat.count(cooperations.total, "neue Kooperation", "neue Kooperationen"))))
    }
}
