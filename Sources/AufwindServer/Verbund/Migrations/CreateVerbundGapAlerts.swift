import Fluent

/// 026: the gap alerts sent ("es fehlt noch …" before a programme's deadline), one row per
/// Verbund, programme and deadline: inserted first, so exactly one instance sends each.
struct CreateVerbundGapAlerts: AsyncMigration {
    var name: String { "026-VerbundGapAlerts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(VerbundGapAlertModel.schema)
            .id()
            .field("verbund_id", .uuid, .required, .references(VerbundModel.schema, "id", onDelete: .cascade))
            .field("programme_id", .string, .required)
            .field("deadline", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "verbund_id", "programme_id", "deadline")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VerbundGapAlertModel.schema).delete()
    }
}
