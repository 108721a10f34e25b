import Fluent
import Foundation
import SQLKit

/// 015: back-off and the final state of the outbox: when a mail is tried next, why the last attempt
/// failed, and when it was given up as undeliverable.
struct AddMailDeliveryState: AsyncMigration {
    var name: String { "015-MailDeliveryState" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(MailModel.schema).field("next_attempt_at", .datetime).update()
        try await database.schema(MailModel.schema).field("last_error", .string).update()
        try await database.schema(MailModel.schema).field("failed_at", .datetime).update()
        // Mails the old sender had given up (10 attempts a few seconds apart) stay given up, now visibly.
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.update(MailModel.schema)
            .set("failed_at", to: Date())
            .set("last_error", to: "Nach 10 Versuchen aufgegeben (vor der Einführung der Wiederholungen über Stunden).")
            .where("sent_at", .is, SQLLiteral.null)
            .where("attempts", .greaterThanOrEqual, 10)
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MailModel.schema).deleteField("failed_at").update()
        try await database.schema(MailModel.schema).deleteField("last_error").update()
        try await database.schema(MailModel.schema).deleteField("next_attempt_at").update()
    }
}
