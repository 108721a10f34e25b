import Fluent
import Foundation

/// A request that may lead to a mail about an account ("Passwort vergessen", "Bestätigungslink
/// erneut senden"). The form only queues it, the same for known and unknown addresses, so the
/// answer takes the same time either way; `AccountRequestProcessor` does the rest.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class AccountRequestModel: Model, @unchecked Sendable {
    static let schema = "account_requests"

    enum Kind: String, Codable {
        case resetPassword = "passwort-zuruecksetzen"
        case resendConfirmation = "bestaetigung-erneut"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "email") var email: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(kind: Kind, email: String, at date: Date) {
        self.kind = kind.rawValue
        self.email = email
        self.createdAt = date
    }
}
