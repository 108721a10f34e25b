import Fluent
import Foundation

/// A message in the conversation about an answer, written for the town or for the Anbieter.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class NeedAnswerMessageModel: Model, @unchecked Sendable {
    static let schema = "need_answer_messages"

    enum Side: String, Codable {
        case kommune, anbieter
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "answer_id") var answerID: UUID
    @Field(key: "side") var side: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "body") var body: String
    /// Hidden by a moderation decision (nil: shown).
    @OptionalField(key: "hidden") var hidden: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(answerID: UUID, side: Side, author: UserModel, body: String) {
        self.answerID = answerID
        self.side = side.rawValue
        authorID = author.id
        authorName = author.displayName
        self.body = body
    }

    var sideValue: Side { Side(rawValue: side) ?? .kommune }
}
