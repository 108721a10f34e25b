import AufwindCore
import NIOConcurrencyHelpers
import Vapor

/// The match engine and the item search index the server answers from: built at start, kept
/// current on every write, both under one lock so that they always hold the same items.
/// Readers take a snapshot (a copy-on-write value) and never wait for a writer for long.
final class MatchStore: Sendable {
    private struct State {
        var indexes: PublishedItems
        /// Counts every change, so that what was computed from the indexes can be kept while it stays the same.
        var generation = 0
    }

    private let box = NIOLockedValueBox(State(indexes: PublishedItems(items: [], towns: [:])))

    var engine: MatchEngine { box.withLockedValue { $0.indexes.engine } }

    var search: ItemSearchIndex { box.withLockedValue { $0.indexes.search } }

    /// The match engine with the number of changes it has seen (read together).
    var current: (engine: MatchEngine, generation: Int) { box.withLockedValue { ($0.indexes.engine, $0.generation) } }

    /// Both indexes anew (built outside the lock).
    func replace(with indexes: PublishedItems) {
        change { $0 = indexes }
    }

    private func change(_ body: (inout PublishedItems) -> Void) {
        changeIfNeeded { indexes -> Bool in
            body(&indexes)
            return true
        }
    }

    /// `body` says whether it changed anything; only then is it counted as a change.
    private func changeIfNeeded(_ body: (inout PublishedItems) -> Bool) {
        box.withLockedValue { state in
            if body(&state.indexes) { state.generation += 1 }
        }
    }

    /// A published item enters (or is replaced); a draft leaves.
    func update(_ item: CooperationItem, published: Bool) {
        change { indexes in
            if published { indexes.upsert(item) } else { indexes.remove(id: item.id) }
        }
    }

    func remove(id: String) {
        change { $0.remove(id: id) }
    }

    /// Sets a town's activity figures as counted (the change feed, after any instance's write).
    func setActivity(_ key: String, recentItems: Int? = nil, answeredRequests: Int? = nil) {
        changeIfNeeded { indexes -> Bool in
            guard var facts = indexes.engine.towns[key] else { return false }
            if let recentItems { facts.recentItems = recentItems }
            if let answeredRequests { facts.answeredRequests = answeredRequests }
            return indexes.setTown(facts)
        }
    }

    /// Changes a town's activity figures.
    func adjustTown(_ key: String, publishedItems: Int = 0, answeredRequests: Int = 0) {
        changeIfNeeded { indexes -> Bool in
            guard var facts = indexes.engine.towns[key] else { return false }
            facts.recentItems += publishedItems
            facts.answeredRequests += answeredRequests
            return indexes.setTown(facts)
        }
    }
}

extension Application {
    private struct MatchStoreKey: StorageKey { typealias Value = MatchStore }

    var matchStore: MatchStore {
        get {
            guard let store = storage[MatchStoreKey.self] else { fatalError("configure(_:) sets the match store") }
            return store
        }
        set { storage[MatchStoreKey.self] = newValue }
    }

    /// Items published since then count as the town's recent activity.
    static func recentSince(_ now: Date) -> Date { now.addingTimeInterval(-90 * 24 * 3600) }

    /// Builds the match engine and the item search index from the register and the published
    /// items: batches indexed (on both cores) while the next are read; the towns' activity
    /// (items published in the last 90 days, counted from the same rows; answered requests)
    /// set when all are in.
    func reloadMatching(now: Date) async throws {
        let repository = ItemRepository(database: db)
        let answeredCounts = try await repository.answeredCounts()
        let catalog = registerStore.catalog
        let builder = PublishedItems.Builder(towns: Dictionary(uniqueKeysWithValues: catalog.townFacts().map { ($0.key, $0) }))
        let handOff = ItemBatchHandOff(limit: 2)
        async let indexed = handOff.drain(into: builder)
        let recentCounts: [String: Int]
        do {
            recentCounts = try await repository.streamPublished(batchSize: 10_000, recentSince: Self.recentSince(now)) { handOff.put($0) }
            handOff.finish()
        } catch {
            handOff.cancel()
            _ = await indexed
            throw error
        }
        let count = await indexed
        // A reload cut short keeps the indexes it had.
        try Task.checkCancellation()
        var published = builder.finish()
        for town in catalog.townFacts(recentItems: { recentCounts[$0] ?? 0 }, answeredRequests: { answeredCounts[$0] ?? 0 })
        where town.recentItems > 0 || town.answeredRequests > 0 {
            published.setTown(town)
        }
        matchStore.replace(with: published)
        let memory = published.memory
        logger.info("Partnersuche bereit: \(count) veröffentlichte Einträge, \(memory.total / 1_048_576) MiB im Speicher")
        logger.debug("\(memory.report(items: count))")
    }
}

extension Request {
    var matching: MatchEngine { application.matchStore.engine }
    var itemSearch: ItemSearchIndex { application.matchStore.search }
}
