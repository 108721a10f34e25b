import Fluent
import Foundation

/// Failed logins of one subject (an account, or an address with an account) in the current
/// window. Counted by one atomic statement (`LoginThrottle`), so parallel guesses cannot slip past.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class LoginThrottleModel: Model, @unchecked Sendable {
    static let schema = "login_throttle"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "window_start") var windowStart: Date
    @Field(key: "attempts") var attempts: Int

    init() {}
}
