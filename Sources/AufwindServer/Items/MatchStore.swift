import AufwindCore
import NIOConcurrencyHelpers
import Vapor

/// The match engine the server answers from: built at start, kept current on every write.
/// Readers take a snapshot (a copy-on-write value) and never wait for a writer for long.
final class MatchStore: Sendable {
    private let box = NIOLockedValueBox(MatchEngine(items: [], towns: [:]))

    var engine: MatchEngine { box.withLockedValue { $0 } }

    func replace(with engine: MatchEngine) { box.withLockedValue { $0 = engine } }

    /// A published item enters (or is replaced); a draft leaves.
    func update(_ item: CooperationItem, published: Bool) {
        box.withLockedValue { engine in
            if published { engine.upsert(item) } else { engine.remove(id: item.id) }
        }
    }

    func remove(id: String) { box.withLockedValue { $0.remove(id: id) } }

    /// Changes a town's activity figures.
    func adjustTown(_ key: String, publishedItems: Int = 0, answeredRequests: Int = 0) {
        box.withLockedValue { engine in
            guard var facts = engine.towns[key] else { return }
            facts.recentItems += publishedItems
            facts.answeredRequests += answeredRequests
            engine.setTown(facts)
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

    /// Builds the match engine from the register and the published items.
    func reloadMatching(now: Date) async throws {
        let repository = ItemRepository(database: db)
        let items = try await repository.loadPublished()
        let recent = try await repository.publishedCounts(since: now.addingTimeInterval(-90 * 24 * 3600))
        let answered = try await repository.answeredCounts()
        let towns = registerStore.catalog.townFacts(recentItems: { recent[$0] ?? 0 }, answeredRequests: { answered[$0] ?? 0 })
        matchStore.replace(with: MatchEngine(items: items, towns: Dictionary(uniqueKeysWithValues: towns.map { ($0.key, $0) })))
        logger.info("Partnersuche bereit: \(items.count) veröffentlichte Einträge")
    }
}

extension Request {
    var matching: MatchEngine { application.matchStore.engine }
}
