import Fluent
import Foundation

/// A token mailed to a user (confirm e-mail, reset password). Only its SHA-256 is stored;
/// it works once and until it expires.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class OneTimeTokenModel: Model, @unchecked Sendable {
    static let schema = "one_time_tokens"

    enum Purpose: String, Codable {
        case confirmEmail = "confirm-email"
        case resetPassword = "reset-password"
        case changeEmail = "change-email"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "purpose") var purpose: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    /// For an e-mail change: the address that becomes the login once confirmed.
    @OptionalField(key: "new_email") var newEmail: String?
    /// For a confirmation link: the password (as Bcrypt hash) and name of the registration it
    /// belongs to, applied when it is used.
    @OptionalField(key: "password_hash") var passwordHash: String?
    @OptionalField(key: "display_name") var displayName: String?

    init() {}

    init(userID: UUID, purpose: Purpose, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.purpose = purpose.rawValue
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
