import Crypto
import Fluent
import Foundation
import SQLKit

/// Secrets the server made for itself (migration 021), read from the database so that every
/// instance signs and checks with the same key.
enum ServerSecret {
    static let schema = "server_secrets"
    /// Signs the one-click unsubscribe links of notification mails.
    static let unsubscribeLinks = "abmelde-links"

    static func random() -> String { SecureToken.make() }

    struct Row: Decodable { var value: String }

    /// The key of that name; a missing row (a database restored without it) is created once,
    /// and whoever inserts first wins.
    static func key(_ name: String, on database: any Database) async throws -> SymmetricKey {
        guard let sql = database as? any SQLDatabase else { throw RegisterStorageError.notSQL }
        if let row = try await sql.select().column("value").from(schema).where("name", .equal, name).first(decoding: Row.self) {
            return SymmetricKey(data: Data(row.value.utf8))
        }
        try await sql.insert(into: schema).columns("name", "value").values(SQLBind(name), SQLBind(random()))
            .ignoringConflicts(with: ["name"]).run()
        let row = try await sql.select().column("value").from(schema).where("name", .equal, name).first(decoding: Row.self)
        guard let row else { throw RegisterStorageError.notSQL }
        return SymmetricKey(data: Data(row.value.utf8))
    }
}
