import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Verbund gap alerts: before a deadline, what is missing and who would complete it; exactly once")
struct VerbundGapAlertTests {
    static let ahlen = "05570004", muenster = "05515000"
    static let programme = "netzwerk-test"

    /// A programme for NRW towns, at least two of them, with a deadline three weeks from now.
    static func plant(_ app: Application) async throws -> String {
        let deadline = ISODay.adding(21, to: FundingDates.today(app.now))
        let source = FundingAdviceHTTPTests.source
        let facts = """
            [{"id": "\(programme)", "name": "Netzwerk Test (Richtlinie)", "short_name": "Netzwerk Test", "level": "land",
              "themes": ["verwaltung_digital"], "status": "open", "source_urls": ["\(source)"], "source_date": "\(FundingDates.today(app.now))"}]
            """
        let rules = [
            FundingAdviceHTTPTests.land(), FundingAdviceHTTPTests.deadline(deadline),
            #"{"id": "partner", "art": "partnerzahl", "min": 2, "quelle": "\#(source)"}"#,
        ]
        try await FundingProgrammeModel(
            id: programme, facts: try FundingCatalog.factsJSON(try FundingProgramme.catalogue(Data(facts.utf8)).get()[0]),
            rules: #"{"id": "\#(programme)", "regeln": [\#(rules.joined(separator: ", "))]}"#
        ).create(on: app.db)
        try await app.reloadFunding()
        return deadline
    }

    static func alerts(_ app: Application) -> VerbundGapAlerts {
        VerbundGapAlerts(
            database: app.db, baseURL: app.aufwindConfig.baseURL, register: app.registerStore.catalog, funding: app.fundingStore.catalog,
            matching: app.matchStore.engine)
    }

    @Test(
        "a Verbund of one town 7 days before the deadline: its members hear what is missing, once, also from three instances at once",
        arguments: TestDatabase.available)
    func gapAlert(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            try await ItemFixture.member("bert@ahlen.de", of: [Self.ahlen], app: app)
            try await ItemFixture.member("max@muenster.de", of: [Self.muenster], app: app)
            let deadline = try await Self.plant(app)
            let path = try await VerbundInvitationTests.verbund(anna)
            try await anna.get(path)
            #expect(try await anna.post(path + "/programm", ["programm": Self.programme]).status == .seeOther)
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": Self.muenster, "rolle": "partner"]).status == .seeOther)

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
                #expect(
                    notes.first?.text.contains("endet in 7 Tagen") == true
                        && notes.first?.text.contains("Es fehlt noch mindestens ein weiterer Partner") == true)
                let mail = try #require(try await probe.mails(member).last)
                #expect(
                    mail.subject == "Frist naht, es fehlt noch etwas: Gemeinsamer Bauhof"
                        && mail.body.contains("> Was noch fehlt:\n> – Es fehlt noch mindestens ein weiterer Partner"))
                #expect(mail.body.contains("> Diese Kommunen würden den Verbund vervollständigen:\n> – "))
            }
            #expect(try await probe.notes("max@muenster.de").allSatisfy { $0.category != NotificationCategory.fristen.rawValue }, "only invited")
        }
    }
}
