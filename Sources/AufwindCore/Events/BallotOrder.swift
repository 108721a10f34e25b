/// The order in which a voter sees the proposed sessions: a shuffle of its own per person, seeded
/// once by who they are. It does not depend on the votes, so a vote never moves anything on the
/// list (the order stays as it was during the whole visit), and early proposals gain nothing
/// from sitting at the top: each is first for about as many people as any other.
public enum BallotOrder {
    public static func order(_ ids: [String], for voter: String) -> [String] {
        ids.map { ($0, mix(voter + "\u{1}" + $0)) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map(\.0)
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
