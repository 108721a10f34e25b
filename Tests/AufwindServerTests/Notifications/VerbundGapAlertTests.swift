import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Verbund gap alerts: before a deadline, what is missing and who would complete it; exactly once")
struct VerbundGapAlertTests {
    static let ahlen = "05570004", muenster = "05515000"
    /// Needs at least two partners; its deadline is 2027-12-31.
    static let programme = "krl-kommunale-netzwerke"

    static func alerts(_ app: Application) -> VerbundGapAlerts {
        VerbundGapAlerts(
            database: app.db, baseURL: app.aufwindConfig.baseURL, register: app.registerStore.catalog, funding: app.fundingStore.catalog,
            matching: app.matchStore.engine)
    }

    @Test("a Verbund of one town 7 days before the deadline: its members hear what is missing, once, also from three instances at once", arguments: TestDatabase.available)
    func gapAlert(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            try await ItemFixture.member("bert@ahlen.de", of: [Self.ahlen], app: app)
            try await ItemFixture.member("max@muenster.de", of: [Self.muenster], app: app)
            let path = try await VerbundInvitationTests.verbund(anna)
            try await anna.get(path)
            #expect(try await anna.post(path + "/programm", ["programm": Self.programme]).status == .seeOther)
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": Self.muenster, "rolle": "partner"]).status == .seeOther)
            let deadline = try #require(
                app.fundingStore.catalog.programme(Self.programme)?.availability(today: "2027-12-01", rules: app.fundingStore.catalog.rules[Self.programme])
                    .nextDeadline)

            // three weeks before: nothing yet
            #expect(try await Self.alerts(app).sendDue(today: ISODay.adding(-21, to: deadline)) == 0)
            // a week before: three instances try at once, one sends
            let today = ISODay.adding(-7, to: deadline)
            let sent = await withTaskGroup(of: Int.self) { group in
                for _ in 0..<3 { group.addTask { (try? await Self.alerts(app).sendDue(today: today)) ?? -100 } }
                return await group.reduce(0, +)
            }
            #expect(sent == 1)
            #expect(try await Self.alerts(app).sendDue(today: today) == 0, "a second run the same day sends nothing")
            #expect(try await Self.alerts(app).sendDue(today: ISODay.adding(1, to: today)) == 0, "nor the next day")
            #expect(try await VerbundGapAlertModel.query(on: app.db).count() == 1)

            for member in ["anna@ahlen.de", "bert@ahlen.de"] {
                let notes = try await probe.notes(member).filter { $0.category == NotificationCategory.fristen.rawValue }
                #expect(notes.count == 1, "\(member)")
                #expect(notes.first?.text.contains("endet in 7 Tagen") == true && notes.first?.text.contains("Es fehlt noch:") == true)
                let mail = try #require(try await probe.mails(member).last)
                #expect(mail.subject == "Frist naht, es fehlt noch etwas: Gemeinsamer Bauhof" && mail.body.contains("Es fehlt noch:\n– "))
            }
            #expect(try await probe.notes("max@muenster.de").allSatisfy { $0.category != NotificationCategory.fristen.rawValue }, "only invited")
        }
    }
}
