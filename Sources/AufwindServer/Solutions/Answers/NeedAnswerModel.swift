import AufwindCore
import Fluent
import Foundation

/// An Anbieter's answer to a published Bedarf: one of its solutions and a short text. The town
/// that published the Bedarf may mark it "passt nicht" with a reason the Anbieter reads.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class NeedAnswerModel: Model, @unchecked Sendable {
    static let schema = "need_answers"

    enum Status: String, Codable, CaseIterable {
        case offen
        case passtNicht = "passt-nicht"

        var label: String { self == .offen ? "offen" : "passt nicht" }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "solution_id") var solutionID: UUID
    @Field(key: "body") var body: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "status") var status: String
    @Field(key: "decline_reason") var declineReason: String
    @OptionalField(key: "declined_by") var declinedBy: UUID?
    @OptionalField(key: "declined_at") var declinedAt: Date?
    /// Hidden by a moderation decision (nil: shown).
    @OptionalField(key: "hidden") var hidden: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(itemID: UUID, organisationID: UUID, solutionID: UUID, body: String, author: UserModel) {
        self.itemID = itemID
        self.organisationID = organisationID
        self.solutionID = solutionID
        self.body = body
        authorID = author.id
        authorName = author.displayName
        status = Status.offen.rawValue
        declineReason = ""
    }

    var statusValue: Status { Status(rawValue: status) ?? .offen }
    var path: String { "/antworten/\(id?.uuidString.lowercased() ?? "")" }
}
