import Fluent
import Foundation
import SQLKit

/// Limits password checks: at most `perPair` per account from one address and `perAccount` per
/// account from all addresses in `window`. A check is reserved *before* the password is
/// verified, by one conditional upsert per subject, so 24 parallel guesses get at most the limit
/// of checks. A town hall behind one address is never locked out as a whole: the limits are per
/// account.
struct LoginThrottle {
    static let perPair = 5
    static let perAccount = 10
    static let window: TimeInterval = 15 * 60

    let database: any Database

    static func accountSubject(_ email: String) -> String { "account:" + email }
    static func pairSubject(_ email: String, address: String) -> String { "pair:" + address + "|" + email }

    /// Reserves one check for the account from the address; false when a limit is reached.
    func reserve(email: String, address: String, now: Date) async throws -> Bool {
        guard try await reserve(Self.pairSubject(email, address: address), limit: Self.perPair, now: now) else { return false }
        return try await reserve(Self.accountSubject(email), limit: Self.perAccount, now: now)
    }

    /// After a successful login: the account's and the pair's counts start again.
    func reset(email: String, address: String) async throws {
        try await LoginThrottleModel.query(on: database)
            .filter(\.$subject ~~ [Self.accountSubject(email), Self.pairSubject(email, address: address)]).delete()
    }

    /// One statement: insert the subject with 1, or count up within the window (restart an old
    /// window), but only while under the limit. No row back means: limit reached.
    private func reserve(_ subject: String, limit: Int, now: Date) async throws -> Bool {
        let sql = try database.sql()
        struct Row: Decodable { var attempts: Int }
        let windowOpened = now.addingTimeInterval(-Self.window)
        let rows = try await sql.raw(
            """
            INSERT INTO login_throttle (id, subject, window_start, attempts) VALUES (\(bind: UUID()), \(bind: subject), \(bind: now), 1)
            ON CONFLICT (subject) DO UPDATE SET
              attempts = CASE WHEN login_throttle.window_start < \(bind: windowOpened) THEN 1 ELSE login_throttle.attempts + 1 END,
              window_start = CASE WHEN login_throttle.window_start < \(bind: windowOpened) THEN \(bind: now) ELSE login_throttle.window_start END
            WHERE login_throttle.window_start < \(bind: windowOpened) OR login_throttle.attempts < \(bind: limit)
            RETURNING attempts
            """
        ).all(decoding: Row.self)
        return !rows.isEmpty
    }

    /// Forgets windows that are over.
    func removeExpired(now: Date) async throws {
        try await LoginThrottleModel.query(on: database).filter(\.$windowStart < now.addingTimeInterval(-Self.window)).delete()
    }
}
