import AufwindCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Reads items in bulk for the matching (through SQLKit: 100,000 Fluent models would cost
/// seconds and hundreds of megabytes) and counts what the activity component needs.
struct ItemRepository {
    let database: any Database

    private var sql: any SQLDatabase {
        get throws {
            let sql = try database.sql()
            return sql
        }
    }

    /// What the stream collects between rows.
    private struct StreamState {
        var batch: [CooperationItem] = []
        var recent: [String: Int] = [:]
        var failure: (any Error)?
    }

    /// Every published item, oldest publication first (the engine lists the newest first),
    /// handed to `deliver` in batches of `batchSize` as SQLite or PostgreSQL returns the rows:
    /// never all rows at once (500,000 rows with their descriptions would double the peak), and
    /// the caller can index one batch while the next is read. Returns how many items each town
    /// published since `recentSince` (the same count as `publishedCounts`, without a second scan).
    func streamPublished(
        batchSize: Int, recentSince: Date, _ deliver: @escaping @Sendable ([CooperationItem]) -> Void
    ) async throws -> [String: Int] {
        let state = NIOLockedValueBox(StreamState())
        try await sql.select()
            .columns(
                "id", "kind", "owner_key", "title", "description", "handlungsfelder", "subthemes", "status", "reach", "desired_sizes",
                "visibility", "is_demo", "published_at"
            )
            .from(CooperationItemModel.schema)
            .where("published", .equal, true)
            .orderBy("published_at").orderBy("id")
            .run { row in
                // After a failure the rest is only read, not kept: the reload fails anyway.
                guard state.withLockedValue({ $0.failure == nil }) else { return }
                let item: CooperationItem?
                do {
                    item = try Self.item(from: row)
                } catch {
                    state.withLockedValue { $0.failure = $0.failure ?? error }
                    return
                }
                // Counted as `publishedCounts` counts (also items of a kind this version skips).
                let ownerKey = try? row.decode(column: "owner_key", as: String.self)
                let publishedAt = try? row.decode(column: "published_at", as: Date?.self)
                let full: [CooperationItem]? = state.withLockedValue { state in
                    if let ownerKey, let publishedAt, publishedAt >= recentSince { state.recent[ownerKey, default: 0] += 1 }
                    guard let item else { return nil }
                    state.batch.append(item)
                    guard state.batch.count >= batchSize else { return nil }
                    defer { state.batch = [] }
                    return state.batch
                }
                if let full { deliver(full) }
            }
        let (rest, recent, failure) = state.withLockedValue { state in
            defer { state.batch = [] }
            return (state.batch, state.recent, state.failure)
        }
        if let failure { throw failure }
        if !rest.isEmpty { deliver(rest) }
        return recent
    }

    /// An item from its row, column by column (no keyed decoding container per row); nil for a
    /// kind or reach this version does not know.
    private static func item(from row: any SQLRow) throws -> CooperationItem? {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func list(_ column: String) throws -> [Substring] { try text(column).split(separator: ",") }
        guard let kind = ItemKind(rawValue: try text("kind")), let reach = Reach(rawValue: try text("reach")) else { return nil }
        return CooperationItem(
            id: try row.decode(column: "id", as: UUID.self).uuidString.lowercased(), kind: kind, ownerKey: try text("owner_key"),
            title: try text("title"), description: try text("description"),
            handlungsfelder: Set(try list("handlungsfelder").compactMap { Handlungsfeld(rawValue: String($0)) }), reach: reach,
            desiredSizes: Set(try list("desired_sizes").compactMap { Groessenklasse(rawValue: String($0)) }),
            unterthemen: Set(try list("subthemes").map(String.init)), status: ItemStatus(rawValue: try text("status")),
            visibility: Visibility(rawValue: try text("visibility")) ?? .kommunen, isDemo: try row.decode(column: "is_demo", as: Bool.self))
    }

    private struct Count: Decodable {
        var key: String
        var n: Int
    }

    /// Published items per town since `date`.
    func publishedCounts(since date: Date, of towns: [String]? = nil) async throws -> [String: Int] {
        var query = try sql.select()
            .column("owner_key", as: "key").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(CooperationItemModel.schema)
            .where("published", .equal, true).where("published_at", .greaterThanOrEqual, date)
        if let towns { query = query.where("owner_key", .in, towns) }
        let rows = try await query.groupBy("owner_key").all(decoding: Count.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0.n) })
    }

    /// Interest requests each town has accepted or declined.
    func answeredCounts(of towns: [String]? = nil) async throws -> [String: Int] {
        var query = try sql.select()
            .column("to_key", as: "key").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(InterestRequestModel.schema)
            .where("status", .notEqual, InterestRequestModel.Status.open.rawValue)
        if let towns { query = query.where("to_key", .in, towns) }
        let rows = try await query.groupBy("to_key").all(decoding: Count.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0.n) })
    }
}
