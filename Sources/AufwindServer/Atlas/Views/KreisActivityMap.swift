import AufwindCore
import Plot

/// A Kreis page's map: the Kreis with the Kreise around it, its Gemeinden as dots coloured by their
/// activity on Aufwind (active; cooperating or in a Verbund without an item of their own; isolated).
struct KreisActivityMap {
    var kreis: Gebietseinheit
    var center: ProjectedKreis
    var around: [ProjectedKreis]
    var frame: MapFrame
    var gemeinden: [(gemeinde: Gemeinde, activity: GemeindeActivity)]

    static let width = 420.0, height = 360.0, margin = 4.0

    enum State: String {
        case aktiv, beteiligt, isoliert

        init(_ activity: GemeindeActivity) {
            self = activity.isActive ? .aktiv : activity.isIsolated ? .isoliert : .beteiligt
        }

        var label: String {
            switch self {
            case .aktiv: "aktiv (Mitglied oder Eintrag)"
            case .beteiligt: "kooperiert oder im Verbund, ohne eigenen Eintrag"
            case .isoliert: "ohne Eintrag, Kooperation und Verbund"
            }
        }
    }

    func node() -> Node<HTML.BodyContext> {
        let projection = MapProjection.germany
        var content: [SVGMap.Content] = around.map { SVGMap.path(frame.pathData($0.rings), cssClass: "kreis", title: $0.name) }
        content.append(SVGMap.path(frame.pathData(center.rings), cssClass: "kreis eigener", title: kreis.displayName))
        var counts: [State: Int] = [:]
        // Isolated first, so the active ones are drawn on top.
        let ordered = gemeinden.sorted { State($0.activity) == .isoliert && State($1.activity) != .isoliert }
        for (gemeinde, activity) in ordered {
            guard let coordinate = gemeinde.coordinate else { continue }
            let state = State(activity)
            counts[state, default: 0] += 1
            var title = "\(gemeinde.shortName): \(state.label)"
            if !activity.isIsolated {
                title +=
                    " – \(GermanFormat.count(activity.items, "Eintrag", "Einträge")), \(GermanFormat.count(activity.cooperations, "Kooperation", "Kooperationen")), \(GermanFormat.count(activity.verbuende, "Verbund", "Verbünde"))"
            }
            content.append(
                SVGMap.dot(
                    frame, projection.project(coordinate), radius: state == .isoliert ? 2.2 : 3.4, cssClass: "gemeinde \(state.rawValue)",
                    title: title))
        }
        let description =
            "\(kreis.kreisLabel) mit den Kreisen ringsum; \(gemeinden.count == 1 ? "seine Gemeinde als Punkt" : "seine \(gemeinden.count) Gemeinden als Punkte"): "
            + [State.aktiv, .beteiligt, .isoliert].map { "\(counts[$0] ?? 0) \($0.label)" }.joined(separator: ", ")
            + ". Die Tabelle darunter nennt jede Gemeinde."
        return .div(
            .class("map area-map"),
            SVGMap.root(
                id: "kreis-karte", width: Self.width, height: Self.height,
                title: "Karte: Aktivität der Gemeinden – \(kreis.kreisLabel)", description: description, content),
            .p(
                .class("legend"),
                .group([State.aktiv, .beteiligt, .isoliert].map { SVGMap.legendItem(swatch: "dot-\($0.rawValue)", $0.label) }),
                .br(), .small(.text(SVGMap.bordersAttribution)))
        )
    }
}
