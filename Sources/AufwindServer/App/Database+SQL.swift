import Fluent
import SQLKit

/// Aufwind runs on SQLite or PostgreSQL, both through SQLKit: every Fluent database it is given
/// is an `SQLDatabase`. Code that needs SQL asks with `try database.sql()` instead of casting.
extension Database {
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw SQLDatabaseRequired(driver: String(describing: type(of: self))) }
        return sql
    }
}

/// A database driver without SQL (never configured by Aufwind; a programming error).
struct SQLDatabaseRequired: Error, CustomStringConvertible {
    let driver: String
    var description: String { "Aufwind braucht eine SQL-Datenbank (SQLite oder PostgreSQL), nicht \(driver)." }
}
