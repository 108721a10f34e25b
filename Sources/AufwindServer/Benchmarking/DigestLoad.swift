import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// A large digest run for the benchmark (`Benchmarks/`, "Digest: daily run"): an application on a
/// fresh database (`ScratchApplication`), seeded in bulk with users and waiting notifications; then
/// the daily digest runs as the server's timer runs it. Visible only to an
/// `@_spi(Benchmarks) import` (the benchmark package), not part of the server's API.
@_spi(Benchmarks) public final class DigestLoad: @unchecked Sendable {
    public struct Result: Sendable {
        public var users: Int
        public var mails: Int
    }

    private let scratch: ScratchApplication
    var app: Application { scratch.app }

    public static func make(databaseURL: String? = ProcessInfo.processInfo.environment["DATABASE_URL"]) async throws -> DigestLoad {
        DigestLoad(scratch: try await ScratchApplication.make(prefix: "digest", databaseURL: databaseURL))
    }

    private init(scratch: ScratchApplication) {
        self.scratch = scratch
    }

    /// Drops the schema or removes the file, and stops the application.
    public func shutdown() async throws {
        try await scratch.shutdown()
    }

    /// `users` confirmed accounts with `notifications` notifications spread over them, all in
    /// categories set to "täglich" (Passende Einträge is by standard; a tenth of the users also chose
    /// it for Anfragen). Multi-row inserts of 1,000 rows in one transaction per 10,000.
    public func seed(users: Int, notifications: Int) async throws {
        let now = app.now
        let ids = (0..<users).map { _ in UUID() }
        for start in stride(from: 0, to: users, by: 10_000) {
            try await app.db.transaction { db in
                let sql = try db.sql()
                for chunk in stride(from: start, to: min(start + 10_000, users), by: 1_000) {
                    let insert = sql.insert(into: UserModel.schema)
                        .columns("id", "email", "display_name", "password_hash", "email_confirmed_at", "is_admin", "created_at")
                    for index in chunk..<min(chunk + 1_000, users) {
                        insert.values(
                            SQLBind(ids[index]), SQLBind("person\(index)@last.example"), SQLBind("Person \(index)"), SQLBind("-"), SQLBind(now),
                            SQLBind(false), SQLBind(now))
                    }
                    try await insert.run()
                    let preferences = sql.insert(into: NotificationPreferenceModel.schema)
                        .columns("id", "user_id", "category", "cadence", "updated_at")
                    var any = false
                    for index in chunk..<min(chunk + 1_000, users) where index % 10 == 0 {
                        preferences.values(
                            SQLBind(UUID()), SQLBind(ids[index]), SQLBind(NotificationCategory.anfragen.rawValue),
                            SQLBind(NotificationCadence.taeglich.rawValue), SQLBind(now))
                        any = true
                    }
                    if any { try await preferences.run() }
                }
            }
        }
        for start in stride(from: 0, to: notifications, by: 10_000) {
            try await app.db.transaction { db in
                let sql = try db.sql()
                for chunk in stride(from: start, to: min(start + 10_000, notifications), by: 1_000) {
                    let insert = sql.insert(into: NotificationModel.schema)
                        .columns("id", "user_id", "category", "text", "link", "action", "awaits_digest", "created_at")
                    for index in chunk..<min(chunk + 1_000, notifications) {
                        let user = index % users
                        let category: NotificationCategory = user % 10 == 0 && index % 3 == 0 ? .anfragen : .passendeEintraege
                        insert.values(
                            SQLBind(UUID()), SQLBind(ids[user]), SQLBind(category.rawValue),
                            SQLBind("Neuer passender Eintrag Nummer \(index): „Digitale Schulverwaltung“ passt zu Ihrem Bedarf."),
                            SQLBind("/eintraege/\(index)"), SQLBind("Eintrag ansehen"), SQLBind(true), SQLBind(now))
                    }
                    try await insert.run()
                }
            }
        }
    }

    /// The daily digest at `instant` (as the server's timer runs it).
    public func runDaily(at instant: Date) async throws -> Result {
        let job = NotificationDigestJob(
            database: app.db, baseURL: app.aufwindConfig.baseURL, schedule: DigestSchedule(hour: app.aufwindConfig.digestHour),
            clock: .fixed(instant), logger: app.logger)
        let summary = try await job.run(.daily)
        return Result(users: summary.users, mails: summary.mails)
    }

    /// Mails in the outbox, and the largest number any one user has.
    public func outbox() async throws -> (mails: Int, mostForOneUser: Int) {
        let sql = try app.db.sql()
        struct Row: Decodable { var n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM mail_outbox").first(decoding: Row.self)?.n ?? 0
        let most =
            try await sql.raw("SELECT COALESCE(MAX(c), 0) AS n FROM (SELECT COUNT(*) AS c FROM mail_outbox GROUP BY user_id) t").first(
                decoding: Row.self)?.n ?? 0
        return (total, most)
    }
}
