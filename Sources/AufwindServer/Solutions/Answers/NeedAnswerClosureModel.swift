import Fluent
import Foundation

/// A Bedarf whose town switched answers from Anbieter off (a row: off; no row: on).
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class NeedAnswerClosureModel: Model, @unchecked Sendable {
    static let schema = "need_answer_closures"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @OptionalField(key: "closed_by") var closedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(itemID: UUID, closedBy: UUID?) {
        self.itemID = itemID
        self.closedBy = closedBy
    }
}
