import AufwindCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

/// What only PostgreSQL does: transactions that commit out of order, and the listening connection.
@Suite(
    "Change log on PostgreSQL: late commits and a dropped listener are caught up",
    .enabled(if: TestDatabase.available.contains(.postgres), "needs DATABASE_URL"))
struct ChangeLogPostgresTests {
    static let limit: Duration = .seconds(30)

    static func item(_ title: String, owner: String, user: UUID, now: Date) -> CooperationItemModel {
        let input = CooperationItemInput(
            kind: .angebot, title: title, description: "Wir teilen, was wir gebaut haben.", handlungsfelder: [.mobilitaet], unterthemen: [],
            status: nil, reach: .bundesweit, desiredSizes: [], timeFrame: "", contactPerson: "", visibility: .oeffentlich, published: true,
            staff: nil)
        return CooperationItemModel(ownerKey: owner, input: input, createdBy: user, now: now)
    }

    @Test("an item committed after a later one (a longer transaction) still reaches the other instance")
    func lateCommit() async throws {
        try await withInstances(.postgres, count: 2) { apps in
            let (a, b) = (apps[0], apps[1])
            try await RegisterFixture.importInto(a)
            let user = try await AccountFixture.user("team@ahlen.de", on: a)
            let userID = try user.requireID()
            let slow = Self.item("Rufbus für Dörfer", owner: "05570004", user: userID, now: a.now)
            let fast = Self.item("Carsharing im Rathaus", owner: "05570036", user: userID, now: a.now)
            let (gate, open) = AsyncStream<Void>.makeStream()
            let (written, announce) = AsyncStream<Void>.makeStream()
            // The slow transaction takes its log number first and holds it open.
            let longTransaction = Task {
                try await a.db.transaction { db in
                    try await slow.create(on: db)
                    announce.yield()
                    for await _ in gate { break }
                }
            }
            for await _ in written { break }
            try await fast.create(on: a.db)
            let fastID = try fast.requireID().uuidString.lowercased()
            let fastSeen = try await eventually(within: Self.limit) { b.matchStore.engine.item(id: fastID) != nil }
            #expect(fastSeen != nil)
            let slowID = try slow.requireID().uuidString.lowercased()
            #expect(b.matchStore.engine.item(id: slowID) == nil, "not committed yet")
            open.yield()
            try await longTransaction.value
            let slowSeen = try await eventually(within: Self.limit) { b.matchStore.engine.item(id: slowID) != nil }
            #expect(slowSeen != nil, "the earlier number, committed later, is applied")
        }
    }

    @Test("a dropped listening connection: changes still arrive (the poll), and the listener comes back")
    func droppedListener() async throws {
        try await withInstances(.postgres, count: 2) { apps in
            let (a, b) = (apps[0], apps[1])
            try await RegisterFixture.importInto(a)
            struct Schema: Decodable { var name: String }
            let schema = try #require(try await a.db.sql().raw("SELECT current_schema() AS name").first(decoding: Schema.self)?.name)
            let channel = ChangeFeedRunner.channel(schema: schema)
            struct Count: Decodable { var n: Int }
            func listeners() async throws -> Int {
                try await a.db.sql().raw(
                    "SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE query = \(bind: "LISTEN \"\(channel)\";")"
                ).first(decoding: Count.self)?.n ?? 0
            }
            let listening = try await eventually(within: .seconds(30)) { try await listeners() == 2 }
            #expect(listening != nil, "both instances listen")
            try await a.db.sql().raw(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = \(bind: "LISTEN \"\(channel)\";")"
            ).run()

            let user = try await AccountFixture.user("team@oelde.de", on: a)
            let item = Self.item("Gemeinsame Ladesäulen", owner: "05570036", user: try user.requireID(), now: a.now)
            try await item.create(on: a.db)
            let id = try item.requireID().uuidString.lowercased()
            let seen = try await eventually(within: Self.limit) { b.matchStore.engine.item(id: id) != nil }
            #expect(seen != nil)
            let back = try await eventually(within: .seconds(60)) { try await listeners() == 2 }
            #expect(back != nil, "the listeners connect again")
        }
    }
}

@Suite("Readiness: /readyz says ready only with the database reachable, the copies loaded and the change log followed")
struct ReadinessTests {
    @Test("503 before loading, 200 after", arguments: TestDatabase.available)
    func readiness(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await app.testing().test(.GET, "/readyz") { response async throws in
                #expect(response.status == .serviceUnavailable)
                let body = try response.content.decode(OperationsController.Readiness.self)
                #expect(body.daten == "werden geladen" && body.database == "erreichbar")
                #expect(response.headers.first(name: .cacheControl) == "no-store")
            }
            try await app.loadAndFollowChanges()
            try await app.testing().test(.GET, "/readyz") { response async throws in
                #expect(response.status == .ok)
                #expect(try response.content.decode(OperationsController.Readiness.self).status == "bereit")
            }
        }
    }
}
