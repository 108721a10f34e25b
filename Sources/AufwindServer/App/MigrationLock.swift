import FluentPostgresDriver
import Logging
import NIOCore
import PostgresNIO
import Vapor

/// Several instances starting at once on one PostgreSQL database (a deployment, a restart after a
/// failure) must not run the migrations side by side: the first takes a session-level advisory lock
/// on a connection of its own, the others wait for it and then find nothing left to do.
/// SQLite has one instance: no lock needed.
enum MigrationLock {
    /// The advisory lock's key ("AUFWIND" in ASCII, truncated to a bigint).
    static let key: Int64 = 0x4155_4657_494E_44

    static func withLock<T>(
        _ configuration: SQLPostgresConfiguration?, eventLoop: any EventLoop, logger: Logger, _ body: () async throws -> T
    ) async throws -> T {
        guard let configuration else { return try await body() }
        let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration.coreConfiguration, id: 1, logger: logger)
            .get()
        do {
            _ = try await connection.query("SELECT pg_advisory_lock(\(key))", logger: logger)
            let result = try await body()
            _ = try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
            try await connection.close()
            return result
        } catch {
            // Closing the connection releases the lock.
            try? await connection.close()
            throw error
        }
    }
}
