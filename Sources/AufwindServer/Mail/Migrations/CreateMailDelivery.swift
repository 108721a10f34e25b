import Fluent
import SQLKit

/// 006: delivery state of the outbox (claimed by an instance, attempts).
struct CreateMailDelivery: AsyncMigration {
    var name: String { "006-CreateMailDelivery" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MailModel.schema).field("claimed_until", .datetime).update()
        try await database.schema(MailModel.schema).field("attempts", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MailModel.schema).deleteField("attempts").update()
        try await database.schema(MailModel.schema).deleteField("claimed_until").update()
    }
}
