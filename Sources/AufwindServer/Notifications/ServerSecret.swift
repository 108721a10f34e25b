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
    /// Signs the calendar addresses of "Mein Programm" (`ProgrammeFeedLink`).
    static let programmeFeeds = "mein-programm-kalender"

    static func random() -> String { SecureToken.make() }

    struct Row: Decodable { var value: String }

    /// The row could be neither read nor created (a read-only or broken database).
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "Serverschlüssel \"\(name)\" fehlt und ließ sich nicht anlegen." }
    }

    /// The key of that name; a missing row (a database restored without it) is created once,
    /// and whoever inserts first wins.
    static func key(_ name: String, on database: any Database) async throws -> SymmetricKey {
        let sql = try database.sql()
        if let row = try await sql.select().column("value").from(schema).where("name", .equal, name).first(decoding: Row.self) {
            return SymmetricKey(data: Data(row.value.utf8))
        }
        try await sql.insert(into: schema).columns("name", "value").values(SQLBind(name), SQLBind(random()))
            .ignoringConflicts(with: ["name"]).run()
        let row = try await sql.select().column("value").from(schema).where("name", .equal, name).first(decoding: Row.self)
        guard let row else { throw Missing(name: name) }
        return SymmetricKey(data: Data(row.value.utf8))
    }
}
