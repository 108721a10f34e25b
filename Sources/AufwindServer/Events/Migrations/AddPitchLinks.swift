import Fluent

/// 013: pitches link to the Vorhaben a town presents or the Anbieter that pitches.
struct AddPitchLinks: AsyncMigration {
    var name: String { "013-AddPitchLinks" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(PitchModel.schema)
            .field("item_id", .uuid, .references(CooperationItemModel.schema, "id", onDelete: .setNull)).update()
        try await database.schema(PitchModel.schema)
            .field("organisation_id", .uuid, .references(OrganisationModel.schema, "id", onDelete: .setNull)).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PitchModel.schema).deleteField("organisation_id").update()
        try await database.schema(PitchModel.schema).deleteField("item_id").update()
    }
}
