import Fluent

/// 002: accounts, the mail outbox, one-time tokens, failed logins.
struct CreateAccounts: AsyncMigration {
    var name: String { "002-CreateAccounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("email_confirmed_at", .datetime)
            .field("is_admin", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(MailModel.schema)
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .field("sent_at", .datetime)
            .create()
        try await database.schema(OneTimeTokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("login_attempts")
            .id()
            .field("subject", .string, .required)
            .field("attempted_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in ["login_attempts", OneTimeTokenModel.schema, MailModel.schema, UserModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
