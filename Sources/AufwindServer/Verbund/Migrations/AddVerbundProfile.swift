import Fluent

/// 016: a Verbund's description, and the version that makes renaming and describing it an
/// optimistic-locking edit (a stale save is refused).
struct AddVerbundProfile: AsyncMigration {
    var name: String { "016-VerbundProfile" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(VerbundModel.schema).field("description", .string, .required, .sql(.default(""))).update()
        try await database.schema(VerbundModel.schema).field("version", .int, .required, .sql(.default(1))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VerbundModel.schema).deleteField("version").update()
        try await database.schema(VerbundModel.schema).deleteField("description").update()
    }
}
