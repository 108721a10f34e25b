import Fluent

/// 007: Vorhaben, Bedarfe, Angebote, staff offers and needs.
struct CreateCooperationItems: AsyncMigration {
    var name: String { "007-CreateCooperationItems" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CooperationItemModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("owner_key", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("handlungsfelder", .string, .required)
            .field("reach", .string, .required)
            .field("desired_sizes", .string, .required)
            .field("published", .bool, .required)
            .field("is_demo", .bool, .required)
            .field("version", .int, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CooperationItemModel.schema).delete()
    }
}
