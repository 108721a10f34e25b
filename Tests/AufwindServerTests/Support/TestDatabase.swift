import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

/// The databases every server test runs on: SQLite always, PostgreSQL when `DATABASE_URL` is set.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [TestDatabase] {
        ProcessInfo.processInfo.environment["DATABASE_URL"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    var testDescription: String { rawValue }
}

/// How many PostgreSQL-backed applications run at once. Swift Testing starts every async test
/// at once; each application opens its own connection pool, and a server allows ~100
/// connections (`max_connections`): without a bound the suite fails with "too many clients".
actor TestSlots {
    static let postgres = TestSlots(count: 12)
    @TaskLocal static var holding = false

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { available = count }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { available += 1 } else { waiting.removeFirst().resume() }
    }

    /// Runs `body` in a slot; a test that already holds one (a second application inside the
    /// first) runs at once, so nested applications never wait for themselves.
    static func run<T>(_ kind: TestDatabase, _ body: () async throws -> T) async throws -> T {
        guard kind == .postgres, !holding else { return try await body() }
        await postgres.acquire()
        do {
            let result = try await $holding.withValue(true) { try await body() }
            await postgres.release()
            return result
        } catch {
            await postgres.release()
            throw error
        }
    }
}

/// Runs `body` with a configured, migrated application on a fresh database of `kind`
/// (a temporary SQLite file, or a PostgreSQL schema of its own), and removes it afterwards.
func withAufwind(
    _ kind: TestDatabase, dataDirectory: String = "/nonexistent-aufwind-data",
    _ body: (Application) async throws -> Void
) async throws {
    try await TestSlots.run(kind) { try await startAufwind(kind, dataDirectory: dataDirectory, body) }
}

private func startAufwind(
    _ kind: TestDatabase, dataDirectory: String, _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    // The test's own clock: tests move it forward instead of waiting or rewriting stored times.
    let clock = AdjustableClock()
    app.testClock = clock
    app.wallClock = clock.clock
    var config = AppConfig(dataDirectoryCandidates: [dataDirectory])
    // Hundreds of applications share two cores during a full run: a connection may be slow to come.
    config.databaseConnectionWait = 60
    let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let sqlitePath = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-test-\(id).sqlite").path
    switch kind {
    case .sqlite:
        config.sqlitePath = sqlitePath
    case .postgres:
        config.databaseURL = ProcessInfo.processInfo.environment["DATABASE_URL"]
        config.postgresSchema = "test_\(id)"
    }
    do {
        try configure(app, config: config)
        if let schema = config.postgresSchema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
        }
        // SQLite in WAL mode, as `serve` runs it: readers never wait for a writer (in the old journal
        // mode a stream's poller spins on a busy database while a write runs, under a full run's load).
        try await app.useWriteAheadLog()
        try await app.autoMigrate()
        try await body(app)
    } catch {
        try await cleanUp(app, config: config, sqlitePath: sqlitePath)
        throw error
    }
    try await cleanUp(app, config: config, sqlitePath: sqlitePath)
}

private func cleanUp(_ app: Application, config: AppConfig, sqlitePath: String) async throws {
    if let schema = config.postgresSchema {
        try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
    }
    try await app.asyncShutdown()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
}

extension Application {
    private struct TestClockKey: StorageKey { typealias Value = AdjustableClock }

    /// The clock of a test application (see `withAufwind`); `advance(by:)` moves the server's time.
    var testClock: AdjustableClock {
        get { storage[TestClockKey.self]! }
        set { storage[TestClockKey.self] = newValue }
    }
}

/// Runs `body` with `count` applications on one fresh database (the same SQLite file or PostgreSQL
/// schema), as several instances of the server behind a load balancer: each loads its copies and
/// follows the change log (`loadAndFollowChanges`). The first one migrated the database.
func withInstances(
    _ kind: TestDatabase, count: Int, dataDirectory: String = "/nonexistent-aufwind-data", _ body: ([Application]) async throws -> Void
) async throws {
    try await withAufwind(kind, dataDirectory: dataDirectory) { first in
        var apps = [first]
        do {
            for _ in 1..<count {
                let app = try await Application.make(.testing)
                app.testClock = first.testClock
                app.wallClock = first.wallClock
                apps.append(app)
                try configure(app, config: first.aufwindConfig)
            }
            for app in apps { try await app.loadAndFollowChanges() }
            try await body(apps)
        } catch {
            for app in apps.dropFirst() { try? await app.asyncShutdown() }
            throw error
        }
        for app in apps.dropFirst() { try await app.asyncShutdown() }
    }
}

/// Waits until `condition` holds, checking every 20 ms, for at most `limit`; returns how long it took
/// (nil: it never held).
func eventually(within limit: Duration = .seconds(2), _ condition: () async throws -> Bool) async throws -> Duration? {
    let clock = ContinuousClock()
    let start = clock.now
    while clock.now - start <= limit {
        if try await condition() { return clock.now - start }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition() ? clock.now - start : nil
}
