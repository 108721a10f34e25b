import Fluent
import SQLKit

/// 019: how a notification reaches its user by mail — its action label (for digests), whether it
/// waits for a digest, when the user saw it in the app (then no digest mails it again), when a
/// digest took it — and the HTML part and one-click unsubscribe address of outbox mails.
struct AddNotificationDelivery: AsyncMigration {
    var name: String { "019-NotificationDelivery" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(NotificationModel.schema).field("action", .string).update()
        try await database.schema(NotificationModel.schema).field("awaits_digest", .bool, .required, .sql(.default(false))).update()
        try await database.schema(NotificationModel.schema).field("seen_at", .datetime).update()
        try await database.schema(NotificationModel.schema).field("digested_at", .datetime).update()
        try await database.schema(MailModel.schema).field("html_body", .string).update()
        try await database.schema(MailModel.schema).field("unsubscribe_url", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        // The unread count in the navigation (every signed-in page) and the centre's pages.
        try await sql.raw("CREATE INDEX IF NOT EXISTS notifications_user_created ON notifications (user_id, created_at)").run()
        // The digest's work list: only what still waits, however many notifications are kept.
        try await sql.raw(
            "CREATE INDEX IF NOT EXISTS notifications_awaiting_digest ON notifications (user_id) WHERE awaits_digest AND digested_at IS NULL"
        ).run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP INDEX IF EXISTS notifications_awaiting_digest").run()
            try await sql.raw("DROP INDEX IF EXISTS notifications_user_created").run()
        }
        try await database.schema(MailModel.schema).deleteField("unsubscribe_url").update()
        try await database.schema(MailModel.schema).deleteField("html_body").update()
        for field in ["digested_at", "seen_at", "awaits_digest", "action"] {
            try await database.schema(NotificationModel.schema).deleteField(.string(field)).update()
        }
    }
}
