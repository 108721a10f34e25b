import Fluent
import Foundation

/// A signed-in browser. The cookie holds a random secret; only its SHA-256 is stored, so a
/// database dump signs nobody in. Anonymous visitors have no row (their CSRF token lives in a
/// cookie of its own), so page views of anonymous visitors never write.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class WebSessionModel: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserModel
    /// The CSRF token of this session's forms; new with every session.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    /// Updated at most every few minutes (`SessionLifetime.touchInterval`), not on every view.
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, csrfToken: String, now: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
    }
}
