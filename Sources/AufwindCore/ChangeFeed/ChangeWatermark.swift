/// How far an instance has read the change log for good, and which rows it applies next.
///
/// Sequence numbers are handed out when a row is written, but transactions commit in any order:
/// a reader may see row 11 while row 10 of a longer transaction is still invisible, and a
/// transaction that rolls back leaves 10 out for ever. So the position only moves over a gap once
/// no transaction that could still fill it is running. PostgreSQL tells that by the snapshot taken
/// with the read: when a later read's oldest running transaction (`xmin`) is at or past the first
/// transaction id that was unassigned at the earlier read (`xmax`), every transaction that could
/// own a missing row has ended, and that read saw whatever they wrote. Rows above the position
/// that were applied already are remembered, so every row is applied exactly once.
///
/// SQLite has one writer at a time and hands out numbers in commit order: what a read sees is final
/// (`snapshot: nil`).
public struct ChangeWatermark: Sendable, Equatable {
    /// The transactions a read could not see yet: those from `xmin` (the oldest still running) up to
    /// `xmax` (the first not yet started).
    public struct Snapshot: Sendable, Equatable {
        public var xmin: UInt64
        public var xmax: UInt64

        public init(xmin: UInt64, xmax: UInt64) {
            self.xmin = xmin
            self.xmax = xmax
        }
    }

    /// Every row up to here is applied, or will never appear.
    public private(set) var position: Int64
    /// Rows above `position` that were applied.
    private var applied: Set<Int64> = []
    /// Gaps below `upTo` that become final once a read's `xmin` reaches `xmax`.
    private var pending: [(upTo: Int64, xmax: UInt64)] = []

    public init(position: Int64) { self.position = position }

    /// Rows missing below the highest applied one, still waited for.
    public var waitsForGaps: Bool { !pending.isEmpty }

    /// The position of copies loaded right after a read of the log's newest rows (those after
    /// `floor`, with its snapshot): what the read saw is in the copies; numbers it did not see may
    /// still come from transactions running then, and are applied when they commit.
    public init(startingAfter floor: Int64, visible: [Int64], snapshot: Snapshot?) {
        self.init(position: floor)
        _ = receive(visible, snapshot: snapshot)
    }

    /// Takes the sequence numbers of one read (rows after `position`) with its snapshot; returns
    /// those to apply now, ascending (each exactly once over all reads). `coveredThrough`: the
    /// highest number the read vouches for when it stopped at its row limit (nil: it returned every
    /// row); a gap above it is not crossed on this read's snapshot, whose rows there were cut off.
    public mutating func receive(_ sequences: [Int64], snapshot: Snapshot?, coveredThrough: Int64? = nil) -> [Int64] {
        let fresh = Set(sequences.filter { $0 > position && !applied.contains($0) }).sorted()
        applied.formUnion(fresh)
        let highest = applied.max() ?? position
        guard let snapshot else {
            advance(to: min(highest, coveredThrough ?? .max))
            return fresh
        }
        advanceOverContiguous()
        if highest > position, pending.last.map({ $0.upTo < highest }) ?? true {
            pending.append((highest, snapshot.xmax))
        }
        // This read saw every row of the transactions that ended before its snapshot (up to where it
        // was cut off).
        while let first = pending.first, snapshot.xmin >= first.xmax, first.upTo <= (coveredThrough ?? .max) {
            pending.removeFirst()
            advance(to: first.upTo)
        }
        return fresh
    }

    private mutating func advanceOverContiguous() {
        while applied.contains(position + 1) {
            position += 1
            applied.remove(position)
        }
        pending.removeAll { $0.upTo <= position }
    }

    private mutating func advance(to sequence: Int64) {
        guard sequence > position else { return }
        position = sequence
        applied = applied.filter { $0 > position }
        advanceOverContiguous()
    }

    public static func == (lhs: ChangeWatermark, rhs: ChangeWatermark) -> Bool {
        lhs.position == rhs.position && lhs.applied == rhs.applied
            && lhs.pending.map(\.upTo) == rhs.pending.map(\.upTo) && lhs.pending.map(\.xmax) == rhs.pending.map(\.xmax)
    }
}
