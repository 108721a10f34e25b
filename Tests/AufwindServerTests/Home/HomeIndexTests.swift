import Fluent
import Foundation
import SQLKit
import Testing

@testable import AufwindServer

@Suite("Indexes of the home base and of the unread count")
struct HomeIndexTests {
    private struct Name: Decodable { var name: String }

    @Test("every index of migrations 029 and 030 exists after migrating, on each database", arguments: TestDatabase.available)
    func indexesExist(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let query: SQLQueryString =
                database == .sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'index'"
                : "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
            let names = Set(try await sql.raw(query).all(decoding: Name.self).map(\.name))
            for expected in AddHomeBaseIndexes.indexes.map({ $0.name }) + ["notifications_unread"] {
                #expect(names.contains(expected), "\(expected) fehlt")
            }
        }
    }

    @Test("the unread count of the navigation reads through the partial index of unread notifications (SQLite's plan)")
    func unreadCountUsesItsIndex() async throws {
        try await withAufwind(.sqlite) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            struct Step: Decodable { var detail: String }
            let badge = UnreadBadge(sql: sql, userID: UUID())
            let plan = try await sql.raw("EXPLAIN QUERY PLAN \(badge.countsStatement(page: "/mein-aufwind"))").all(decoding: Step.self)
            #expect(plan.map(\.detail).contains { $0.contains("USING INDEX notifications_unread") }, "\(plan.map(\.detail))")
        }
    }
}
