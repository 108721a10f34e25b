import Fluent

/// 017: each notification's category (for preferences and the centre's filter). Earlier
/// notifications were all about requests and decisions.
struct AddNotificationCategory: AsyncMigration {
    var name: String { "017-NotificationCategory" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationModel.schema).field("category", .string, .required, .sql(.default("anfragen"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NotificationModel.schema).deleteField("category").update()
    }
}
