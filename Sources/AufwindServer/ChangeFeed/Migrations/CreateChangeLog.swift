import AufwindCore
import Fluent
import SQLKit

/// 043: the change log (issue 18). The database itself writes a row for every change that an
/// instance holds in memory, by trigger, in the transaction of the change; on PostgreSQL the
/// trigger also wakes the other instances (`NOTIFY`, delivered at commit).
struct CreateChangeLog: AsyncMigration {
    var name: String { "043-CreateChangeLog" }

    /// Which writes are logged, as what, and which column names the thing.
    struct Watch {
        var table: String
        var kind: ChangeKind
        /// The column that names the changed thing; nil: the kind is read anew as a whole.
        var keyColumn: String?
        var operations: [String] = ["INSERT", "UPDATE", "DELETE"]
        /// Updates of only these columns are logged (nil: any update).
        var updateColumns: [String]? = nil

        /// The operation as a trigger names it (`UPDATE OF …` when only some columns count).
        func event(_ operation: String) -> String {
            guard operation == "UPDATE", let updateColumns else { return operation }
            return "UPDATE OF " + updateColumns.joined(separator: ", ")
        }
    }

    static let watched: [Watch] = [
        Watch(table: "gemeinden", kind: .register), Watch(table: "gebietseinheiten", kind: .register),
        Watch(table: "register_imports", kind: .register),
        Watch(table: "funding_programmes", kind: .foerderkatalog),
        Watch(table: "cooperation_items", kind: .eintrag, keyColumn: "id"),
        Watch(table: "interest_requests", kind: .anfragen, keyColumn: "to_key"),
        Watch(table: "events", kind: .programm, keyColumn: "id"), Watch(table: "event_rooms", kind: .programm, keyColumn: "event_id"),
        Watch(table: "event_slots", kind: .programm, keyColumn: "event_id"),
        Watch(table: "event_sessions", kind: .programm, keyColumn: "event_id"),
        Watch(table: "event_assignments", kind: .programm, keyColumn: "event_id"),
        Watch(table: "event_schedule_versions", kind: .programm, keyColumn: "event_id"),
        Watch(table: "solutions", kind: .loesungen), Watch(table: "solution_references", kind: .loesungen),
        Watch(table: "cooperations", kind: .atlas), Watch(table: "verbuende", kind: .atlas), Watch(table: "verbund_members", kind: .atlas),
        Watch(table: "memberships", kind: .atlas),
        Watch(table: "memberships", kind: .person, keyColumn: "user_id"),
        Watch(table: "users", kind: .person, keyColumn: "id", operations: ["UPDATE", "DELETE"]),
        // A session that ends (sign-out, password change, expiry); new sessions are read when first used.
        Watch(table: "web_sessions", kind: .person, keyColumn: "user_id", operations: ["DELETE"]),
        Watch(table: "notifications", kind: .benachrichtigungen, keyColumn: "user_id"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE TABLE change_log (
                    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    kind TEXT NOT NULL, key TEXT NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())
                """
            ).run()
            try await sql.raw(
                """
                CREATE FUNCTION aufwind_log_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
                DECLARE
                    changed TEXT := '';
                BEGIN
                    IF TG_LEVEL = 'ROW' THEN
                        IF TG_OP = 'DELETE' THEN
                            changed := to_jsonb(OLD) ->> TG_ARGV[1];
                        ELSE
                            changed := to_jsonb(NEW) ->> TG_ARGV[1];
                        END IF;
                    END IF;
                    INSERT INTO change_log (kind, key) VALUES (TG_ARGV[0], coalesce(changed, ''));
                    PERFORM pg_notify('aufwind_changes_' || current_schema(), '');
                    RETURN NULL;
                END $$
                """
            ).run()
            for (index, watch) in Self.watched.enumerated() { try await Self.createTriggers(watch, name: Self.triggerName(index, watch), on: sql) }
        } else {
            try await sql.raw(
                """
                CREATE TABLE change_log (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL, key TEXT NOT NULL,
                    created_at REAL NOT NULL DEFAULT ((julianday('now') - 2440587.5) * 86400.0))
                """
            ).run()
            for (index, watch) in Self.watched.enumerated() { try await Self.createTriggers(watch, name: Self.triggerName(index, watch), on: sql) }
        }
        try await sql.raw("CREATE INDEX change_log_created_at ON change_log (created_at)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        for (index, watch) in Self.watched.enumerated() { try await Self.dropTriggers(watch, name: Self.triggerName(index, watch), on: sql) }
        if sql.dialect.name == "postgresql" { try await sql.raw("DROP FUNCTION aufwind_log_change()").run() }
        try await sql.raw("DROP TABLE change_log").run()
    }

    static func triggerName(_ index: Int, _ watch: Watch) -> String { "change_log_\(index)_\(watch.table)" }

    /// The triggers that log `watch`'s writes (the log table exists, on PostgreSQL its function too):
    /// on PostgreSQL one named `name`, on SQLite one per operation, `name` and the operation.
    /// Migrations 043 and 045 create theirs with it: a change must keep the SQL it writes for them.
    static func createTriggers(_ watch: Watch, name: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            let level = watch.keyColumn == nil ? "STATEMENT" : "ROW"
            let arguments = ["'\(watch.kind.rawValue)'", watch.keyColumn.map { "'\($0)'" }].compactMap { $0 }.joined(separator: ", ")
            try await sql.raw(
                """
                CREATE TRIGGER \(unsafeRaw: name)
                AFTER \(unsafeRaw: watch.operations.map(watch.event).joined(separator: " OR ")) ON \(unsafeRaw: watch.table)
                FOR EACH \(unsafeRaw: level) EXECUTE FUNCTION aufwind_log_change(\(unsafeRaw: arguments))
                """
            ).run()
        } else {
            for operation in watch.operations {
                let row = operation == "DELETE" ? "OLD" : "NEW"
                let key = watch.keyColumn.map { "CAST(\(row).\($0) AS TEXT)" } ?? "''"
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: "\(name)_\(operation.lowercased())")
                    AFTER \(unsafeRaw: watch.event(operation)) ON \(unsafeRaw: watch.table)
                    BEGIN INSERT INTO change_log (kind, key) VALUES ('\(unsafeRaw: watch.kind.rawValue)', \(unsafeRaw: key)); END
                    """
                ).run()
            }
        }
    }

    static func dropTriggers(_ watch: Watch, name: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER \(unsafeRaw: name) ON \(unsafeRaw: watch.table)").run()
        } else {
            for operation in watch.operations {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: "\(name)_\(operation.lowercased())")").run()
            }
        }
    }
}
