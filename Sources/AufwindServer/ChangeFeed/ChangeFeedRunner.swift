import Fluent
import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Keeps the change feed moving: a poll every `pollInterval`, and on PostgreSQL a connection of its
/// own that `LISTEN`s to the log's channel and catches up at every notification. A dropped connection
/// is opened again (waiting longer each time, at most 30 s); the poll carries on meanwhile, so no
/// change waits longer than `pollInterval` for a lost notification. After an interruption longer than
/// the log keeps its rows, everything is read anew.
struct ChangeFeedRunner: Sendable {
    static let pollInterval: Duration = .seconds(1)

    let feed: ChangeFeed
    let postgres: SQLPostgresConfiguration?
    let database: any Database
    let eventLoop: any EventLoop
    let logger: Logger
    let reloadAll: @Sendable () async throws -> Void

    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await poll() }
            if postgres != nil { group.addTask { await listen() } }
        }
    }

    private func poll() async {
        var failing = false
        while !Task.isCancelled {
            do {
                if await feed.missedTooMuch {
                    logger.warning("Änderungsprotokoll: zu lange nicht gelesen, alle Daten im Speicher werden neu geladen.")
                    try await feed.restart(reloading: reloadAll)
                } else {
                    try await feed.catchUp()
                }
                if failing { logger.info("Änderungsprotokoll: wieder erreichbar.") }
                failing = false
            } catch {
                if !failing { logger.error("Änderungsprotokoll nicht lesbar: \(error)") }
                failing = true
            }
            try? await Task.sleep(for: Self.pollInterval)
        }
    }

    /// The channel the log's trigger notifies: one per schema (tests share a database).
    static func channel(schema: String) -> String { "aufwind_changes_" + schema }

    private func listen() async {
        guard let postgres else { return }
        var wait: Duration = .seconds(1)
        while !Task.isCancelled {
            do {
                struct Schema: Decodable { var name: String }
                let schema = try await database.sql().raw("SELECT current_schema() AS name").first(decoding: Schema.self)?.name ?? "public"
                let connection = try await PostgresConnection.connect(
                    on: eventLoop, configuration: postgres.coreConfiguration, id: 0, logger: logger
                ).get()
                wait = .seconds(1)
                do {
                    // Shutting down closes the connection, which ends the notifications.
                    try await withTaskCancellationHandler {
                        try await connection.listen(on: Self.channel(schema: schema)) { notifications in
                            // What was written while the connection was away.
                            try? await feed.catchUp()
                            for try await _ in notifications { try? await feed.catchUp() }
                        }
                    } onCancel: {
                        let closing: EventLoopFuture<Void> = connection.close()
                        _ = closing
                    }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { return }
                logger.warning("Änderungsprotokoll: Verbindung für NOTIFY verloren (\(error)); neuer Versuch in \(wait).")
            }
            try? await Task.sleep(for: wait)
            wait = min(wait * 2, .seconds(30))
        }
    }
}
