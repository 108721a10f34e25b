import Fluent
import Foundation
import SQLKit

/// One limit on how often something may happen: at most `limit` times per key (an account, a
/// client address) within `window`. The windows of all limits live in one table
/// (`login_throttle`, named after its first use), each row's subject is `name:key`.
struct RateLimit: Sendable {
    let name: String
    let limit: Int
    let window: TimeInterval

    func subject(_ key: String) -> String { name + ":" + key }
}

/// Counts within fixed windows by one conditional upsert per reservation, so parallel requests on
/// any instance and both databases never get more than the limit.
struct RateLimiter {
    let database: any Database

    /// Reserves one use of `limit` for `key`; false when the limit is reached within the window.
    /// One statement: insert the subject with 1, or count up within the window (restart an old
    /// window), but only while under the limit. No row back means: limit reached.
    func reserve(_ limit: RateLimit, key: String, now: Date) async throws -> Bool {
        let sql = try database.sql()
        struct Row: Decodable { var attempts: Int }
        let windowOpened = now.addingTimeInterval(-limit.window)
        let rows = try await sql.raw(
            """
            INSERT INTO login_throttle (id, subject, window_start, attempts) VALUES (\(bind: UUID()), \(bind: limit.subject(key)), \(bind: now), 1)
            ON CONFLICT (subject) DO UPDATE SET
              attempts = CASE WHEN login_throttle.window_start < \(bind: windowOpened) THEN 1 ELSE login_throttle.attempts + 1 END,
              window_start = CASE WHEN login_throttle.window_start < \(bind: windowOpened) THEN \(bind: now) ELSE login_throttle.window_start END
            WHERE login_throttle.window_start < \(bind: windowOpened) OR login_throttle.attempts < \(bind: limit.limit)
            RETURNING attempts
            """
        ).all(decoding: Row.self)
        return !rows.isEmpty
    }

    /// Starts the count of `key` again (e.g. after a successful login).
    func reset(_ limit: RateLimit, keys: [String]) async throws {
        try await LoginThrottleModel.query(on: database).filter(\.$subject ~~ keys.map(limit.subject)).delete()
    }

    /// Forgets the windows of `limit` that are over.
    func removeExpired(_ limit: RateLimit, now: Date) async throws {
        try await LoginThrottleModel.query(on: database)
            .filter(\.$subject, .contains(inverse: false, .prefix), limit.name + ":")
            .filter(\.$windowStart < now.addingTimeInterval(-limit.window)).delete()
    }
}
