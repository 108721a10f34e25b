import Fluent

/// 001: the register tables.
struct CreateRegister: AsyncMigration {
    var name: String { "001-CreateRegister" }

    func prepare(on database: any Database) async throws {
        try await database.schema(GebietseinheitModel.schema)
            .field("key", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("seat", .string, .required)
            .field("type_code", .int)
            .field("historical_since", .string)
            .create()
        try await database.schema(GemeindeModel.schema)
            .field("ags", .string, .identifier(auto: false))
            .field("ars", .string, .required)
            .field("name", .string, .required)
            .field("type_code", .int, .required)
            .field("area_ha", .int64, .required)
            .field("population", .int64, .required)
            .field("population_male", .int64, .required)
            .field("postcode", .string, .required)
            .field("several_postcodes", .bool, .required)
            .field("lat", .double)
            .field("lon", .double)
            .field("historical_since", .string)
            .field("successor_ags", .string)
            .create()
        try await database.schema(RegisterImportModel.schema)
            .id()
            .field("gebietsstand", .string, .required)
            .field("file_name", .string, .required)
            .field("inserted", .int, .required)
            .field("updated", .int, .required)
            .field("vanished", .int, .required)
            .field("imported_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegisterImportModel.schema).delete()
        try await database.schema(GemeindeModel.schema).delete()
        try await database.schema(GebietseinheitModel.schema).delete()
    }
}
