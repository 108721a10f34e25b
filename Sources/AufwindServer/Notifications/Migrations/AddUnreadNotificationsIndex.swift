import Fluent
import SQLKit

/// 030: the unread count in the navigation runs on every signed-in page. A partial index of the
/// unread notifications per user makes it read only those (not every notification the user kept);
/// SQLite and PostgreSQL both use it for `user_id = ? AND read_at IS NULL`.
struct AddUnreadNotificationsIndex: AsyncMigration {
    var name: String { "030-UnreadNotificationsIndex" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX IF NOT EXISTS notifications_unread ON notifications (user_id) WHERE read_at IS NULL").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX IF EXISTS notifications_unread").run()
    }
}
