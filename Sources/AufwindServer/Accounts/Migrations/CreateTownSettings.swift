import Fluent

/// 024: a town's settings its Verwalter choose (the score from which a new item is a match worth
/// an alert); a town without a row uses the defaults.
struct CreateTownSettings: AsyncMigration {
    var name: String { "024-TownSettings" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TownSettingsModel.schema)
            .field("town_key", .string, .identifier(auto: false))
            .field("match_threshold", .int, .required)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TownSettingsModel.schema).delete()
    }
}
