import AufwindCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import AufwindServer

@Suite("Daily and weekly digests")
struct DigestTests {
    @Test("one mail per user, grouped by category; a second run the same day sends nothing", arguments: TestDatabase.available)
    func groupedOnceADay(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await NotificationFixture.prefer(.taeglich, for: [.anfragen, .passendeEintraege], of: anna, app: app)
            try await NotificationFixture.notify(
                anna, NotificationFixture.message(.passendeEintraege, "Treffer Oelde", link: "/eintraege/1"), app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.anfragen, "Beitrittsanfrage von Ben"), app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.passendeEintraege, "Treffer Ennigerloh"), app: app)
            let job = NotificationFixture.job(app, at: NotificationFixture.morning())
            let first = try await job.run(.daily)
            #expect(first == .init(ran: true, users: 1, mails: 1))
            let mails = try await NotificationFixture.mails(to: anna, app: app)
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.subject == "Ihre Aufwind-Zusammenfassung: 3 neue Benachrichtigungen")
            let body = mail.body
            let anfragen = try #require(body.range(of: "Anfragen & Entscheidungen\n")).lowerBound
            let treffer = try #require(body.range(of: "Passende Einträge\n")).lowerBound
            #expect(anfragen < treffer)
            #expect(body.contains("* Treffer Oelde\n  Ansehen: http://localhost:8080/eintraege/1\n* Treffer Ennigerloh"))
            #expect(body.contains("weil Sie Benachrichtigungen zu „Anfragen & Entscheidungen“ und „Passende Einträge“ täglich als Zusammenfassung"))
            #expect(mail.unsubscribeURL?.contains(".anfragen_passende-eintraege.") == true)
            #expect(mail.htmlBody?.contains("<h2") == true)
            // The same day again, also later: nothing.
            #expect(try await job.run(.daily) == .init())
            #expect(try await NotificationFixture.job(app, at: NotificationFixture.morning().addingTimeInterval(10 * 3600)).run(.daily) == .init())
            // Next day, with nothing new: the period runs, but no mail.
            #expect(try await NotificationFixture.job(app, at: NotificationFixture.morning(daysLater: 1)).run(.daily) == .init(ran: true))
            #expect(try await NotificationFixture.mails(to: anna, app: app).count == 1)
            // Something new on the third day: only that.
            try await NotificationFixture.notify(anna, NotificationFixture.message(.anfragen, "Ben wurde aufgenommen"), app: app)
            #expect(try await NotificationFixture.job(app, at: NotificationFixture.morning(daysLater: 2)).run(.daily).mails == 1)
            let latest = try #require(try await NotificationFixture.mails(to: anna, app: app).last)
            #expect(latest.subject == "Ihre Aufwind-Zusammenfassung: eine neue Benachrichtigung")
            #expect(latest.body.contains("Ben wurde aufgenommen") && !latest.body.contains("Treffer"))
        }
    }

    @Test("what the user saw in the app since it came, or read, is not mailed", arguments: TestDatabase.available)
    func activeSince(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let olga = try await AccountFixture.user("olga@oelde.de", on: app)
            for user in [anna, olga] {
                try await NotificationFixture.notify(user, NotificationFixture.message(.passendeEintraege, "Treffer"), app: app)
            }
            // Anna opens any page afterwards: the navigation shows her the unread count.
            let browser = try await AccountFixture.signedIn(anna, app: app)
            #expect(try await browser.get("/gemeinden").body.contains("Benachrichtigungen (1 neu)"))
            // Olga read hers in the centre.
            let olgaBrowser = try await AccountFixture.signedIn(olga, app: app)
            try await olgaBrowser.get("/benachrichtigungen")
            #expect(try await olgaBrowser.post("/benachrichtigungen/gelesen", [:]).status == .seeOther)
            let summary = try await NotificationFixture.job(app, at: NotificationFixture.morning()).run(.daily)
            #expect(summary == .init(ran: true, users: 2, mails: 0))
            #expect(try await NotificationFixture.mails(to: anna, app: app).isEmpty)
            #expect(try await NotificationFixture.notes(of: anna, app: app).allSatisfy { $0.digestedAt != nil })
            // A notification after her visit is mailed the next day.
            try await NotificationFixture.notify(anna, NotificationFixture.message(.passendeEintraege, "Neuer Treffer"), app: app)
            #expect(try await NotificationFixture.job(app, at: NotificationFixture.morning(daysLater: 1)).run(.daily).mails == 1)
        }
    }

    @Test("the weekly digest takes only weekly categories, on Mondays; switching to nie drops what waited", arguments: TestDatabase.available)
    func weekly(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await NotificationFixture.prefer(.woechentlich, for: [.veranstaltungen], of: anna, app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.veranstaltungen, "Programm veröffentlicht"), app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.passendeEintraege, "Treffer"), app: app)
            try await NotificationFixture.prefer(.nie, for: [.passendeEintraege], of: anna, app: app)
            let wednesday = NotificationFixture.morning()
            #expect(try await NotificationFixture.job(app, at: wednesday).run(.daily) == .init(ran: true, users: 1, mails: 0))
            #expect(try await NotificationFixture.mails(to: anna, app: app).isEmpty)
            let weekly = try await NotificationFixture.job(app, at: wednesday).run(.weekly)  // the week of Monday 16 March
            #expect(weekly.mails == 1)
            let mail = try #require(try await NotificationFixture.mails(to: anna, app: app).first)
            #expect(mail.subject == "Ihre Aufwind-Wochenübersicht: eine neue Benachrichtigung")
            #expect(mail.body.contains("Programm veröffentlicht") && !mail.body.contains("Treffer"))
            #expect(try await NotificationFixture.job(app, at: wednesday.addingTimeInterval(86_400)).run(.weekly) == .init())
        }
    }

    @Test("three instances on one database: each user gets exactly one digest", arguments: TestDatabase.available)
    func threeInstances(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            var users: [UserModel] = []
            for index in 0..<24 {
                let user = try await AccountFixture.user("person\(index)@ahlen.de", on: app)
                try await NotificationFixture.notify(user, NotificationFixture.message(.passendeEintraege, "Treffer \(index)"), app: app)
                try await NotificationFixture.notify(user, NotificationFixture.message(.passendeEintraege, "Noch ein Treffer"), app: app)
                users.append(user)
            }
            // PostgreSQL: three applications on the database; SQLite (one writer per file): three runs on one.
            let second = database == .postgres ? try await NotificationFixture.instance(like: app) : app
            let third = database == .postgres ? try await NotificationFixture.instance(like: app) : app
            do {
                let instances = [app, second, third]
                let morning = NotificationFixture.morning()
                // The whole job on three instances at once: one takes the period, the others find it taken.
                let summaries = try await withThrowingTaskGroup(of: NotificationDigestJob.Summary.self) { group in
                    for instance in instances {
                        group.addTask { try await NotificationFixture.job(instance, at: morning, batchSize: 5).run(.daily) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(summaries.map(\.mails).reduce(0, +) == 24)
                #expect(summaries.filter(\.ran).count == 1)
                // The per-user claims alone (as when a lease ran out while its instance still worked):
                // three instances deliver the same users of the next day at once.
                for user in users {
                    try await NotificationFixture.notify(user, NotificationFixture.message(.passendeEintraege, "Tag zwei"), app: app)
                }
                let nextDay = DigestSchedule(hour: 7).currentPeriod(.daily, now: NotificationFixture.morning(daysLater: 1))
                let ids = try users.map { try $0.requireID() }.sorted { $0.uuidString < $1.uuidString }
                let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
                    for instance in instances {
                        group.addTask {
                            let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: instance.db))
                            var mails = 0
                            for start in stride(from: 0, to: ids.count, by: 4) {
                                mails += try await NotificationFixture.job(instance, at: nextDay.scheduled)
                                    .deliver(Array(ids[start..<min(start + 4, ids.count)]), period: nextDay, links: links).mails
                            }
                            return mails
                        }
                    }
                    return try await group.reduce(0, +)
                }
                #expect(delivered == 24)
                for user in users {
                    let mails = try await NotificationFixture.mails(to: user, app: app)
                    #expect(mails.count == 2, "\(user.email)")
                    #expect(mails.filter { $0.body.contains("Tag zwei") }.count == 1)
                }
            } catch {
                if database == .postgres {
                    try await second.asyncShutdown()
                    try await third.asyncShutdown()
                }
                throw error
            }
            if database == .postgres {
                try await second.asyncShutdown()
                try await third.asyncShutdown()
            }
        }
    }

    @Test("a run that died mid-way is continued after its lease ran out, without sending twice", arguments: TestDatabase.available)
    func diedMidway(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            var users: [UserModel] = []
            for index in 0..<6 {
                let user = try await AccountFixture.user("person\(index)@ahlen.de", on: app)
                try await NotificationFixture.notify(user, NotificationFixture.message(.passendeEintraege, "Treffer \(index)"), app: app)
                users.append(user)
            }
            let morning = NotificationFixture.morning()
            let period = DigestSchedule(hour: 7).currentPeriod(.daily, now: morning)
            let sql = try #require(app.db as? any SQLDatabase)
            // The first instance took the period and got through one batch (committed), then died.
            let claims = NotificationDigestClaims(sql: sql)
            #expect(try await claims.takeLease(period, owner: "gestorben", now: morning, until: morning.addingTimeInterval(600)))
            let job = NotificationFixture.job(app, at: morning)
            let due = try await job.dueUsers(period, sql: sql)
            let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: app.db))
            #expect(try await job.deliver(Array(due.prefix(2)), period: period, links: links).mails == 2)
            // While its lease lasts nobody else runs the period.
            #expect(try await NotificationFixture.job(app, at: morning.addingTimeInterval(300)).run(.daily) == .init())
            // Afterwards another instance continues with the rest.
            let rest = try await NotificationFixture.job(app, at: morning.addingTimeInterval(601)).run(.daily)
            #expect(rest == .init(ran: true, users: 4, mails: 4))
            for user in users { #expect(try await NotificationFixture.mails(to: user, app: app).count == 1) }
            #expect(try await NotificationFixture.job(app, at: morning.addingTimeInterval(2000)).run(.daily) == .init())
        }
    }

    @Test("a failing batch leaves nothing behind: no claim, no mail, the notifications still wait")
    func failingBatchRollsBack() async throws {
        try await withAufwind(.sqlite) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.passendeEintraege, "Treffer"), app: app)
            let period = DigestSchedule(hour: 7).currentPeriod(.daily, now: NotificationFixture.morning())
            let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: app.db))
            // The outbox refuses the insert (as a crash or a full disk would end the statement).
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw(
                "CREATE TRIGGER refuse_mail BEFORE INSERT ON mail_outbox BEGIN SELECT RAISE(ABORT, 'Festplatte voll'); END"
            ).run()
            await #expect(throws: (any Error).self) {
                _ = try await NotificationFixture.job(app, at: period.scheduled).deliver([try anna.requireID()], period: period, links: links)
            }
            try await sql.raw("DROP TRIGGER refuse_mail").run()
            #expect(try await NotificationFixture.notes(of: anna, app: app).allSatisfy { $0.digestedAt == nil })
            let job = NotificationFixture.job(app, at: period.scheduled)
            #expect(try await job.dueUsers(period, sql: sql) == [try anna.requireID()])
            #expect(try await job.deliver([try anna.requireID()], period: period, links: links).mails == 1)
        }
    }
}
