import Fluent

/// 010: the funding catalogue with its rules.
struct CreateFundingProgrammes: AsyncMigration {
    var name: String { "010-CreateFundingProgrammes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FundingProgrammeModel.schema)
            .field("id", .string, .identifier(auto: false))
            .field("facts", .string, .required)
            .field("rules", .string, .required)
            .field("version", .int, .required)
            .field("updated_by_name", .string)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FundingProgrammeModel.schema).delete()
    }
}
