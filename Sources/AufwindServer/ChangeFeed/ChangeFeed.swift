import AufwindCore
import Fluent
import Foundation
import Logging

/// Follows the change log so that this instance's in-memory copies follow every write, whoever
/// made it (issue 18): another instance, a command such as `import-register`, a background job.
/// `catchUp()` reads what is new and applies it (`ChangeApplier`), one run at a time; callers that
/// arrive while a run is waiting to start share it (it starts after their call, so it sees every
/// commit before it). Not started (tests of one application), it does nothing.
actor ChangeFeed {
    private let reader: ChangeLogReader
    private let apply: @Sendable (ChangeSummary) async throws -> Void
    private let logger: Logger
    private var watermark: ChangeWatermark?
    /// The run waiting to start, which new callers join.
    private var waiting: Task<Void, any Error>?
    /// The last run, which the next waits for.
    private var last: Task<Void, any Error>?
    /// When a read last succeeded (an interruption longer than the log's retention needs a whole reload).
    private(set) var caughtUpAt: ContinuousClock.Instant?

    init(database: any Database, logger: Logger, apply: @escaping @Sendable (ChangeSummary) async throws -> Void) {
        reader = ChangeLogReader(database: database)
        self.apply = apply
        self.logger = logger
    }

    var isStarted: Bool { watermark != nil }

    /// The position this instance's copies are loaded at; call right before loading them, so that
    /// whatever is written while they load is applied afterwards.
    func start() async throws {
        watermark = try await startingPoint()
        caughtUpAt = .now
    }

    /// The newest rows with the snapshot they were read in: on PostgreSQL a number below the newest
    /// may belong to a transaction still running, so the position starts below the first one missing
    /// (within the last `ChangeLogReader.batchSize` numbers) and that row is applied when it commits.
    private func startingPoint() async throws -> ChangeWatermark {
        let floor = max(0, try await reader.newest() - Int64(ChangeLogReader.batchSize))
        let read = try await reader.read(after: floor)
        return ChangeWatermark(startingAfter: floor, visible: read.changes.map(\.sequence), snapshot: read.snapshot)
    }

    /// Everything committed before this call is applied when it returns.
    func catchUp() async throws {
        guard watermark != nil else { return }
        if let waiting { return try await waiting.value }
        let previous = last
        let run = Task {
            _ = await previous?.result
            await self.began()
            try await self.readAndApply()
        }
        waiting = run
        last = run
        try await run.value
    }

    private func began() { waiting = nil }

    private func readAndApply() async throws {
        guard var watermark else { return }
        var summary = ChangeSummary()
        var applied = 0
        // The first read starts at the position (it sees whatever filled a gap, so its snapshot may
        // cross gaps); a full batch is followed by reads after the last row read, whose snapshots
        // only mark new gaps (they do not see rows below them).
        var cursor = watermark.position
        var continuing = false
        while true {
            let read = try await reader.read(after: cursor)
            let snapshot = continuing ? read.snapshot.map { ChangeWatermark.Snapshot(xmin: 0, xmax: $0.xmax) } : read.snapshot
            let cutOff = read.changes.count == ChangeLogReader.batchSize ? read.changes.last?.sequence : nil
            let fresh = Set(watermark.receive(read.changes.map(\.sequence), snapshot: snapshot, coveredThrough: cutOff))
            for change in read.changes where fresh.contains(change.sequence) { summary.add(change) }
            applied += fresh.count
            guard read.changes.count == ChangeLogReader.batchSize, let last = read.changes.last?.sequence else { break }
            cursor = last
            continuing = true
        }
        if !summary.isEmpty {
            do {
                try await apply(summary)
            } catch {
                // Not applied: the position stays, the next run reads the same rows again.
                logger.error("Änderungsprotokoll: \(applied) Änderungen nicht übernommen: \(error)")
                throw error
            }
        }
        self.watermark = watermark
        caughtUpAt = .now
    }

    /// After a long interruption: the rows in between may be gone; the caller reloads everything and
    /// the position starts anew.
    func restart(reloading reload: @escaping @Sendable () async throws -> Void) async throws {
        let previous = last
        let run = Task {
            _ = await previous?.result
            try await self.reloadAll(reload)
        }
        last = run
        try await run.value
    }

    private func reloadAll(_ reload: @Sendable () async throws -> Void) async throws {
        let start = try await startingPoint()
        try await reload()
        watermark = start
        caughtUpAt = .now
    }

    /// Whether the last successful read is longer ago than `duration` (or there was none).
    func isBehind(by duration: Duration) -> Bool {
        guard let caughtUpAt else { return true }
        return caughtUpAt.duration(to: .now) > duration
    }

    /// Whether the last successful read is longer ago than the log keeps its rows.
    var missedTooMuch: Bool {
        guard let caughtUpAt else { return false }
        return caughtUpAt.duration(to: .now) > .seconds(ChangeLogReader.retention * 0.9)
    }
}
