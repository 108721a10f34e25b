import Fluent
import SQLKit

/// 014: own sessions that expire (replacing Vapor's session table), atomic login throttling
/// (replacing the attempt log), queued account mails, credentials carried by confirmation links,
/// mails linked to their account, API token scopes.
struct HardenAccounts: AsyncMigration {
    var name: String { "014-HardenAccounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(WebSessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(LoginThrottleModel.schema)
            .id()
            .field("subject", .string, .required)
            .field("window_start", .datetime, .required)
            .field("attempts", .int, .required)
            .unique(on: "subject")
            .create()
        try await database.schema(AccountRequestModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("email", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(OneTimeTokenModel.schema).field("password_hash", .string).update()
        try await database.schema(OneTimeTokenModel.schema).field("display_name", .string).update()
        try await database.schema(MailModel.schema).field("user_id", .uuid).update()
        try await database.schema(APITokenModel.schema)
            .field("scope", .string, .required, .sql(.default(APITokenModel.Scope.write.rawValue))).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP TABLE IF EXISTS _fluent_sessions").run()
            try await sql.raw("DROP TABLE IF EXISTS login_attempts").run()
            try await sql.raw("CREATE INDEX IF NOT EXISTS web_sessions_user ON web_sessions (user_id)").run()
            try await sql.raw("CREATE INDEX IF NOT EXISTS mail_outbox_user ON mail_outbox (user_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).deleteField("scope").update()
        try await database.schema(MailModel.schema).deleteField("user_id").update()
        try await database.schema(OneTimeTokenModel.schema).deleteField("display_name").update()
        try await database.schema(OneTimeTokenModel.schema).deleteField("password_hash").update()
        try await database.schema(AccountRequestModel.schema).delete()
        try await database.schema(LoginThrottleModel.schema).delete()
        try await database.schema(WebSessionModel.schema).delete()
    }
}
