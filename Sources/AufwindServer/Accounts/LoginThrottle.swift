import Fluent
import Foundation

/// Limits password checks: at most `perPair` per account from one address and `perAccount` per
/// account from all addresses in `window`. A check is reserved *before* the password is
/// verified, by one conditional upsert per subject (`RateLimiter`), so 24 parallel guesses get at
/// most the limit of checks. A town hall behind one address is never locked out as a whole: the
/// limits are per account.
struct LoginThrottle {
    static let window: TimeInterval = 15 * 60
    static let pair = RateLimit(name: "pair", limit: 5, window: window)
    static let account = RateLimit(name: "account", limit: 10, window: window)
    static var perPair: Int { pair.limit }
    static var perAccount: Int { account.limit }

    let database: any Database

    private var limiter: RateLimiter { RateLimiter(database: database) }

    static func accountSubject(_ email: String) -> String { account.subject(email) }
    static func pairKey(_ email: String, address: String) -> String { address + "|" + email }

    /// Reserves one check for the account from the address; false when a limit is reached.
    func reserve(email: String, address: String, now: Date) async throws -> Bool {
        guard try await limiter.reserve(Self.pair, key: Self.pairKey(email, address: address), now: now) else { return false }
        return try await limiter.reserve(Self.account, key: email, now: now)
    }

    /// After a successful login: the account's and the pair's counts start again.
    func reset(email: String, address: String) async throws {
        try await limiter.reset(Self.account, keys: [email])
        try await limiter.reset(Self.pair, keys: [Self.pairKey(email, address: address)])
    }

    /// Forgets windows that are over.
    func removeExpired(now: Date) async throws {
        try await limiter.removeExpired(Self.pair, now: now)
        try await limiter.removeExpired(Self.account, now: now)
    }
}
