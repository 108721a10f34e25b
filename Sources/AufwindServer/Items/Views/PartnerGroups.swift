import AufwindCore
import Plot

/// Partner suggestions in their two labelled groups, „In Ihrer Reichweite“ and „Weiter entfernt,
/// gleiches Thema“ (one list when the reach is bundesweit); an empty group says so and what helps.
struct PartnerGroups<Entry> {
    /// Every suggestion, those within reach first (as `PartnerSuggestions` orders them).
    var entries: [Entry]
    var isInReach: (Entry) -> Bool
    var hasFartherGroup: Bool
    /// Under the first group's heading: which reach it stands for.
    var inReachNote: String
    /// Under the second group's heading: what "the same theme" means here.
    var fartherNote: String
    var emptyInReach: String
    var emptyFarther: String
    /// When the reach is bundesweit (one list) and nothing fits.
    var emptyAll: String
    var row: (Entry) -> Node<HTML.ListContext>

    static var inReachHeading: String { "In Ihrer Reichweite" }
    static var fartherHeading: String { "Weiter entfernt, gleiches Thema" }

    func node() -> Node<HTML.BodyContext> {
        guard hasFartherGroup else {
            return .group(
                .if(entries.isEmpty, .p(.attribute(named: "role", value: "status"), .text(emptyAll))),
                .if(!entries.isEmpty, list(entries)))
        }
        return .group(
            group(heading: Self.inReachHeading, note: inReachNote, entries: entries.filter(isInReach), empty: emptyInReach),
            group(heading: Self.fartherHeading, note: fartherNote, entries: entries.filter { !isInReach($0) }, empty: emptyFarther))
    }

    private func group(heading: String, note: String, entries: [Entry], empty: String) -> Node<HTML.BodyContext> {
        .group(
            .h3(.text(heading)),
            .p(.class("hint"), .text(note)),
            .if(entries.isEmpty, .p(.attribute(named: "role", value: "status"), .text(empty))),
            .if(!entries.isEmpty, list(entries)))
    }

    private func list(_ entries: [Entry]) -> Node<HTML.BodyContext> {
        .ol(.class("results"), .forEach(entries) { row($0) })
    }
}

extension PartnerGroups {
    /// "zum Unterthema „IT-Sicherheit“" or "in einem der Handlungsfelder dieses Eintrags": what the farther
    /// group of an item asks for.
    static func sameTheme(of input: CooperationItemInput) -> String {
        let themes = input.unterthemen.compactMap { Unterthema.find($0)?.label }.map { "„\($0)“" }
        switch themes.count {
        case 0: return "in einem der Handlungsfelder dieses Eintrags"
        case 1: return "zum Unterthema \(themes[0])"
        default: return "zu einem der Unterthemen \(themes.joined(separator: ", "))"
        }
    }

    /// What a wider reach would add, for an empty first group.
    static func widerReachHint(_ reach: Reach) -> String {
        switch reach {
        case .nachbarschaft: "Mit der Reichweite „Region“ (bis 75 km oder gleicher Kreis) kommen mehr Partner in Frage."
        case .region: "Mit der Reichweite „bundesweit“ zählt die Entfernung nicht mehr."
        case .bundesweit: ""
        }
    }
}

extension Node where Context == HTML.BodyContext {
    /// "12 km entfernt" (nothing when a place is unknown).
    static func distance(_ km: Double?) -> Node {
        .unwrap(km) { .div(.class("meta"), .text("\(GermanFormat.integer(Int($0.rounded()))) km entfernt")) }
    }
}
