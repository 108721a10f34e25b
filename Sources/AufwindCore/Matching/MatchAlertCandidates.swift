/// Which of another town's items a newly published item should be alerted to: those the match
/// engine ranks at or above the threshold of the item's town (0…100), never demo data on either
/// side and never the publishing town's own items.
public enum MatchAlertCandidates {
    /// How many ranked matches are looked at: the lowest threshold a town may choose leaves far
    /// fewer above it.
    public static let considered = 200

    public struct Candidate: Sendable, Equatable {
        public var match: ItemMatch
        /// The score as the alert says it, 0…100.
        public var points: Int
    }

    /// `matches` as the engine ranked them for `item`; `threshold` gives a town's threshold.
    public static func select(for item: CooperationItem, among matches: [ItemMatch], threshold: (String) -> Int) -> [Candidate] {
        guard !item.isDemo else { return [] }
        return matches.compactMap { match in
            let candidate = match.item
            guard !candidate.isDemo, candidate.ownerKey != item.ownerKey, candidate.id != item.id else { return nil }
            let points = Self.points(match.score)
            return points >= threshold(candidate.ownerKey) ? Candidate(match: match, points: points) : nil
        }
    }

    /// A score (0…1) in points, rounded down: 69.9 is below 70.
    public static func points(_ score: Double) -> Int { Int((score * 100).rounded(.down)) }

    /// Why the two fit, for the alert: the reasons of the strongest components, strongest first.
    public static func reasons(_ explanation: MatchExplanation, limit: Int = 3) -> [String] {
        let telling = explanation.parts.filter { $0.value > 0 && !$0.reason.isEmpty }
        let strongestFirst = telling.sorted { (lhs: MatchExplanation.Part, rhs: MatchExplanation.Part) -> Bool in
            lhs.weight * lhs.value > rhs.weight * rhs.value
        }
        // The reasons name their subject ("gemeinsame Handlungsfelder: …"): no label before them.
        return strongestFirst.prefix(limit).map(\.reason)
    }
}
