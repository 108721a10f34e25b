import AufwindCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The atlas's figures, in memory: the public facts gathered once (`AtlasFactsLoader`: the items
/// from the match engine, the rest in three queries) and the figures of each Handlungsfeld computed
/// from them on first use. Every write request on this instance drops them (`AtlasInvalidation`),
/// and so does every counted write of any instance, through the change feed (`ChangeKind.atlas`,
/// `.eintrag`); `maximumAge` bounds them in any case.
final class AtlasStore: Sendable {
    static let maximumAge: TimeInterval = 60

    /// The facts and the figures computed from them so far (per Handlungsfeld; "" for all).
    final class Snapshot: Sendable {
        let facts: AtlasFacts
        let catalog: RegisterCatalog
        let loadedAt: Date
        private let figures = NIOLockedValueBox<[String: AtlasFigures]>([:])
        private let documents = NIOLockedValueBox<[String: String]>([:])

        init(facts: AtlasFacts, catalog: RegisterCatalog, loadedAt: Date) {
            self.facts = facts
            self.catalog = catalog
            self.loadedAt = loadedAt
        }

        func figures(_ field: Handlungsfeld?) -> AtlasFigures {
            let key = field?.rawValue ?? ""
            if let done = figures.withLockedValue({ $0[key] }) { return done }
            let computed = AtlasFigures(catalog: catalog, facts: facts, field: field)
            figures.withLockedValue { $0[key] = computed }
            return computed
        }

        /// A document made from these figures (the open data), made once per snapshot.
        func document(_ key: String, make: () -> String) -> String {
            if let done = documents.withLockedValue({ $0[key] }) { return done }
            let made = make()
            documents.withLockedValue { $0[key] = made }
            return made
        }
    }

    private let cache = GenerationCache<Snapshot>(maximumAge: maximumAge)

    func snapshot(
        on database: any Database, catalog: RegisterCatalog, funding: FundingCatalog, engine: @escaping () -> MatchEngine, now: Date = Date()
    ) async throws -> Snapshot {
        let snapshot = try await cache.value(now: now) {
            Snapshot(
                facts: try await AtlasFactsLoader(database: database, funding: funding, engine: engine()).load(), catalog: catalog, loadedAt: now)
        }
        // A register import makes a new catalog: the figures follow it.
        guard snapshot.catalog.gebietsstand != catalog.gebietsstand || snapshot.catalog.gemeinden.count != catalog.gemeinden.count else {
            return snapshot
        }
        invalidate()
        return try await self.snapshot(on: database, catalog: catalog, funding: funding, engine: engine, now: now)
    }

    /// A fact changed (on this instance, or on another through the change feed).
    func invalidate() { cache.invalidate() }

    /// Whether figures are held now.
    var isLoaded: Bool { cache.current != nil }
}

extension Application {
    private struct AtlasStoreKey: StorageKey { typealias Value = AtlasStore }

    /// Set once by `configure(_:)`.
    var atlas: AtlasStore {
        get {
            guard let store = storage[AtlasStoreKey.self] else { fatalError("configure(_:) sets the atlas store") }
            return store
        }
        set { storage[AtlasStoreKey.self] = newValue }
    }
}

extension Request {
    /// The atlas's facts and figures as of now.
    func atlasSnapshot() async throws -> AtlasStore.Snapshot {
        let store = application.matchStore
        return try await application.atlas.snapshot(
            on: db, catalog: register, funding: application.fundingStore.catalog, engine: { store.engine }, now: now)
    }
}
