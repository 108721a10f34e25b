import Testing

@testable import AufwindCore

@Suite("Match alerts: which ranked matches a new item is alerted to")
struct MatchAlertCandidatesTests {
    static func item(_ id: String, town: String, demo: Bool = false) -> CooperationItem {
        CooperationItem(
            id: id, kind: .angebot, ownerKey: town, title: "Eintrag \(id)", description: "", handlungsfelder: [.schuleBildung], reach: .bundesweit,
            isDemo: demo)
    }

    static func match(_ item: CooperationItem, _ score: Double) -> ItemMatch {
        ItemMatch(
            item: item, score: score,
            explanation: MatchExplanation(
                tier: .handlungsfeld,
                parts: [
                    .init(component: .thema, weight: 0.5, value: 1, reason: "gleiche Handlungsfelder"),
                    .init(component: .text, weight: 0.5, value: 0.2, reason: "ähnliche Worte"),
                    .init(component: .aktivitaet, weight: 0.1, value: 0, reason: "wenig aktiv"),
                ]), distanceKm: nil, inReach: true)
    }

    @Test("each town's threshold, rounded down; never own items, never demo data on either side")
    func selection() {
        let new = Self.item("neu", town: "ahlen")
        let matches = [
            Self.match(Self.item("a", town: "oelde"), 0.85), Self.match(Self.item("b", town: "warendorf"), 0.85),
            Self.match(Self.item("c", town: "oelde"), 0.699), Self.match(Self.item("d", town: "ahlen"), 0.95),
            Self.match(Self.item("e", town: "muenster", demo: true), 0.99),
        ]
        let thresholds = ["warendorf": 90]
        let chosen = MatchAlertCandidates.select(for: new, among: matches) { thresholds[$0] ?? 70 }
        #expect(chosen.map(\.match.item.id) == ["a"] && chosen.first?.points == 85)
        #expect(MatchAlertCandidates.select(for: Self.item("demo", town: "ahlen", demo: true), among: matches) { _ in 0 }.isEmpty)
    }

    @Test("the explanation: the strongest reasons first, none without value")
    func reasons() {
        #expect(
            MatchAlertCandidates.reasons(Self.match(Self.item("a", town: "oelde"), 0.8).explanation)
                == ["gleiche Handlungsfelder", "ähnliche Worte"])
    }
}
