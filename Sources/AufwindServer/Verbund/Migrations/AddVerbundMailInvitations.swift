import Fluent

/// 022: an invitation to a town with nobody on Aufwind goes by mail to an address the lead gives
/// (e.g. the Rathaus); it waits (no expiry) until the town's first member is confirmed.
struct AddVerbundMailInvitations: AsyncMigration {
    var name: String { "022-VerbundMailInvitations" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(VerbundMemberModel.schema).field("invitation_email", .string).update()
        try await database.schema(VerbundMemberModel.schema).field("mailed_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VerbundMemberModel.schema).deleteField("mailed_at").update()
        try await database.schema(VerbundMemberModel.schema).deleteField("invitation_email").update()
    }
}
