import Dispatch

/// The match engine and the item search index over the same published items, as the server
/// holds them. Built together: the two indexes are independent, so each is built on a core of
/// its own (`Builder`).
public struct PublishedItems: Sendable {
    public var engine: MatchEngine
    public var search: ItemSearchIndex

    public init(items: [CooperationItem], towns: [String: TownFacts]) {
        let builder = Builder(towns: towns)
        builder.add(items)
        self = builder.finish()
    }

    init(engine: MatchEngine, search: ItemSearchIndex) {
        self.engine = engine
        self.search = search
    }

    /// Both, by part.
    public var memory: MemoryUse {
        MemoryUse().merged(with: engine.memory, prefix: "engine: ").merged(with: search.memory, prefix: "search: ")
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
            return PublishedItems(engine: engine, search: search)
        }
    }
}
