import Foundation

/// Which entries of a personal agenda happen at the same time (two sessions one has marked,
/// a session and a 1:1 meeting): entries clash when their times overlap; one ending as the
/// other begins does not.
public enum AgendaClashes {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var interval: DateInterval

        public init(id: String, interval: DateInterval) {
            self.id = id
            self.interval = interval
        }
    }

    /// For each entry that clashes, the ids of the entries it clashes with (in the given order).
    public static func find(_ entries: [Entry]) -> [String: [String]] {
        var clashes: [String: [String]] = [:]
        for (index, first) in entries.enumerated() {
            for second in entries[(index + 1)...]
            where first.id != second.id && first.interval.start < second.interval.end && second.interval.start < first.interval.end {
                clashes[first.id, default: []].append(second.id)
                clashes[second.id, default: []].append(first.id)
            }
        }
        return clashes
    }
}
