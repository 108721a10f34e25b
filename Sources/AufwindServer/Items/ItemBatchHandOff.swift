import AufwindCore
import Foundation

/// Batches of items handed from the database's row callback to the indexer, which runs on a
/// thread of its own (it keeps both cores busy for seconds: neither Swift's cooperative threads
/// nor the database's threads should wait for it). The reader waits while `limit` batches are
/// waiting, so at most that many items are held with their descriptions at once; on PostgreSQL
/// that wait holds the connection's event loop, which then reads no further rows either.
final class ItemBatchHandOff: @unchecked Sendable {
    private let condition = NSCondition()
    private let limit: Int
    private var waiting: [[CooperationItem]] = []
    private var finished = false
    private var cancelled = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Called by the reader: waits while the indexer is `limit` batches behind.
    func put(_ batch: [CooperationItem]) {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= limit && !cancelled { condition.wait() }
        guard !cancelled else { return }
        waiting.append(batch)
        condition.broadcast()
    }

    /// No more batches: the indexer ends after the waiting ones.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The reading failed: the indexer ends after the batch it is on, waiting batches are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        waiting = []
        condition.broadcast()
        condition.unlock()
    }

    /// Adds every batch to `builder` on a thread of its own until `finish` or `cancel`; the
    /// number of items added.
    func drain(into builder: PublishedItems.Builder) async -> Int {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var count = 0
                while let batch = self.next() {
                    builder.add(batch)
                    count += batch.count
                }
                continuation.resume(returning: count)
            }
            thread.name = "aufwind-index"
            thread.start()
        }
    }

    private func next() -> [CooperationItem]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !finished && !cancelled { condition.wait() }
        guard !cancelled, !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }
}
