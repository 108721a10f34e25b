import Fluent
import SQLKit

/// 035: when each person last opened the home base (one row per person, deleted with the account),
/// and an index so the match alerts of an item are found from either side of the pair.
struct CreateHomeVisits: AsyncMigration {
    var name: String { "035-HomeVisits" }

    func prepare(on database: any Database) async throws {
        try await database.schema(HomeVisitModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("seen_at", .datetime, .required)
            .field("previous_seen_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.sql().raw("CREATE INDEX IF NOT EXISTS match_alerts_second ON match_alerts (second_item_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().raw("DROP INDEX IF EXISTS match_alerts_second").run()
        try await database.schema(HomeVisitModel.schema).delete()
    }
}
