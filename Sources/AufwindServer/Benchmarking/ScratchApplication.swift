import Foundation
import SQLKit
import Vapor

/// An application on a database of its own for a benchmark: a PostgreSQL schema when a
/// `DATABASE_URL` is given, else a temporary SQLite file in WAL mode (as `serve` runs it);
/// migrated, and removed again by `shutdown()`.
struct ScratchApplication {
    let app: Application
    private let schema: String?
    private let sqlitePath: String

    static func make(prefix: String, databaseURL: String?, dataDirectory: String = "/nonexistent") async throws -> ScratchApplication {
        let app = try await Application.make(.production)
        // One line per request would drown the benchmark's output (and is not what is measured).
        app.logger.logLevel = .warning
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var config = AppConfig(dataDirectoryCandidates: [dataDirectory])
        let sqlitePath = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-\(prefix)-\(id).sqlite").path
        config.sqlitePath = sqlitePath
        if let databaseURL, !databaseURL.isEmpty {
            config.databaseURL = databaseURL
            config.postgresSchema = "\(prefix)_\(id)"
        }
        try configure(app, config: config)
        if let schema = config.postgresSchema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
        }
        try await app.useWriteAheadLog()
        try await app.autoMigrate()
        return ScratchApplication(app: app, schema: config.postgresSchema, sqlitePath: sqlitePath)
    }

    /// Drops the schema or removes the file, and stops the application.
    func shutdown() async throws {
        if let schema, let sql = app.db as? any SQLDatabase { try? await sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
        try await app.asyncShutdown()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
    }
}
