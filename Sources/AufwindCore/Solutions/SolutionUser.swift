import Foundation

/// A town that confirmed it uses a solution, as the pages and the API show it.
public struct SolutionUser: Sendable, Equatable {
    /// AGS or Kreis key.
    public var townKey: String
    public var status: ReferenceStatus
    /// Since when ("2024-03", "2024-03-01") or "" when not said.
    public var since: String
    public var confirmedAt: Date
    /// Whether the town named a person others may ask about it.
    public var mayBeAsked: Bool

    public init(townKey: String, status: ReferenceStatus, since: String, confirmedAt: Date, mayBeAsked: Bool) {
        self.townKey = townKey
        self.status = status
        self.since = since
        self.confirmedAt = confirmedAt
        self.mayBeAsked = mayBeAsked
    }

    /// Whether it counts as a town running the solution now: "im Einsatz", confirmed within 18 months.
    public func isInUse(now: Date) -> Bool {
        status == .imEinsatz && ReferenceFreshness.of(confirmedAt: confirmedAt, now: now).countsAsInUse
    }

    /// The same, for many users at one `now`.
    public func isInUse(_ cutoffs: ReferenceFreshness.Cutoffs) -> Bool {
        status == .imEinsatz && cutoffs.of(confirmedAt: confirmedAt).countsAsInUse
    }
}

/// "Wer nutzt das in Ihrer Nähe?": the confirmed users of a solution, nearest first.
public enum NearbyUsers {
    public struct Entry: Sendable, Equatable {
        public var user: SolutionUser
        /// Distance from the viewer's town; nil when either has no coordinates.
        public var km: Double?
        public var freshness: ReferenceFreshness
    }

    /// Nearest first (unknown distances last, then by key); without an origin, in-use towns first,
    /// then by key. Replaced solutions ("abgelöst") come after every other status.
    public static func rank(_ users: [SolutionUser], from origin: GeoPoint?, now: Date, point: (String) -> GeoPoint?) -> [Entry] {
        let cutoffs = ReferenceFreshness.Cutoffs(now: now)
        let entries = users.map { user in
            Entry(
                user: user, km: origin.flatMap { origin in point(user.townKey).map { origin.distanceKm(to: $0) } },
                freshness: cutoffs.of(confirmedAt: user.confirmedAt))
        }
        return entries.sorted { a, b in
            let replacedA = a.user.status == .abgeloest
            let replacedB = b.user.status == .abgeloest
            if replacedA != replacedB { return !replacedA }
            switch (a.km, b.km) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            let inUseA = a.user.status == .imEinsatz && a.freshness.countsAsInUse
            let inUseB = b.user.status == .imEinsatz && b.freshness.countsAsInUse
            if inUseA != inUseB { return inUseA }
            return a.user.townKey < b.user.townKey
        }
    }

    /// How many towns run it now ("im Einsatz", confirmed within 18 months).
    public static func inUseCount(_ users: [SolutionUser], now: Date) -> Int {
        inUseCount(users, ReferenceFreshness.Cutoffs(now: now))
    }

    /// The same, for many solutions at one `now`.
    public static func inUseCount(_ users: [SolutionUser], _ cutoffs: ReferenceFreshness.Cutoffs) -> Int {
        users.count { $0.isInUse(cutoffs) }
    }
}
