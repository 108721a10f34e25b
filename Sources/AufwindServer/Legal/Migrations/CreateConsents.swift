import Fluent
import SQLKit

/// 033: the consent history (who accepted which version of which document, when) and, on the
/// account, the newest version of the Nutzungsbedingungen it accepted, so that every page can
/// tell without a query whether the person must agree first.
struct CreateConsents: AsyncMigration {
    var name: String { "033-Consents" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ConsentModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("document", .string, .required)
            .field("version", .int, .required)
            .field("accepted_at", .datetime, .required)
            .create()
        try await database.schema(UserModel.schema).field("accepted_terms_version", .int).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX IF NOT EXISTS consents_user ON consents (user_id, accepted_at)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("accepted_terms_version").update()
        try await database.schema(ConsentModel.schema).delete()
    }
}
