/// The order in which a voter sees the proposed sessions: fewest votes first, ties shuffled per
/// person (stable for that person, different between people), so early proposals gain nothing
/// from sitting at the top of the list.
public enum BallotOrder {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var votes: Int
        public init(id: String, votes: Int) {
            self.id = id
            self.votes = votes
        }
    }

    public static func order(_ entries: [Entry], for voter: String) -> [String] {
        entries
            .map { ($0, mix(voter + "\u{1}" + $0.id)) }
            .sorted { ($0.0.votes, $0.1, $0.0.id) < ($1.0.votes, $1.1, $1.0.id) }
            .map(\.0.id)
    }

    /// FNV-1a (64 bit): deterministic across runs and machines, unlike `Hasher`.
    static func mix(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
