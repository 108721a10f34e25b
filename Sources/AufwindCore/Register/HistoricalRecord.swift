/// A register entry that a newer GV100AD no longer lists (merger, dissolution). Kept, never
/// deleted, so that content pointing at it survives.
public struct HistoricalRecord: Sendable, Hashable, Codable {
    /// Gebietsstand of the first file that no longer listed it.
    public var since: String
    /// AGS of the Gemeinde it most likely went into, where one can be inferred.
    public var successor: String?

    public init(since: String, successor: String?) {
        self.since = since
        self.successor = successor
    }
}
