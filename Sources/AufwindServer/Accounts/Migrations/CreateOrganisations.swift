import Fluent

/// 005: Anbieter and Veranstalter organisations.
struct CreateOrganisations: AsyncMigration {
    var name: String { "005-CreateOrganisations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("website", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("founded_by", .uuid)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema).delete()
    }
}
