import Fluent
import Foundation

/// One acceptance of a legal document (the Nutzungsbedingungen) in a version: the consent
/// history. Goes with the account.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class ConsentModel: Model, @unchecked Sendable {
    static let schema = "consents"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// `TermsOfUse.document`.
    @Field(key: "document") var document: String
    @Field(key: "version") var version: Int
    @Field(key: "accepted_at") var acceptedAt: Date

    init() {}

    init(userID: UUID, document: String, version: Int, at acceptedAt: Date) {
        self.userID = userID
        self.document = document
        self.version = version
        self.acceptedAt = acceptedAt
    }
}
