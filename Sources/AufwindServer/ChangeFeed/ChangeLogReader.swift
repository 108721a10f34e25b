import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Reads the change log (`043-CreateChangeLog`): the rows after a position, with the snapshot they
/// were read in on PostgreSQL (see `ChangeWatermark`), and removes old rows.
struct ChangeLogReader {
    let database: any Database

    /// Rows read at most per statement; a larger backlog is read in several.
    static let batchSize = 5_000
    /// How long rows are kept: an instance that was away longer reloads everything.
    static let retention: TimeInterval = 3_600

    struct Read {
        var changes: [Change]
        var snapshot: ChangeWatermark.Snapshot?
    }

    private struct Row: Decodable {
        var xmin: Int64?
        var xmax: Int64?
        var seq: Int64?
        var kind: String?
        var key: String?
    }

    /// The newest row's number (0 for an empty log).
    func newest() async throws -> Int64 {
        struct Newest: Decodable { var seq: Int64? }
        let sql = try database.sql()
        return try await sql.raw("SELECT MAX(seq) AS seq FROM change_log").first(decoding: Newest.self)?.seq ?? 0
    }

    /// The rows after `position`, ascending, at most `batchSize`.
    func read(after position: Int64) async throws -> Read {
        let sql = try database.sql()
        if sql.dialect.name == "postgresql" {
            // One statement: the rows and the snapshot they were read in (a left join, so that an
            // empty log still answers with the snapshot).
            let rows = try await sql.raw(
                """
                SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin,
                       pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax,
                       c.seq, c.kind, c.key
                FROM (SELECT 1) AS one LEFT JOIN change_log c ON c.seq > \(bind: position)
                ORDER BY c.seq LIMIT \(unsafeRaw: String(Self.batchSize))
                """
            ).all(decoding: Row.self)
            let snapshot = rows.first.flatMap { row -> ChangeWatermark.Snapshot? in
                guard let xmin = row.xmin, let xmax = row.xmax else { return nil }
                return .init(xmin: UInt64(xmin), xmax: UInt64(xmax))
            }
            return Read(changes: rows.compactMap(Self.change), snapshot: snapshot)
        }
        let rows = try await sql.raw(
            "SELECT seq, kind, key FROM change_log WHERE seq > \(bind: position) ORDER BY seq LIMIT \(unsafeRaw: String(Self.batchSize))"
        ).all(decoding: Row.self)
        return Read(changes: rows.compactMap(Self.change), snapshot: nil)
    }

    private static func change(_ row: Row) -> Change? {
        guard let seq = row.seq, let kind = row.kind.flatMap(ChangeKind.init(rawValue:)) else { return nil }
        return Change(sequence: seq, kind: kind, key: row.key ?? "")
    }

    /// Removes rows older than `retention` (by the database's clock); returns how many.
    @discardableResult
    func prune() async throws -> Int {
        let sql = try database.sql()
        struct Removed: Decodable { var seq: Int64 }
        let cutoff: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "now() - interval '\(unsafeRaw: String(Int(Self.retention))) seconds'"
            : "(julianday('now') - 2440587.5) * 86400.0 - \(unsafeRaw: String(Int(Self.retention)))"
        return try await sql.raw("DELETE FROM change_log WHERE created_at < \(cutoff) RETURNING seq").all(decoding: Removed.self).count
    }
}
