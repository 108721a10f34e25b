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

    private struct Row: Decodable {
        var id: UUID
        var kind: String
        var owner_key: String
        var title: String
        var description: String
        var handlungsfelder: String
        var subthemes: String
        var status: String
        var reach: String
        var desired_sizes: String
        var visibility: String
        var is_demo: Bool
    }

    /// Every published item, oldest publication first (the engine lists the newest first),
    /// handed to `deliver` in batches of `batchSize` as SQLite or PostgreSQL returns the rows:
    /// never all rows at once (500,000 rows with their descriptions would double the peak), and
    /// the caller can index one batch while the next is read.
    func streamPublished(batchSize: Int, _ deliver: @escaping @Sendable ([CooperationItem]) -> Void) async throws {
        let batch = NIOLockedValueBox<[CooperationItem]>([])
        let failure = NIOLockedValueBox<(any Error)?>(nil)
        try await sql.select()
            .columns(
                "id", "kind", "owner_key", "title", "description", "handlungsfelder", "subthemes", "status", "reach", "desired_sizes",
                "visibility", "is_demo"
            )
            .from(CooperationItemModel.schema)
            .where("published", .equal, true)
            .orderBy("published_at").orderBy("id")
            .run { row in
                do {
                    guard let item = try Self.item(from: row.decode(model: Row.self)) else { return }
                    let full: [CooperationItem]? = batch.withLockedValue { items in
                        items.append(item)
                        guard items.count >= batchSize else { return nil }
                        defer { items = [] }
                        return items
                    }
                    if let full { deliver(full) }
                } catch {
                    failure.withLockedValue { $0 = $0 ?? error }
                }
            }
        if let error = failure.withLockedValue({ $0 }) { throw error }
        let rest = batch.withLockedValue { items in
            defer { items = [] }
            return items
        }
        if !rest.isEmpty { deliver(rest) }
    }

    private static func item(from row: Row) -> CooperationItem? {
        func list(_ csv: String) -> [Substring] { csv.split(separator: ",") }
        guard let kind = ItemKind(rawValue: row.kind), let reach = Reach(rawValue: row.reach) else { return nil }
        return CooperationItem(
            id: row.id.uuidString.lowercased(), kind: kind, ownerKey: row.owner_key, title: row.title, description: row.description,
            handlungsfelder: Set(list(row.handlungsfelder).compactMap { Handlungsfeld(rawValue: String($0)) }), reach: reach,
            desiredSizes: Set(list(row.desired_sizes).compactMap { Groessenklasse(rawValue: String($0)) }),
            unterthemen: Set(list(row.subthemes).map(String.init)), status: ItemStatus(rawValue: row.status),
            visibility: Visibility(rawValue: row.visibility) ?? .kommunen, isDemo: row.is_demo)
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
