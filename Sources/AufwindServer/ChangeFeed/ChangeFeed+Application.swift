import AufwindCore
import Fluent
import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import Vapor

extension Application {
    private struct ChangeFeedKey: StorageKey { typealias Value = ChangeFeed }
    private struct PostgresConfigurationKey: StorageKey { typealias Value = SQLPostgresConfiguration }
    private struct ReadinessKey: StorageKey { typealias Value = Readiness }

    var changeFeed: ChangeFeed {
        get {
            guard let feed = storage[ChangeFeedKey.self] else { fatalError("configure(_:) sets the change feed") }
            return feed
        }
        set { storage[ChangeFeedKey.self] = newValue }
    }

    /// The feed of this application, applying changes to its stores (held weakly: the feed lives in
    /// the application's storage).
    func makeChangeFeed() -> ChangeFeed {
        let applier = ChangeApplier { [weak self] in self }
        return ChangeFeed(database: db, logger: logger) { try await applier.apply($0) }
    }

    /// The PostgreSQL connection settings (for the change feed's listening connection).
    var postgresConfiguration: SQLPostgresConfiguration? {
        get { storage[PostgresConfigurationKey.self] }
        set { storage[PostgresConfigurationKey.self] = newValue }
    }

    /// Whether the in-memory copies are loaded (`/readyz`).
    var readiness: Readiness {
        get {
            guard let readiness = storage[ReadinessKey.self] else { fatalError("configure(_:) sets the readiness") }
            return readiness
        }
        set { storage[ReadinessKey.self] = newValue }
    }

    /// Marks the change log's position for the copies about to be loaded, and lets signed-in sessions
    /// and unread counts be kept in memory from now on (the feed keeps them true).
    func beginFollowingChanges() async throws {
        try await changeFeed.start()
        sessionCache.enable()
        unreadBadges.enable()
    }

    /// Follows the change log from now on: woken by PostgreSQL's `NOTIFY`, and every
    /// `ChangeFeedRunner.pollInterval` in any case (a lost notification delays a change by that at most).
    func startFollowingChanges() {
        let runner = ChangeFeedRunner(
            feed: changeFeed, postgres: postgresConfiguration, database: db, eventLoop: eventLoopGroup.any(), logger: logger,
            reloadAll: { [weak self] in try await self?.reloadAllCaches() })
        lifecycle.use(CancelOnShutdown(task: Task { await runner.run() }))
    }

    /// Everything held in memory, read anew (after an interruption longer than the log keeps rows).
    func reloadAllCaches() async throws {
        try await reloadRegister()
        try await reloadFunding()
        scheduleCache.invalidateAll()
        solutionSearch.invalidate()
        solutionUsers.invalidate()
        atlas.invalidate()
        sessionCache.forgetAll()
        unreadBadges.forgetAll()
    }
}

/// Whether this instance has loaded what it answers from.
final class Readiness: Sendable {
    private let loaded = NIOLockedValueBox(false)

    var cachesLoaded: Bool { loaded.withLockedValue { $0 } }

    func markLoaded() { loaded.withLockedValue { $0 = true } }
}
