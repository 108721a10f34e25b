import Fluent
import SQLKit

/// 032: messages sent with the contact form (`/kontakt`), linked to the mail that carried them
/// to the operator, so both go together.
struct CreateContactMessages: AsyncMigration {
    var name: String { "032-ContactMessages" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ContactMessageModel.schema)
            .id()
            .field("sender_name", .string, .required)
            .field("sender_email", .string, .required)
            .field("user_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("subject", .string, .required)
            .field("message", .string, .required)
            .field("mail_id", .uuid, .references(MailModel.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX IF NOT EXISTS contact_messages_created ON contact_messages (created_at)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContactMessageModel.schema).delete()
    }
}
