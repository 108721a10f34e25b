import Fluent
import SQLKit

/// 021: secrets the server generates for itself, shared by every instance on the database (the key
/// that signs the unsubscribe links in mails). Created here with a random value, never in the
/// repository or the configuration.
struct CreateServerSecrets: AsyncMigration {
    var name: String { "021-ServerSecrets" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ServerSecret.schema)
            .field("name", .string, .required)
            .field("value", .string, .required)
            .unique(on: "name")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.insert(into: ServerSecret.schema).columns("name", "value")
            .values(SQLBind(ServerSecret.unsubscribeLinks), SQLBind(ServerSecret.random())).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ServerSecret.schema).delete()
    }
}
