import AufwindCore
import Fluent
import SQLKit

/// The tables and columns of the connected database, with the table each foreign key points to:
/// from SQLite's `pragma_table_info` / `pragma_foreign_key_list`, from PostgreSQL's
/// `information_schema` (the current schema only). Fluent's own bookkeeping is left out.
enum DatabaseSchema {
    private struct Column: Decodable {
        var table_name: String
        var column_name: String
        var data_type: String?
    }
    private struct ForeignKey: Decodable {
        var table_name: String
        var column_name: String
        var referenced_table: String
    }

    static func columns(of database: any Database) async throws -> [PersonalDataCoverage.SchemaColumn] {
        let sql = try database.sql()
        let (columnQuery, foreignKeyQuery) = sql.dialect.name == "sqlite" ? sqlite : postgres
        let columns = try await sql.raw(columnQuery).all(decoding: Column.self)
        let keys = try await sql.raw(foreignKeyQuery).all(decoding: ForeignKey.self)
        var references: [SchemaColumnName: String] = [:]
        for key in keys { references[SchemaColumnName(table: key.table_name, column: key.column_name)] = key.referenced_table }
        return columns.filter { !$0.table_name.hasPrefix("_fluent") }.map {
            PersonalDataCoverage.SchemaColumn(
                table: $0.table_name, column: $0.column_name,
                references: references[SchemaColumnName(table: $0.table_name, column: $0.column_name)], type: $0.data_type ?? "")
        }
    }

    private static var sqlite: (SQLQueryString, SQLQueryString) {
        (
            """
            SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """,
            """
            SELECT m.name AS table_name, f."from" AS column_name, f."table" AS referenced_table
            FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table'
            """
        )
    }

    private static var postgres: (SQLQueryString, SQLQueryString) {
        (
            """
            SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type
            FROM information_schema.columns WHERE table_schema = current_schema()
            """,
            """
            SELECT kcu.table_name::text AS table_name, kcu.column_name::text AS column_name, ccu.table_name::text AS referenced_table
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
                ON kcu.constraint_name = tc.constraint_name AND kcu.constraint_schema = tc.constraint_schema
            JOIN information_schema.constraint_column_usage ccu
                ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            """
        )
    }
}
