import AufwindCore
import Fluent
import SQLKit

/// 008: what items need beyond the matching's view (status, sub-themes, visibility, time frame,
/// contact, staff sharing) and their edit history.
struct CreateItemDetails: AsyncMigration {
    var name: String { "008-CreateItemDetails" }

    /// Added one by one: SQLite alters a table one column at a time.
    static let textColumns = [
        "subthemes", "status", "time_frame", "contact_person", "staff_role", "staff_duration", "staff_form", "staff_cost_split",
    ]

    func prepare(on database: any Database) async throws {
        for column in Self.textColumns {
            try await database.schema(CooperationItemModel.schema)
                .field(.string(column), .string, .required, .sql(.default(""))).update()
        }
        try await database.schema(CooperationItemModel.schema)
            .field("visibility", .string, .required, .sql(.default(Visibility.oeffentlich.rawValue))).update()
        try await database.schema(CooperationItemModel.schema).field("staff_hours", .int).update()
        try await database.schema(CooperationItemModel.schema).field("published_at", .datetime).update()
        if let sql = database as? any SQLDatabase {
            // Demo items were published when they were generated.
            try await sql.raw("UPDATE cooperation_items SET published_at = created_at WHERE published").run()
            try await sql.create(index: "cooperation_items_owner").on(CooperationItemModel.schema).column("owner_key").run()
        }
        try await database.schema(ItemRevisionModel.schema)
            .id()
            .field("item_id", .uuid, .required, .references(CooperationItemModel.schema, "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("edited_by", .uuid)
            .field("editor_name", .string, .required)
            .field("changes", .string, .required)
            .field("snapshot", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "item_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ItemRevisionModel.schema).delete()
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "cooperation_items_owner").run() }
        for column in Self.textColumns + ["visibility", "staff_hours", "published_at"] {
            try await database.schema(CooperationItemModel.schema).deleteField(.string(column)).update()
        }
    }
}
