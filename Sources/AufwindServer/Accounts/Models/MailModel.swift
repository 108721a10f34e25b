import Fluent
import Foundation

/// A mail in the outbox. Every mail Aufwind sends goes through here first.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class MailModel: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?
    /// Set while an instance is sending it, so no other instance sends it too.
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    /// Failed attempts so far.
    @Field(key: "attempts") var attempts: Int
    /// The account the mail belongs to (also after an address change), for export and deletion.
    @OptionalField(key: "user_id") var userID: UUID?
    /// After a failed attempt: not before then (exponential back-off, `MailRetryPolicy`).
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    /// Why the last attempt failed, in German.
    @OptionalField(key: "last_error") var lastError: String?
    /// Undeliverable: given up then, never tried again.
    @OptionalField(key: "failed_at") var failedAt: Date?
    /// The HTML alternative of `body` (notification mails and digests).
    @OptionalField(key: "html_body") var htmlBody: String?
    /// The one-click unsubscribe address (`List-Unsubscribe`, RFC 8058).
    @OptionalField(key: "unsubscribe_url") var unsubscribeURL: String?

    init() {}

    init(recipient: String, subject: String, body: String) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.attempts = 0
    }
}
