import Dispatch
import Foundation

/// The match engine and the item search index over the same published items, as the server
/// holds them. Built together: the two indexes are independent, so each is built on a core of
/// its own.
public struct PublishedItems: Sendable {
    public var engine: MatchEngine
    public var search: ItemSearchIndex

    public init(items: [CooperationItem], towns: [String: TownFacts]) {
        let built = Built()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                built.set(engine: MatchEngine(items: items, towns: towns))
            } else {
                built.set(search: ItemSearchIndex(items: items, towns: towns))
            }
        }
        (engine, search) = built.both
    }

    /// Both, by part.
    public var memory: MemoryUse {
        MemoryUse().merged(with: engine.memory, prefix: "engine: ").merged(with: search.memory, prefix: "search: ")
    }

    /// The two results of the parallel build.
    private final class Built: @unchecked Sendable {
        private let lock = NSLock()
        private var engine: MatchEngine?
        private var search: ItemSearchIndex?

        func set(engine: MatchEngine) { lock.withLock { self.engine = engine } }
        func set(search: ItemSearchIndex) { lock.withLock { self.search = search } }
        var both: (MatchEngine, ItemSearchIndex) { lock.withLock { (engine!, search!) } }
    }
}
