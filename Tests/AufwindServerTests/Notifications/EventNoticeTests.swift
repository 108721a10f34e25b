import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Events tell their participants: proposals and voting open, the programme published or changed, a pitch accepted")
struct EventNoticeTests {
    @Test(
        "phases: the registered participants hear that topics and voting open, the organiser and who cancelled do not",
        arguments: TestDatabase.available)
    func phases(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.registered(app)
            let probe = NotificationProbe(app: app)
            let event = try await barcamp.event
            try await barcamp.setPhase("abstimmen")
            for participant in ["olga@oelde.de", "cleo@warendorf.de"] {
                let note = try #require(try await probe.notes(participant).last { $0.category == "veranstaltungen" }, "\(participant)")
                #expect(note.text == "Für „\(event.title)“ läuft die Abstimmung: Markieren Sie die Sessions, die Sie interessieren.")
                #expect(note.link == event.path + "/sessions")
                #expect(try await probe.subjects(participant).contains("Abstimmung läuft: \(event.title)"))
            }
            #expect(try await probe.texts("anna@ahlen.de").allSatisfy { !$0.contains("Abstimmung") }, "the organiser set it")
            #expect(try await probe.texts("bert@example.org").allSatisfy { !$0.contains("Abstimmung") }, "Bert cancelled")

            // the same phase again announces nothing; back to proposals announces that
            let before = try await probe.notes("olga@oelde.de").count
            try await barcamp.setPhase("abstimmen")
            #expect(try await probe.notes("olga@oelde.de").count == before)
            try await barcamp.setPhase("themen-einreichen")
            #expect(try await probe.texts("olga@oelde.de").last == "Für „\(event.title)“ können Sie jetzt Themen für Sessions vorschlagen.")
        }
    }

    @Test("publishing: version 1 tells every participant (303 to the planning page with a success message)", arguments: TestDatabase.available)
    func published(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.planned(app)
            let probe = NotificationProbe(app: app)
            let event = try await barcamp.event
            try await barcamp.anna.get(barcamp.planningPath)
            let published = try await barcamp.anna.post(barcamp.planningPath + "/veroeffentlichen", [:])
            #expect(
                published.status == .seeOther && published.headers.first(name: .location) == barcamp.planningPath + "?erfolg=programm-veroeffentlicht"
            )
            #expect(
                try await barcamp.anna.get(barcamp.planningPath + "?erfolg=programm-veroeffentlicht").body.contains("Das Programm ist veröffentlicht")
            )
            for participant in ["olga@oelde.de", "cleo@warendorf.de"] {
                let note = try #require(try await probe.notes(participant).last, "\(participant)")
                #expect(note.text == "Das Programm von „\(event.title)“ ist veröffentlicht." && note.link == event.path + "/programm")
            }
            #expect(try await probe.texts("anna@ahlen.de").allSatisfy { !$0.contains("ist veröffentlicht") })
        }
    }

    @Test("a participant's pitch taken into a block: they hear it is accepted", arguments: TestDatabase.available)
    func pitchAccepted(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.registered(app)
            let probe = NotificationProbe(app: app)
            let event = try await barcamp.event
            try await barcamp.anna.get(barcamp.path + "/buehne")
            let created = try await barcamp.anna.post(barcamp.path + "/buehne", ["titel": "Ideen in 100 Sekunden", "sekunden": "100"])
            let moderation = try #require(created.headers.redirectPath)
            try await barcamp.anna.get(moderation)
            let block = moderation.replacingOccurrences(of: "/moderation", with: "")
            let added = try await barcamp.anna.post(
                block + "/pitches", ["praesentiert": "Oelde", "titel": "Bürgerbus per App", "person": try await barcamp.userID("olga@oelde.de")])
            #expect(added.status == .seeOther)
            let note = try #require(try await probe.notes("olga@oelde.de").last)
            #expect(note.text == "Ihr Pitch „Bürgerbus per App“ ist im Block „Ideen in 100 Sekunden“ von „\(event.title)“ eingeplant.")
            #expect(try await probe.subjects("olga@oelde.de").last == "Ihr Pitch ist angenommen: \(event.title)")
            #expect(try await probe.texts("cleo@warendorf.de").allSatisfy { !$0.contains("Pitch") })
        }
    }
}
