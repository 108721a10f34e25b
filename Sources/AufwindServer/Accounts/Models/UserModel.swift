import Fluent
import Foundation

/// An account. The password is stored as a Bcrypt hash only.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "email_confirmed_at") var emailConfirmedAt: Date?
    @Field(key: "is_admin") var isAdmin: Bool
    /// Shows the e-mail address on the contact cards of the cooperations of the person's towns.
    @Field(key: "shows_email_to_partners") var showsEmailToPartners: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The newest version of the Nutzungsbedingungen the account accepted (`Consents` keeps the
    /// history); nil: never.
    @OptionalField(key: "accepted_terms_version") var acceptedTermsVersion: Int?

    init() {}

    init(email: String, displayName: String, passwordHash: String, isAdmin: Bool = false) {
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.isAdmin = isAdmin
        showsEmailToPartners = false
    }
}
