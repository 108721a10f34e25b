import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// Anbieter answer Bedarfe over HTTP on both databases: who may answer with what, the order the
/// town sees, "passt nicht", the conversation, switching answers off, the daily limit, and the
/// answers in the personal data.
@Suite("Antworten auf Bedarfe: answer, rank, passt nicht, conversation, limit")
struct NeedAnswerFlowTests {
    static let ahlen = SolutionFlowTests.ahlen, oelde = SolutionFlowTests.oelde

    static func need(_ browser: Browser, title: String = "Bürgerbus für die Ortsteile") async throws -> String {
        let id = try await ItemFixture.create(
            browser,
            ItemFixture.form(
                title: title, description: "Wir suchen eine Software, mit der Ehrenamtliche Fahrten im Bürgerbus buchen und Fahrer einteilen.",
                fields: [.mobilitaet], town: ahlen))
        return "/eintraege/\(id)"
    }

    static func solutionFields(_ name: String, fields: [Handlungsfeld], text: String) -> [(String, String)] {
        [
            ("name", name), ("kurzbeschreibung", text), ("beschreibung", text), ("lizenz", "proprietaer"), ("betrieb[]", "saas"),
            ("eu_hosting", "ja"),
        ] + fields.map { ("handlungsfelder[]", $0.rawValue) }
    }

    static func solutionID(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }

    static func answerPath(of text: String, on app: Application) async throws -> String {
        guard let answer = try await NeedAnswerModel.query(on: app.db).filter(\.$body == text).first() else {
            throw FixtureFailure("no answer \(text)")
        }
        return answer.path
    }

    @Test("an Anbieter answers with its own solution; the town sees the answers ranked by fit and users nearby", arguments: TestDatabase.available)
    func answerAndRank(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, otto) = try await ItemFixture.member("otto@oelde.de", of: [Self.oelde], app: app)
            let (busOrg, bus) = try await SolutionFlowTests.provider(app, name: "Rufbus GmbH", email: "info@rufbus.de")
            let (schoolOrg, school) = try await SolutionFlowTests.provider(app, name: "Schulsoft eG", email: "info@schulsoft.de")
            let nobody = try await AccountFixture.signedIn(try await AccountFixture.user("niemand@example.de", on: app), app: app)
            let need = try await Self.need(anna)

            let busPath = try await SolutionFlowTests.publish(
                bus, as: "anbieter:\(busOrg)",
                Self.solutionFields(
                    "Bürgerbus-Planer", fields: [.mobilitaet], text: "Fahrten im Bürgerbus buchen, Fahrer einteilen, Ortsteile anbinden."))
            let schoolPath = try await SolutionFlowTests.publish(
                school, as: "anbieter:\(schoolOrg)",
                Self.solutionFields("Schulcloud", fields: [.schuleBildung], text: "Lernplattform für Grundschulen."))
            // Oelde (≈ 19 km from Ahlen) runs the Bürgerbus-Planer.
            #expect(try await otto.post(busPath + "/nutzung", ["kommune": Self.oelde, "stand": "im-einsatz"]).status == .seeOther)

            // Somebody without an Anbieter may not answer; an Anbieter sees the form with its own solutions only.
            try await nobody.get(need)
            #expect(
                try await nobody.post(need + "/antworten", ["loesung": Self.solutionID(busPath), "text": String(repeating: "x", count: 30)]).status
                    == .forbidden)
            let page = try await school.get(need)
            #expect(page.body.contains("Mit einer Lösung antworten") && page.body.contains("Schulcloud") && !page.body.contains("Bürgerbus-Planer"))
            // No solution, no answer; another Anbieter's solution is refused; the text stays.
            let empty = try await school.post(need + "/antworten", ["loesung": "", "text": "Unsere Plattform kann auch Fahrten planen – ä"])
            #expect(
                empty.status == .unprocessableEntity && empty.body.contains("ohne Lösung keine Antwort") && empty.body.contains("Fahrten planen – ä"))
            let foreign = try await school.post(
                need + "/antworten", ["loesung": Self.solutionID(busPath), "text": "Wir antworten mit fremder Lösung, das geht nicht."])
            #expect(foreign.status == .unprocessableEntity && foreign.body.contains("Anbieters, für den Sie handeln"))

            #expect(
                try await school.post(
                    need + "/antworten", ["loesung": Self.solutionID(schoolPath), "text": "Die Schulcloud hat einen Kalender für Fahrten."]
                ).status == .seeOther)
            try await bus.get(need)
            #expect(
                try await bus.post(
                    need + "/antworten", ["loesung": Self.solutionID(busPath), "text": "Der Bürgerbus-Planer macht genau das, seit Jahren."]
                ).status == .seeOther)
            // The same solution answers a Bedarf once.
            try await bus.get(need)
            let again = try await bus.post(need + "/antworten", ["loesung": Self.solutionID(busPath), "text": "Noch einmal dieselbe Lösung."])
            #expect(again.status == .conflict && again.body.contains("schon geantwortet"))
            #expect(try await NeedAnswerModel.query(on: app.db).count() == 2)

            // The town is told, and sees the later but better answer first, with its reasons.
            let notices = try await anna.get("/benachrichtigungen")
            #expect(notices.body.contains("Rufbus GmbH schlägt „Bürgerbus-Planer“ für „Bürgerbus für die Ortsteile“ vor."))
            let owner = try await anna.get(need)
            let planer = try #require(owner.body.range(of: "Bürgerbus-Planer</a> von"))
            let cloud = try #require(owner.body.range(of: "Schulcloud</a> von"))
            #expect(planer.lowerBound < cloud.lowerBound)
            #expect(owner.body.contains("Im Einsatz in Oelde (19 km)"))
            #expect(owner.body.contains("Kein gemeinsames Handlungsfeld mit Ihrem Bedarf."))
            // Mein Aufwind keeps it as a task until the town looks into the answers.
            #expect((try await anna.get("/mein-aufwind")).body.contains("2 neue Antworten von Anbietern auf Bedarfe Ihrer Kommunen ansehen"))
            // Nobody else sees the answers, not even the platform administration.
            #expect(!(try await otto.get(need)).body.contains("Antworten von Anbietern"))
            let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.de", admin: true, on: app), app: app)
            #expect(!(try await admin.get(need)).body.contains("Antworten von Anbietern"))
            #expect(!(try await Browser(app).get(need)).body.contains("Antworten von Anbietern"))
        }
    }

    @Test("passt nicht with a reason the Anbieter reads; the town starts the conversation, the Anbieter replies", arguments: TestDatabase.available)
    func declineAndTalk(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, otto) = try await ItemFixture.member("otto@oelde.de", of: [Self.oelde], app: app)
            let (busOrg, bus) = try await SolutionFlowTests.provider(app, name: "Rufbus GmbH", email: "info@rufbus.de")
            let need = try await Self.need(anna)
            let busPath = try await SolutionFlowTests.publish(
                bus, as: "anbieter:\(busOrg)", Self.solutionFields("Bürgerbus-Planer", fields: [.mobilitaet], text: "Fahrten buchen."))
            try await bus.get(need)
            try await bus.post(need + "/antworten", ["loesung": Self.solutionID(busPath), "text": "Der Planer bucht Fahrten für Ehrenamtliche."])
            let answer = try await Self.answerPath(of: "Der Planer bucht Fahrten für Ehrenamtliche.", on: app)

            // Outside both sides: as if the answer did not exist.
            #expect(try await otto.get(answer).status == .notFound)
            // The Anbieter cannot start the conversation.
            try await bus.get(answer)
            let early = try await bus.post(answer + "/nachrichten", ["nachricht": "Haben Sie Zeit für eine Vorführung?"])
            #expect(early.status == .conflict && early.body.contains("Das Gespräch beginnt die Kommune"))
            #expect(try await NeedAnswerMessageModel.query(on: app.db).count() == 0)
            // The Anbieter cannot mark its own answer.
            #expect(try await bus.post(answer + "/passt-nicht", ["begruendung": "Selbst abgelehnt"]).status == .forbidden)

            try await anna.get(answer)
            #expect(try await anna.post(answer + "/nachrichten", ["nachricht": "Läuft das auch ohne Smartphone?"]).status == .seeOther)
            #expect((try await bus.get("/benachrichtigungen")).body.contains("(Ahlen) schreibt zu Ihrer Antwort auf „Bürgerbus für die Ortsteile“"))
            try await bus.get(answer)
            #expect(try await bus.post(answer + "/nachrichten", ["nachricht": "Ja, auch per Telefon."]).status == .seeOther)
            let thread = try await anna.get(answer)
            #expect(thread.body.contains("Läuft das auch ohne Smartphone?") && thread.body.contains("Ja, auch per Telefon."))

            // "Passt nicht" needs a reason; the Anbieter reads it on the Bedarf and is told.
            try await anna.get(answer)
            let bare = try await anna.post(answer + "/passt-nicht", ["begruendung": " "])
            #expect(bare.status == .unprocessableEntity && bare.body.contains("Begründung"))
            #expect(
                try await anna.post(answer + "/passt-nicht", ["begruendung": "Wir brauchen eine Lösung mit Rufbus-Anbindung."]).status == .seeOther)
            try await anna.get(answer)
            #expect(try await anna.post(answer + "/passt-nicht", ["begruendung": "Nochmals"]).status == .conflict)
            let seen = try await bus.get(need)
            #expect(seen.body.contains("passt nicht") && seen.body.contains("Wir brauchen eine Lösung mit Rufbus-Anbindung."))
            #expect(
                (try await bus.get("/benachrichtigungen")).body.contains(
                    "Ahlen hat Ihre Antwort auf „Bürgerbus für die Ortsteile“ als „passt nicht“ markiert."))
            let overview = try await bus.get("/antworten")
            #expect(overview.status == .ok && overview.body.contains("Bürgerbus-Planer") && overview.body.contains("passt nicht"))
            #expect((try await anna.get("/antworten")).body.contains("Bürgerbus-Planer von Rufbus GmbH"))

            // Deleting the Anbieter's account keeps the answer and the messages, without the name.
            try await bus.get("/konto")
            #expect(try await bus.post("/konto/loeschen", ["passwort": "passwort-info@rufbus.de"]).status == .seeOther)
            let kept = try #require(try await NeedAnswerModel.query(on: app.db).first())
            #expect(kept.authorID == nil && kept.authorName == FormerMember.name)
            #expect(try await NeedAnswerMessageModel.query(on: app.db).filter(\.$authorName == FormerMember.name).count() == 1)
        }
    }

    @Test("the town switches answers off and on; an organisation answers at most 20 times in 24 hours", arguments: TestDatabase.available)
    func switchAndLimit(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (annaUser, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (busOrg, bus) = try await SolutionFlowTests.provider(app, name: "Rufbus GmbH", email: "info@rufbus.de")
            let busPath = try await SolutionFlowTests.publish(
                bus, as: "anbieter:\(busOrg)", Self.solutionFields("Bürgerbus-Planer", fields: [.mobilitaet], text: "Fahrten buchen."))
            let need = try await Self.need(anna)
            let text = "Der Planer bucht Fahrten für Ehrenamtliche."

            try await anna.get(need)
            #expect(try await anna.post(need + "/antworten/einstellung", ["antworten": "aus"]).status == .seeOther)
            let closed = try await bus.get(need)
            #expect(closed.body.contains("nimmt zu diesem Bedarf keine Antworten") && !closed.body.contains("Mit einer Lösung antworten"))
            let refused = try await bus.post(need + "/antworten", ["loesung": Self.solutionID(busPath), "text": text])
            #expect(refused.status == .conflict && refused.body.contains(text))
            // Only the town switches.
            #expect(try await bus.post(need + "/antworten/einstellung", ["antworten": "an"]).status == .forbidden)
            try await anna.get(need)
            #expect(try await anna.post(need + "/antworten/einstellung", ["antworten": "an"]).status == .seeOther)

            // 20 Bedarfe answered within the day, the 21st refused with the text kept; a day later it goes.
            var needs: [String] = [need]
            for number in 1...20 {
                let model = CooperationItemModel(
                    ownerKey: Self.ahlen,
                    input: CooperationItemInput(
                        kind: .bedarf, title: "Bedarf Nummer \(number)", description: "Fahrten planen", handlungsfelder: [.mobilitaet],
                        unterthemen: [], status: nil, reach: .bundesweit, desiredSizes: [], timeFrame: "", contactPerson: "",
                        visibility: .oeffentlich, published: true, staff: nil),
                    createdBy: annaUser.id, now: app.now)
                try await model.create(on: app.db)
                needs.append("/eintraege/\(try model.requireID().uuidString.lowercased())")
            }
            for path in needs.prefix(20) {
                try await bus.get(path)
                #expect(try await bus.post(path + "/antworten", ["loesung": Self.solutionID(busPath), "text": text]).status == .seeOther)
            }
            try await bus.get(needs[20])
            let limited = try await bus.post(needs[20] + "/antworten", ["loesung": Self.solutionID(busPath), "text": text + " – ü"])
            #expect(limited.status == .tooManyRequests && limited.body.contains("schon 20 Antworten") && limited.body.contains(text + " – ü"))
            #expect(try await NeedAnswerModel.query(on: app.db).count() == 20)
            app.testClock.advance(by: 24 * 3600 + 60)
            try await bus.get(needs[20])
            #expect(try await bus.post(needs[20] + "/antworten", ["loesung": Self.solutionID(busPath), "text": text]).status == .seeOther)
        }
    }
}
