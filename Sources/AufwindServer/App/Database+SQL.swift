import Fluent
import FluentSQL
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

extension Database {
    /// The models whose `column` equals `value`, through one plain `SELECT *` (optionally sorted by
    /// `orderedBy`, ascending). Fluent's query builder names every column with an alias, which on the
    /// busiest pages cost more than running the query (issue 18); the models come out as Fluent's would.
    /// Only for models without soft deletion (a `.delete` timestamp is not filtered) in the default
    /// space; `column` and `orderedBy` are names from the code, never from input.
    func models<M: Model>(_ type: M.Type, where column: String, equals value: some Encodable & Sendable, orderedBy order: String? = nil)
        async throws -> [M]
    {
        let select = try sql().select().column(SQLLiteral.all).from(M.schema).where(SQLIdentifier(column), .equal, SQLBind(value))
        if let order { select.orderBy(order) }
        return try await select.all().map { try $0.decode(fluentModel: M.self) }
    }
}
