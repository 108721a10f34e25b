import Fluent

/// 004: API tokens, and the new address an e-mail change waits to confirm.
struct CreateAPITokens: AsyncMigration {
    var name: String { "004-CreateAPITokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(OneTimeTokenModel.schema)
            .field("new_email", .string)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OneTimeTokenModel.schema).deleteField("new_email").update()
        try await database.schema(APITokenModel.schema).delete()
    }
}
