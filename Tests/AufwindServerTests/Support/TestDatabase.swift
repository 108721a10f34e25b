@testable import AufwindServer
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The databases every server test runs on: SQLite always, PostgreSQL when `DATABASE_URL` is set.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [TestDatabase] {
        ProcessInfo.processInfo.environment["DATABASE_URL"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    var testDescription: String { rawValue }
}

/// Runs `body` with a configured, migrated application on a fresh database of `kind`
/// (a temporary SQLite file, or a PostgreSQL schema of its own), and removes it afterwards.
func withAufwind(
    _ kind: TestDatabase, dataDirectory: String = "/nonexistent-aufwind-data",
    _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    var config = AppConfig(dataDirectoryCandidates: [dataDirectory])
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
