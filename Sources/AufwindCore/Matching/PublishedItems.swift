import Dispatch

/// The match engine and the item search index over the same published items, as the server
/// holds them. Built together: the two indexes are independent, so each is built on a core of
/// its own (`Builder`). Both make the same changes to their `ItemTable` in the same order, so
/// they hold the same slots: after a build and after every change the search index takes the
/// engine's table (`shareTable`), and the items are in memory once. The index that changes first
/// copies it (copy on write), the other changes its own in place, then they share again.
public struct PublishedItems: Sendable {
    /// Changed only through `upsert`, `remove` and `setTown`, which keep the two in step.
    public internal(set) var engine: MatchEngine
    public internal(set) var search: ItemSearchIndex

    public init(items: [CooperationItem], towns: [String: TownFacts]) {
        let builder = Builder(towns: towns)
        builder.add(items)
        self = builder.finish()
    }

    init(engine: MatchEngine, search: ItemSearchIndex) {
        self.engine = engine
        self.search = search
    }

    /// One table for both, when they hold the same slots.
    public mutating func shareTable() {
        guard !search.table.sharesStorage(with: engine.table) else { return }
        search.share(engine.table)
    }

    /// Whether the two indexes share one table.
    var sharesTable: Bool { search.table.sharesStorage(with: engine.table) }

    /// A published item enters (or is replaced).
    public mutating func upsert(_ item: CooperationItem) {
        engine.upsert(item)
        search.upsert(item)
        shareTable()
    }

    /// An item leaves (unknown ids are ignored).
    public mutating func remove(id: String) {
        engine.remove(id: id)
        search.remove(id: id)
        shareTable()
    }

    /// A town's facts for the matching (its activity figures); whether anything changed.
    @discardableResult
    public mutating func setTown(_ facts: TownFacts) -> Bool {
        guard engine.towns[facts.key] != facts else { return false }
        engine.setTown(facts)
        return true
    }

    /// Both, by part (a shared table counted once, with the engine).
    public var memory: MemoryUse {
        var search = search.memory
        if sharesTable { search = MemoryUse(search.parts.filter { $0.name != "items" }) }
        return MemoryUse().merged(with: engine.memory, prefix: "engine: ").merged(with: search, prefix: "search: ")
    }

    /// Builds both from batches as they arrive (the server adds them while it still reads the
    /// next ones from the database). One caller at a time: `add`, then `finish` once.
    public final class Builder: @unchecked Sendable {
        // Each index is only ever touched by one of the two threads of `add`.
        private var engine: MatchEngine
        private var search: ItemSearchIndex

        public init(towns: [String: TownFacts]) {
            engine = MatchEngine(items: [], towns: towns)
            search = ItemSearchIndex(items: [], towns: towns)
        }

        /// Adds (or replaces) the items: the engine on one core, the index on the other.
        public func add(_ items: [CooperationItem]) {
            guard !items.isEmpty else { return }
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    for item in items { engine.upsert(item) }
                } else {
                    for item in items { search.upsert(item) }
                }
            }
        }

        /// Both, with what growing reserved given back.
        public func finish() -> PublishedItems {
            engine.shrink()
            search.shrink()
            var published = PublishedItems(engine: engine, search: search)
            published.shareTable()
            return published
        }
    }
}
