import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// Background work with three instances on one database (issue 18): every unit is done once.
@Suite("Background jobs on three instances: each unit once, each period once")
struct ExactlyOnceJobsTests {
    /// Runs `work` on every instance at the same time; returns the results in the instances' order.
    static func atOnce<T: Sendable>(_ apps: [Application], _ work: @escaping @Sendable (Application) async throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            for (index, app) in apps.enumerated() { group.addTask { (index, try await work(app)) } }
            var results: [(Int, T)] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    @Test(
        "a lease: one of three instances asking at once gets it; it runs out for a dead holder and passes on",
        arguments: TestDatabase.available)
    func lease(database: TestDatabase) async throws {
        try await withInstances(database, count: 3) { apps in
            let now = apps[0].now
            let taken = try await Self.atOnce(apps) { try await $0.jobLease.take("probe", for: 3_600, now: now) }
            #expect(taken.filter { $0 }.count == 1)
            let holder = try #require(taken.firstIndex(of: true))
            // The holder asks again within the hour (its next round): it keeps it; the others still not.
            #expect(try await apps[holder].jobLease.take("probe", for: 3_600, now: now.addingTimeInterval(60)))
            let others = apps.indices.filter { $0 != holder }
            for other in others {
                #expect(try await apps[other].jobLease.take("probe", for: 3_600, now: now.addingTimeInterval(1_800)) == false)
            }
            // The holder died: after its hour, exactly one of the others takes over.
            let later = now.addingTimeInterval(3_700)
            let takenOver = try await Self.atOnce(others.map { apps[$0] }) { try await $0.jobLease.take("probe", for: 3_600, now: later) }
            #expect(takenOver.filter { $0 }.count == 1)
        }
    }

    @Test("the hourly clean-up runs on one instance per hour", arguments: TestDatabase.available)
    func maintenanceOncePerHour(database: TestDatabase) async throws {
        try await withInstances(database, count: 3) { apps in
            let ran = try await Self.atOnce(apps) { app in
                try await AccountMaintenance(database: app.db, lifetime: .standard, clock: app.wallClock).runIfDue(lease: app.jobLease) != nil
            }
            #expect(ran.filter { $0 }.count == 1)
            apps[0].testClock.advance(by: AccountMaintenance.period + 60)
            let nextHour = try await Self.atOnce(apps) { app in
                try await AccountMaintenance(database: app.db, lifetime: .standard, clock: app.wallClock).runIfDue(lease: app.jobLease) != nil
            }
            #expect(nextHour.filter { $0 }.count == 1)
        }
    }

    @Test(
        "queued account requests: three instances process at once, every request gets exactly one mail",
        arguments: TestDatabase.available)
    func accountRequests(database: TestDatabase) async throws {
        try await withInstances(database, count: 3) { apps in
            let app = apps[0]
            let emails = (1...12).map { "person\($0)@ahlen.de" }
            for email in emails {
                _ = try await AccountFixture.user(email, on: app)
                try await AccountRequestModel(kind: .resetPassword, email: email, at: app.now).create(on: app.db)
            }
            let processed = try await Self.atOnce(apps) { app in
                var total = 0
                while true {
                    let done = try await AccountRequestProcessor(database: app.db, baseURL: "http://localhost", clock: app.wallClock).processDue(
                        limit: 2)
                    if done == 0 { return total }
                    total += done
                }
            }
            #expect(processed.reduce(0, +) == 12)
            for email in emails {
                #expect(try await MailModel.query(on: app.db).filter(\.$recipient == email).count() == 1, "\(email)")
            }
        }
    }

    @Test("the outbox: three senders at once deliver every mail exactly once", arguments: TestDatabase.available)
    func outbox(database: TestDatabase) async throws {
        try await withInstances(database, count: 3) { apps in
            let server = try await FakeSMTPServer(group: apps[0].eventLoopGroup)
            let recipients = (1...15).map { "empfaenger\($0)@oelde.de" }
            for recipient in recipients {
                _ = try await Outbox.send(to: recipient, subject: "Hinweis", body: "Text", on: apps[0].db)
            }
            let url = "smtp+insecure://127.0.0.1:\(server.port)?from=aufwind@stadt.de"
            let senders = try apps.map { try makeSender(url, app: $0) }
            let sent = try await withThrowingTaskGroup(of: Int.self) { group in
                for sender in senders {
                    group.addTask {
                        var total = 0
                        while true {
                            let done = try await sender.sendDue(limit: 3)
                            if done == 0 { return total }
                            total += done
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(sent == 15)
            let received = server.received.withLockedValue { $0 }.map(\.recipient)
            #expect(received.sorted() == recipients.sorted())
            try await server.stop()
        }
    }
}
