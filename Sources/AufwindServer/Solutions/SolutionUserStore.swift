import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The confirmed users of every solution, in memory: "Wer nutzt das in Ihrer Nähe?" and the API's
/// `nahe=` read from here, never from the table. Loaded on first use, then kept current by every
/// committed reference write (`put`, `remove`); a load that overlaps a write starts again, so a
/// write is never lost. Other instances' reference writes drop it through the change feed.
final class SolutionUserStore: Sendable {
    struct Snapshot: Sendable {
        /// Solution → town key → user.
        var users: [UUID: [String: SolutionUser]]
        /// Each solution's users that are not "abgelöst", as points.
        var proximity: SolutionProximityIndex<UUID>

        func users(of solution: UUID) -> [SolutionUser] { users[solution].map { Array($0.values) } ?? [] }

        /// How many towns run it now, without copying its users.
        func inUseCount(of solution: UUID, _ cutoffs: ReferenceFreshness.Cutoffs) -> Int {
            users[solution]?.values.count { $0.isInUse(cutoffs) } ?? 0
        }
    }

    private let cache = GenerationCache<Snapshot>()
    private let directory: @Sendable () -> TownDirectory

    init(registerStore: RegisterStore) { directory = { TownDirectory(catalog: registerStore.catalog) } }

    func snapshot(on database: any Database) async throws -> Snapshot {
        try await cache.value { try await load(on: database) }
    }

    /// A reference became confirmed or changed (after its transaction committed).
    func put(_ solution: UUID, _ user: SolutionUser) {
        change { $0[solution, default: [:]][user.townKey] = user }
    }

    /// A reference is no longer confirmed, or was deleted.
    func remove(_ solution: UUID, townKey: String) {
        change { $0[solution]?[townKey] = nil }
    }

    /// A solution was deleted.
    func removeSolution(_ solution: UUID) {
        change { $0[solution] = nil }
    }

    /// Forget everything (the next read loads anew), e.g. after demo data was generated.
    func invalidate() { cache.invalidate() }

    private func change(_ body: (inout [UUID: [String: SolutionUser]]) -> Void) {
        let towns = directory()
        cache.modify { snapshot in
            body(&snapshot.users)
            snapshot.proximity = Self.proximity(snapshot.users, towns)
        }
    }

    private struct Row: Decodable {
        var solution_id: UUID
        var town_key: String
        var status: String
        var since: String
        var confirmed_at: Date
        var contact_user_id: UUID?
    }

    private func load(on database: any Database) async throws -> Snapshot {
        let rows = try await database.sql().select()
            .columns("solution_id", "town_key", "status", "since", "confirmed_at", "contact_user_id")
            .from(SolutionReferenceModel.schema)
            .where("state", .equal, ReferenceState.bestaetigt.rawValue).where("confirmed_at", .isNot, SQLLiteral.null)
            .all(decoding: Row.self)
        var users: [UUID: [String: SolutionUser]] = [:]
        for row in rows {
            users[row.solution_id, default: [:]][row.town_key] = SolutionUser(
                townKey: row.town_key, status: ReferenceStatus(rawValue: row.status) ?? .geplant, since: row.since,
                confirmedAt: row.confirmed_at, mayBeAsked: row.contact_user_id != nil)
        }
        return Snapshot(users: users, proximity: Self.proximity(users, directory()))
    }

    private static func proximity(_ users: [UUID: [String: SolutionUser]], _ towns: TownDirectory) -> SolutionProximityIndex<UUID> {
        SolutionProximityIndex(
            users: Dictionary(
                uniqueKeysWithValues: users.map { id, byTown in
                    (id, byTown.values.filter { $0.status != .abgeloest }.compactMap { towns.point(of: $0.townKey) })
                }))
    }
}

extension Application {
    private struct SolutionUserStoreKey: StorageKey { typealias Value = SolutionUserStore }

    /// Set once by `configure(_:)`.
    var solutionUsers: SolutionUserStore {
        get {
            guard let store = storage[SolutionUserStoreKey.self] else { fatalError("configure(_:) sets the solution user store") }
            return store
        }
        set { storage[SolutionUserStoreKey.self] = newValue }
    }
}
