import Fluent
import Foundation

/// A failed login, by account and by client address, for rate limiting across instances.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class LoginAttemptModel: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}

    init(subject: String, at date: Date) {
        self.subject = subject
        self.attemptedAt = date
    }
}
