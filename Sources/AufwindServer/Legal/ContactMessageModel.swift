import AufwindCore
import Fluent
import Foundation

/// A message sent with the contact form to the operator. Kept `ContactMessages.retention`, then
/// deleted together with its mail; goes earlier with the sender's account.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class ContactMessageModel: Model, @unchecked Sendable {
    static let schema = "contact_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "sender_name") var senderName: String
    @Field(key: "sender_email") var senderEmail: String
    /// The account that was signed in when the form was sent, if any.
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "message") var message: String
    /// The copy in the outbox that went to the operator.
    @OptionalField(key: "mail_id") var mailID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ input: ContactMessageInput, userID: UUID?, at now: Date) {
        senderName = input.name
        senderEmail = input.email
        self.userID = userID
        subject = input.subject
        message = input.message
        createdAt = now
    }
}
