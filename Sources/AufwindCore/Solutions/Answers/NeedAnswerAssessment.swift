import Foundation

/// How well an answered solution fits a Bedarf, and who near the town already runs it: the two
/// things the town weighs, each with the reason it can read ("passt, weil …").
///
/// - Fit (0…1): 0.6 × how much of the need's themes the solution covers (Handlungsfelder weight 1,
///   sub-themes weight ½, out of the need's own) + 0.4 × the share of the need's terms (title and
///   description, stemmed, at most the first `termsCounted` distinct ones) found in the solution's
///   texts. Coverage, not Jaccard: a solution for many fields is not worse for this one.
/// - Nearby (0…1): towns that run it now ("im Einsatz", confirmed within 18 months) within
///   `nearbyKm` of the town, three of them count fully.
/// - Score: 0.7 × fit + 0.3 × nearby.
public struct NeedAnswerAssessment: Sendable, Equatable {
    public static let nearbyKm = 50.0
    static let termsCounted = 12

    public struct Need: Sendable {
        public var handlungsfelder: Set<Handlungsfeld>
        public var unterthemen: Set<String>
        public var text: String
        /// The town that published the need.
        public var townKey: String

        public init(handlungsfelder: Set<Handlungsfeld>, unterthemen: Set<String>, text: String, townKey: String) {
            self.handlungsfelder = handlungsfelder
            self.unterthemen = unterthemen
            self.text = text
            self.townKey = townKey
        }
    }

    public struct Solution: Sendable {
        public var handlungsfelder: Set<Handlungsfeld>
        public var unterthemen: Set<String>
        public var text: String
        public var users: [SolutionUser]

        public init(handlungsfelder: Set<Handlungsfeld>, unterthemen: Set<String>, text: String, users: [SolutionUser]) {
            self.handlungsfelder = handlungsfelder
            self.unterthemen = unterthemen
            self.text = text
            self.users = users
        }
    }

    /// A town that runs the solution near the one that needs it.
    public struct NearbyUser: Sendable, Equatable {
        public var townKey: String
        public var km: Double
    }

    public var themeValue: Double
    public var textValue: Double
    public var sharedFields: [Handlungsfeld]
    public var sharedTerms: Int
    /// Towns within `nearbyKm` that run it now, nearest first.
    public var nearbyUsers: [NearbyUser]
    /// Towns anywhere that run it now.
    public var inUseCount: Int

    public var fit: Double { 0.6 * themeValue + 0.4 * textValue }
    public var nearbyValue: Double { min(1, Double(nearbyUsers.count) / 3) }
    public var score: Double { 0.7 * fit + 0.3 * nearbyValue }

    public static func assess(_ solution: Solution, for need: Need, now: Date, point: (String) -> GeoPoint?) -> NeedAnswerAssessment {
        let sharedFields = need.handlungsfelder.intersection(solution.handlungsfelder)
        let sharedSub = need.unterthemen.intersection(solution.unterthemen)
        let whole = Double(need.handlungsfelder.count) + 0.5 * Double(need.unterthemen.count)
        let theme = whole == 0 ? 0 : (Double(sharedFields.count) + 0.5 * Double(sharedSub.count)) / whole

        var seen = Set<String>()
        let needTerms = GermanTextAnalyzer.terms(need.text).filter { seen.insert($0).inserted }.prefix(termsCounted)
        let solutionTerms = Set(GermanTextAnalyzer.terms(solution.text))
        let sharedTerms = needTerms.count { solutionTerms.contains($0) }
        let text = needTerms.isEmpty ? 0 : Double(sharedTerms) / Double(needTerms.count)

        let cutoffs = ReferenceFreshness.Cutoffs(now: now)
        let inUse = solution.users.filter { $0.isInUse(cutoffs) }
        var nearby: [NearbyUser] = []
        if let origin = point(need.townKey) {
            nearby = inUse.compactMap { user in
                guard user.townKey != need.townKey, let place = point(user.townKey) else { return nil }
                let km = origin.distanceKm(to: place)
                return km <= nearbyKm ? NearbyUser(townKey: user.townKey, km: km) : nil
            }
            .sorted { $0.km != $1.km ? $0.km < $1.km : $0.townKey < $1.townKey }
        }
        return NeedAnswerAssessment(
            themeValue: theme, textValue: text, sharedFields: Handlungsfeld.allCases.filter(sharedFields.contains), sharedTerms: sharedTerms,
            nearbyUsers: nearby, inUseCount: inUse.count)
    }

    /// The reasons, in German, for the town's list.
    public func reasons(townName: (String) -> String) -> [String] {
        var reasons: [String] = []
        if sharedFields.isEmpty {
            reasons.append("Kein gemeinsames Handlungsfeld mit Ihrem Bedarf.")
        } else {
            reasons.append(
                "Handlungsfeld\(sharedFields.count == 1 ? "" : "er") wie Ihr Bedarf: \(sharedFields.map(\.label).joined(separator: ", ")).")
        }
        if sharedTerms > 0 {
            reasons.append(
                "\(GermanFormat.count(sharedTerms, "Begriff", "Begriffe")) aus Ihrem Bedarf \(sharedTerms == 1 ? "kommt" : "kommen") in der Lösung vor."
            )
        }
        let radius = GermanFormat.integer(Int(Self.nearbyKm))
        if let nearest = nearbyUsers.first {
            let others = nearbyUsers.count - 1
            reasons.append(
                "Im Einsatz in \(townName(nearest.townKey)) (\(GermanFormat.integer(Int(nearest.km.rounded()))) km)"
                    + (others > 0 ? " und \(GermanFormat.count(others, "weiteren Kommune", "weiteren Kommunen")) bis \(radius) km." : "."))
        } else if inUseCount > 0 {
            reasons.append("Im Einsatz in \(GermanFormat.count(inUseCount, "Kommune", "Kommunen")), keine davon bis \(radius) km entfernt.")
        } else {
            reasons.append("Noch keine Kommune hat bestätigt, dass sie die Lösung einsetzt.")
        }
        return reasons
    }
}
