import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// What the solution search filters on, for every solution not hidden by a moderation decision, in
/// memory: a search (`/loesungen`, `/api/v1/loesungen`) reads no table. Loaded on first use; every
/// write of a solution on this instance (publish, edit, a moderation decision) drops it, and it is
/// read again at least every `maximumAge` in any case; other instances' writes drop it through the
/// change feed (`ChangeKind.loesungen`). A load that overlaps a write starts again.
final class SolutionSearchCache: Sendable {
    struct Entry: Sendable {
        var id: UUID
        /// The name in lower case, for the order.
        var sortName: String
        /// Folded name, descriptions, interfaces and needs, with a leading space per word (as stored).
        var searchText: String
        var handlungsfelder: String
        var licence: String
        var operations: String
        var euHosting: Bool
    }

    static let maximumAge: TimeInterval = 60

    private let cache = GenerationCache<[Entry]>(maximumAge: maximumAge)

    init() {}

    func entries(on database: any Database, now: Date = Date()) async throws -> [Entry] {
        try await cache.value(now: now) { try await load(on: database) }
    }

    /// A solution was written on this instance: the next search reads them anew.
    func invalidate() { cache.invalidate() }

    private struct Row: Decodable {
        var id: UUID
        var name: String
        var search_text: String
        var handlungsfelder: String
        var licence: String
        var operations: String
        var eu_hosting: Bool
    }

    private func load(on database: any Database) async throws -> [Entry] {
        try await database.sql().select()
            .columns("id", "name", "search_text", "handlungsfelder", "licence", "operations", "eu_hosting")
            .from(SolutionModel.schema).where(SQLIdentifier("hidden"), .is, SQLLiteral.null)
            .all(decoding: Row.self)
            .map {
                Entry(
                    id: $0.id, sortName: $0.name.lowercased(), searchText: $0.search_text, handlungsfelder: $0.handlungsfelder, licence: $0.licence,
                    operations: $0.operations, euHosting: $0.eu_hosting)
            }
    }
}

extension Application {
    private struct SolutionSearchCacheKey: StorageKey { typealias Value = SolutionSearchCache }

    /// Set once by `configure(_:)`.
    var solutionSearch: SolutionSearchCache {
        get {
            guard let cache = storage[SolutionSearchCacheKey.self] else { fatalError("configure(_:) sets the solution search cache") }
            return cache
        }
        set { storage[SolutionSearchCacheKey.self] = newValue }
    }
}
