import Fluent

/// 009: interest requests, cooperations with their message threads, in-app notifications.
struct CreateContact: AsyncMigration {
    var name: String { "009-CreateContact" }

    func prepare(on database: any Database) async throws {
        try await database.schema(InterestRequestModel.schema)
            .id()
            .field("item_id", .uuid, .required, .references(CooperationItemModel.schema, "id", onDelete: .cascade))
            .field("from_key", .string, .required)
            .field("to_key", .string, .required)
            .field("requested_by", .uuid)
            .field("requester_name", .string, .required)
            .field("message", .string, .required)
            .field("status", .string, .required)
            .field("decided_by", .uuid)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            // One request per town and item: a second one is refused, not duplicated.
            .unique(on: "item_id", "from_key")
            .create()
        try await database.schema(CooperationModel.schema)
            .id()
            .field("item_id", .uuid, .required, .references(CooperationItemModel.schema, "id", onDelete: .cascade))
            .field("request_id", .uuid, .required, .references(InterestRequestModel.schema, "id", onDelete: .cascade))
            .field("owner_key", .string, .required)
            .field("partner_key", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "request_id")
            .create()
        try await database.schema(CooperationMessageModel.schema)
            .id()
            .field("cooperation_id", .uuid, .required, .references(CooperationModel.schema, "id", onDelete: .cascade))
            .field("author_key", .string, .required)
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(NotificationModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("link", .string, .required)
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [NotificationModel.schema, CooperationMessageModel.schema, CooperationModel.schema, InterestRequestModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
