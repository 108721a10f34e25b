import Fluent

/// 023: whether a person's e-mail address shows on the contact cards of their towns'
/// cooperations (off unless they switch it on).
struct AddContactEmailSetting: AsyncMigration {
    var name: String { "023-ContactEmailSetting" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("shows_email_to_partners", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("shows_email_to_partners").update()
    }
}
