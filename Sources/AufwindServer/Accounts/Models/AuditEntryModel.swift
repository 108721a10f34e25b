import Fluent
import Foundation

/// Who decided what, when: membership decisions and role changes.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "subject") var subject: String
    @Field(key: "detail") var detail: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(actor: UserModel?, action: String, subject: String, detail: String) {
        actorID = actor?.id
        actorName = actor.map { "\($0.displayName) <\($0.email)>" } ?? "System"
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
