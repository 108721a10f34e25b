import Fluent

/// 025: the match alerts sent, one row per pair of items (in a fixed order): the unique key makes
/// sure a pair is alerted at most once, whichever instance publishes.
struct CreateMatchAlerts: AsyncMigration {
    var name: String { "025-MatchAlerts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MatchAlertModel.schema)
            .id()
            .field("first_item_id", .uuid, .required, .references(CooperationItemModel.schema, "id", onDelete: .cascade))
            .field("second_item_id", .uuid, .required, .references(CooperationItemModel.schema, "id", onDelete: .cascade))
            .field("score", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "first_item_id", "second_item_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MatchAlertModel.schema).delete()
    }
}
