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

extension Array {
    /// The first index whose element satisfies `belongs` in an array partitioned by it (false … true).
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
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
    ///
    /// - Parameter limit: only the first `limit` (nil: all). The order is found on small keys (no
    ///   strings, unless two towns tie), so ranking thousands of users for the first 20 stays cheap.
    public static func rank(
        _ users: [SolutionUser], from origin: GeoPoint?, now: Date, limit: Int? = nil, cutoffs known: ReferenceFreshness.Cutoffs? = nil,
        point: (String) -> GeoPoint?
    ) -> [Entry] {
        let cutoffs = known ?? ReferenceFreshness.Cutoffs(now: now)
        struct Key {
            var replaced: Bool
            /// Infinity when unknown.
            var km: Double
            var known: Bool
            var inUse: Bool
            var freshness: ReferenceFreshness
            var index: Int
        }
        var keys: [Key] = []
        keys.reserveCapacity(users.count)
        for (index, user) in users.enumerated() {
            let km = origin.flatMap { origin in point(user.townKey).map { origin.distanceKm(to: $0) } }
            let freshness = cutoffs.of(confirmedAt: user.confirmedAt)
            keys.append(
                Key(
                    replaced: user.status == .abgeloest, km: km ?? .infinity, known: km != nil,
                    inUse: user.status == .imEinsatz && freshness.countsAsInUse, freshness: freshness, index: index))
        }
        func precedes(_ a: Key, _ b: Key) -> Bool {
            if a.replaced != b.replaced { return !a.replaced }
            if a.known != b.known { return a.known }
            if a.known, a.km != b.km { return a.km < b.km }
            if a.inUse != b.inUse { return a.inUse }
            return users[a.index].townKey < users[b.index].townKey
        }
        let chosen: ArraySlice<Key>
        if let limit, limit < keys.count {
            // The first `limit` without sorting the rest: a bounded insertion into a sorted prefix.
            var best: [Key] = []
            best.reserveCapacity(limit + 1)
            for key in keys {
                if best.count == limit, let last = best.last, !precedes(key, last) { continue }
                let position = best.partitioningIndex { precedes(key, $0) }
                best.insert(key, at: position)
                if best.count > limit { best.removeLast() }
            }
            chosen = best[...]
        } else {
            chosen = keys.sorted(by: precedes)[...]
        }
        return chosen.map { key in
            Entry(user: users[key.index], km: key.known ? key.km : nil, freshness: key.freshness)
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
