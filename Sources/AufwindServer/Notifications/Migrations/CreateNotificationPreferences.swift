import Fluent

/// 018: how often each user wants mails per notification category. A row exists only for a
/// category the user changed; otherwise `NotificationCadence.standard(for:)` applies.
struct CreateNotificationPreferences: AsyncMigration {
    var name: String { "018-NotificationPreferences" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationPreferenceModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("category", .string, .required)
            .field("cadence", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "user_id", "category")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NotificationPreferenceModel.schema).delete()
    }
}
