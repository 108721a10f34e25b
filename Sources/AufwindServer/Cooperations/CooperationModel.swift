import Fluent
import Foundation

/// Two towns cooperating on an item: created when the owner accepts an interest request.
final class CooperationModel: Model, @unchecked Sendable {
    static let schema = "cooperations"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "owner_key") var ownerKey: String
    @Field(key: "partner_key") var partnerKey: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(itemID: UUID, requestID: UUID, ownerKey: String, partnerKey: String) {
        self.itemID = itemID
        self.requestID = requestID
        self.ownerKey = ownerKey
        self.partnerKey = partnerKey
    }

    var townKeys: [String] { [ownerKey, partnerKey] }
}

/// One message in a cooperation's thread.
final class CooperationMessageModel: Model, @unchecked Sendable {
    static let schema = "cooperation_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "cooperation_id") var cooperationID: UUID
    /// The town the author wrote for, and the author's name at the time.
    @Field(key: "author_key") var authorKey: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "body") var body: String
    /// Hidden by a moderation decision (nil: shown).
    @OptionalField(key: "hidden") var hidden: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(cooperationID: UUID, authorKey: String, authorID: UUID?, authorName: String, body: String) {
        self.cooperationID = cooperationID
        self.authorKey = authorKey
        self.authorID = authorID
        self.authorName = authorName
        self.body = body
    }
}
