import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// Pitch applications over HTTP on both databases: an Anbieter applies with a solution, the
/// Bedarfe it answers and an abstract that fits the pitch; the team accepts into a block, waitlists
/// or declines with a reason; the Anbieter hears each step; accepted pitches link to their solution.
@Suite("Pitch-Bewerbungen: apply, review, stage")
struct PitchApplicationFlowTests {
    typealias F = EventFixture
    static let abstract =
        "Der Bürgerbus-Planer bucht Fahrten für Ehrenamtliche, teilt Fahrerinnen und Fahrer ein und bindet Ortsteile an. Oelde und Ahlen könnten ihn gemeinsam nutzen."

    /// An event of Ahlen with Oelde registered and a Bedarf of Oelde; the Rufbus GmbH with its solution.
    struct Scene {
        var path: String
        var anna: Browser
        var otto: Browser
        var bus: Browser
        var busOrg: String
        var solution: String
        var need: String
    }

    static func scene(_ app: Application, block: Bool = true) async throws -> Scene {
        try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
        let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [F.ahlen], app: app)
        let (_, otto) = try await ItemFixture.member("otto@oelde.de", of: [F.oelde], app: app)
        let path = try await F.create(anna, town: F.ahlen, capacity: 10)
        try await otto.get(path)
        #expect(try await otto.post(path + "/anmelden", ["fuer": "kommune:\(F.oelde)"]).status == .seeOther)
        let need = try await ItemFixture.create(
            otto,
            ItemFixture.form(
                title: "Bürgerbus für die Ortsteile", description: "Wir suchen eine Software, mit der Ehrenamtliche Fahrten im Bürgerbus buchen.",
                fields: [.mobilitaet], town: F.oelde))
        let (busOrg, bus) = try await SolutionFlowTests.provider(app, name: "Rufbus GmbH", email: "info@rufbus.de")
        let solution = try await SolutionFlowTests.publish(
            bus, as: "anbieter:\(busOrg)",
            NeedAnswerFlowTests.solutionFields("Bürgerbus-Planer", fields: [.mobilitaet], text: "Fahrten im Bürgerbus buchen, Fahrer einteilen."))
        if block {
            try await anna.get(path + "/buehne")
            #expect(try await anna.post(path + "/buehne", ["titel": "Startups in 100 Sekunden", "sekunden": "100"]).status == .seeOther)
        }
        return Scene(path: path, anna: anna, otto: otto, bus: bus, busOrg: busOrg, solution: solution, need: need)
    }

    /// Sends the team's decision as the review page would, with the application's current revision.
    static func decide(
        _ browser: Browser, _ scene: Scene, _ key: String, _ fields: [String: String], app: Application
    ) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        let application = try #require(try await PitchApplicationModel.find(UUID(uuidString: key), on: app.db))
        return try await browser.post(
            scene.path + "/pitch-bewerbungen/\(key)/entscheidung", fields.merging(["stand": String(application.revision)]) { given, _ in given })
    }

    static func application(of solution: String, on app: Application) async throws -> PitchApplicationModel {
        let id = try #require(UUID(uuidString: NeedAnswerFlowTests.solutionID(solution)))
        return try #require(try await PitchApplicationModel.query(on: app.db).filter(\.$solutionID == id).first())
    }

    @Test("an Anbieter applies with a solution, its Bedarfe and an abstract that fits the 100 seconds", arguments: TestDatabase.available)
    func apply(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let scene = try await Self.scene(app, block: false)
            let form = scene.path + "/pitch-bewerbung"
            let solutionID = NeedAnswerFlowTests.solutionID(scene.solution)
            // Without a pitch block there is nothing to apply for; the text is kept.
            #expect((try await scene.bus.get(form)).body.contains("noch keinen Pitch-Block"))
            let early = try await scene.bus.post(form, ["loesung": solutionID, "abstract": Self.abstract + " Früh dran."])
            #expect(early.status == .conflict && early.body.contains("Früh dran."))
            try await scene.anna.get(scene.path + "/buehne")
            try await scene.anna.post(scene.path + "/buehne", ["titel": "Startups in 100 Sekunden", "sekunden": "100"])

            // Somebody without an Anbieter is told how to become one, and may not apply.
            let nobody = try await AccountFixture.signedIn(try await AccountFixture.user("niemand@example.de", on: app), app: app)
            #expect((try await nobody.get(form)).body.contains("Für einen Pitch bewerben sich Anbieter"))
            #expect(try await nobody.post(form, ["loesung": solutionID, "abstract": Self.abstract]).status == .forbidden)
            #expect(try await Browser(app).get(form).status != .ok)

            // The form offers the Anbieter's solution and the Bedarfe of the towns at the event.
            let page = try await scene.bus.get(form)
            #expect(page.body.contains("Bürgerbus-Planer (Rufbus GmbH)") && page.body.contains("Bürgerbus für die Ortsteile (Oelde)"))
            #expect(page.body.contains("höchstens 216 Wörter"))
            // Too long to say in 100 seconds, a link that is no Bedarf, a Bedarf nobody may see: refused, text kept.
            let long = String(repeating: "Wir buchen Fahrten für alle. ", count: 50)
            let tooLong = try await scene.bus.post(form, ["loesung": solutionID, "abstract": long])
            #expect(tooLong.status == .unprocessableEntity && tooLong.body.contains("dauert gesprochen etwa 116 Sekunden (250 Wörter)"))
            #expect(tooLong.body.contains("Wir buchen Fahrten für alle. Wir buchen"))
            let notANeed = try await scene.bus.post(
                form, pairs: [("loesung", solutionID), ("weitereBedarfe", "https://example.org/keinbedarf"), ("abstract", Self.abstract)])
            #expect(notANeed.status == .unprocessableEntity && notANeed.body.contains("kein Link und keine Nummer eines Bedarfs"))
            let draft = try await ItemFixture.create(
                scene.otto, ItemFixture.form(title: "Entwurf: Schulbus", fields: [.mobilitaet], town: F.oelde, published: false))
            let hiddenNeed = try await scene.bus.post(
                form, pairs: [("loesung", solutionID), ("weitereBedarfe", "/eintraege/\(draft)"), ("abstract", Self.abstract)])
            #expect(hiddenNeed.status == .unprocessableEntity && hiddenNeed.body.contains("kein veröffentlichter, öffentlicher Bedarf"))
            #expect(try await PitchApplicationModel.query(on: app.db).count() == 0)

            let applied = try await scene.bus.post(
                form, pairs: [("loesung", solutionID), ("bedarfe[]", scene.need), ("abstract", Self.abstract)])
            #expect(applied.status == .seeOther)
            let stored = try await Self.application(of: scene.solution, on: app)
            #expect(stored.statusValue == .eingereicht)
            #expect(try await PitchApplicationNeedModel.query(on: app.db).count() == 1)
            // The same solution applies once.
            try await scene.bus.get(form)
            let twice = try await scene.bus.post(form, ["loesung": solutionID, "abstract": Self.abstract])
            #expect(twice.status == .conflict && twice.body.contains("schon beworben (eingereicht)"))

            // The team hears of it and has it as a task; the Anbieter finds it again in Mein Aufwind.
            #expect((try await scene.anna.get("/benachrichtigungen")).body.contains("Rufbus GmbH möchte „Bürgerbus-Planer“"))
            #expect((try await scene.anna.get("/mein-aufwind")).body.contains("1 Pitch-Bewerbung für „Kleinstadt-Barcamp Westfalen“ entscheiden"))
            #expect(
                (try await scene.bus.get("/mein-aufwind")).body.contains("Pitch-Bewerbung mit „Bürgerbus-Planer“ bei „Kleinstadt-Barcamp Westfalen“"))
            let own = try await scene.bus.get(form)
            #expect(own.body.contains("Ihre Bewerbungen") && own.body.contains("Bürgerbus für die Ortsteile</a> (Oelde)"))
        }
    }

    @Test(
        "the team waitlists, declines with a reason, accepts into the block; withdrawn applications can apply again",
        arguments: TestDatabase.available)
    func review(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let scene = try await Self.scene(app)
            let form = scene.path + "/pitch-bewerbung"
            let review = scene.path + "/pitch-bewerbungen"
            try await scene.bus.get(form)
            try await scene.bus.post(
                form, pairs: [("loesung", NeedAnswerFlowTests.solutionID(scene.solution)), ("bedarfe[]", scene.need), ("abstract", Self.abstract)])
            let (schoolOrg, school) = try await SolutionFlowTests.provider(app, name: "Schulsoft eG", email: "info@schulsoft.de")
            let schoolSolution = try await SolutionFlowTests.publish(
                school, as: "anbieter:\(schoolOrg)",
                NeedAnswerFlowTests.solutionFields("Schulcloud", fields: [.schuleBildung], text: "Lernplattform für Grundschulen."))
            try await school.get(form)
            let schoolAbstract = "Die Schulcloud verbindet Grundschulen, Eltern und Schulträger – ohne eigenen Server im Rathaus."
            try await school.post(form, ["loesung": NeedAnswerFlowTests.solutionID(schoolSolution), "abstract": schoolAbstract])
            let bus = try await Self.application(of: scene.solution, on: app)
            var schoolApplication = try await Self.application(of: schoolSolution, on: app)

            // Only the team reviews.
            #expect(try await scene.otto.get(review).status == .forbidden)
            #expect(
                try await scene.otto.post(review + "/\(bus.key)/entscheidung", ["entscheidung": "ablehnen", "begruendung": "x"]).status == .forbidden)
            let page = try await scene.anna.get(review)
            #expect(
                page.body.contains("Zu entscheiden (2)") && page.body.contains(Self.abstract) && page.body.contains("noch keine bestätigte Referenz"))

            // The Anbieter withdraws while nobody decided; the team hears of it; it may apply again.
            try await school.get(form)
            #expect(try await school.post(form + "/\(schoolApplication.key)/zurueckziehen", [:]).status == .seeOther)
            #expect((try await scene.anna.get("/benachrichtigungen")).body.contains("Schulsoft eG hat die Pitch-Bewerbung"))
            #expect(try await scene.bus.post(form + "/\(schoolApplication.key)/zurueckziehen", [:]).status == .forbidden)
            try await school.get(form)
            #expect(
                try await school.post(form, ["loesung": NeedAnswerFlowTests.solutionID(schoolSolution), "abstract": schoolAbstract + " Neu."]).status
                    == .seeOther)
            schoolApplication = try await Self.application(of: schoolSolution, on: app)
            #expect(schoolApplication.statusValue == .eingereicht && schoolApplication.abstract.hasSuffix("Neu."))

            // Declining needs a reason (the form keeps what was chosen); the Anbieter reads it.
            try await scene.anna.get(review)
            // A form opened before the withdrawal and the new submission decides nothing.
            let stale = try await scene.anna.post(
                review + "/\(schoolApplication.key)/entscheidung", ["entscheidung": "ablehnen", "begruendung": "Veraltet.", "stand": "1"])
            #expect(stale.status == .conflict && stale.body.contains("hat sich geändert, seit Sie die Seite geöffnet haben"))
            let noReason = try await Self.decide(
                scene.anna, scene, schoolApplication.key, ["entscheidung": "ablehnen", "begruendung": ""], app: app)
            #expect(noReason.status == .unprocessableEntity && noReason.body.contains("Begründung"))
            #expect(
                try await Self.decide(
                    scene.anna, scene, schoolApplication.key, ["entscheidung": "ablehnen", "begruendung": "Diesmal geht es um Mobilität."], app: app
                ).status == .seeOther)
            #expect((try await school.get("/benachrichtigungen")).body.contains("„Schulcloud“ für „Kleinstadt-Barcamp Westfalen“ ist abgelehnt"))
            #expect((try await school.get(form)).body.contains("Begründung: Diesmal geht es um Mobilität."))
            #expect(try await school.post(form + "/\(schoolApplication.key)/zurueckziehen", [:]).status == .conflict)

            // A pitch the team added itself is first; the waitlisted application is accepted after it.
            let block = try #require(try await PitchBlockModel.query(on: app.db).first())
            let blockPath = scene.path + "/buehne/\(block.id!.uuidString.lowercased())"
            try await scene.anna.get(blockPath + "/moderation")
            try await scene.anna.post(blockPath + "/pitches", ["praesentiert": "Ahlen", "titel": "Unser Bauhof-Vorhaben", "person": ""])
            try await scene.anna.get(review)
            #expect(
                try await Self.decide(scene.anna, scene, bus.key, ["entscheidung": "warteliste", "begruendung": ""], app: app).status == .seeOther)
            #expect((try await scene.bus.get("/benachrichtigungen")).body.contains("auf der Warteliste"))
            let noBlock = try await Self.decide(scene.anna, scene, bus.key, ["entscheidung": "annehmen", "block": UUID().uuidString], app: app)
            #expect(noBlock.status == .unprocessableEntity && noBlock.body.contains("Diesen Pitch-Block gibt es bei dieser Veranstaltung nicht"))
            #expect(
                try await Self.decide(scene.anna, scene, bus.key, ["entscheidung": "annehmen", "block": block.id!.uuidString.lowercased()], app: app)
                    .status == .seeOther)
            // Deciding again is refused: somebody decided already.
            let again = try await Self.decide(scene.anna, scene, bus.key, ["entscheidung": "ablehnen", "begruendung": "Doch nicht."], app: app)
            #expect(again.status == .unprocessableEntity && again.body.contains("schon entschieden (angenommen)"))
            #expect(again.body.contains(">Doch nicht.</textarea>"))

            let accepted = try await Self.application(of: scene.solution, on: app)
            let pitch = try #require(try await PitchModel.find(try #require(accepted.pitchID), on: app.db))
            #expect(pitch.title == "Bürgerbus-Planer" && pitch.presenter == "Rufbus GmbH")
            #expect(pitch.solutionID?.uuidString.lowercased() == NeedAnswerFlowTests.solutionID(scene.solution))
            #expect(pitch.userID == nil)
            let freshBlock = try #require(try await PitchBlockModel.find(block.id, on: app.db))
            #expect(freshBlock.clockValue.order.last == pitch.key && freshBlock.clockValue.order.count == 2)
            // The applicant is not registered: the notice says so.
            let notices = try await scene.bus.get("/benachrichtigungen")
            #expect(
                notices.body.contains("ist angenommen: Sie pitchen im Block „Startups in 100 Sekunden“")
                    && notices.body.contains("melden Sie die Person, die pitcht, zur Veranstaltung an"))
            // The team sets the order on the block's moderation page.
            try await scene.anna.get(blockPath + "/moderation")
            #expect(try await scene.anna.post(blockPath + "/pitches/\(pitch.key)/verschieben", ["richtung": "hoch"]).status == .seeOther)
            #expect(try await PitchBlockModel.find(block.id, on: app.db)?.clockValue.order.first == pitch.key)

            // Everyone sees the pitch with its abstract and the way to the solution; the Anbieter's page lists it.
            let stage = try await Browser(app).get(scene.path + "/buehne")
            #expect(
                stage.body.contains(Self.abstract)
                    && stage.body.contains("href=\"\(scene.solution)\" aria-label=\"Zur Lösung: Bürgerbus-Planer\">Zur Lösung</a>"))
            let provider = try await Browser(app).get("/anbieter/\(scene.busOrg)")
            #expect(provider.body.contains("Pitches (1)") && provider.body.contains("Kleinstadt-Barcamp Westfalen"))
            #expect(!(try await scene.anna.get("/mein-aufwind")).body.contains("Pitch-Bewerbung für"))

            // The team takes its own pitch out; the Anbieter cancels its accepted pitch before it was on stage.
            let own = try #require(try await PitchModel.query(on: app.db).filter(\.$title == "Unser Bauhof-Vorhaben").first())
            try await scene.anna.get(blockPath + "/moderation")
            #expect(try await scene.anna.post(blockPath + "/pitches/\(own.key)/entfernen", [:]).status == .seeOther)
            #expect(try await PitchBlockModel.find(block.id, on: app.db)?.clockValue.order == [pitch.key])
            try await scene.bus.get(form)
            #expect((try await scene.bus.get(form)).body.contains("Pitch absagen"))
            #expect(try await scene.bus.post(form + "/\(bus.key)/zurueckziehen", [:]).status == .seeOther)
            #expect(try await PitchBlockModel.find(block.id, on: app.db)?.clockValue.order.isEmpty == true)
            #expect(try await PitchModel.find(pitch.id, on: app.db) == nil)
            #expect(try await Self.application(of: scene.solution, on: app).statusValue == .zurueckgezogen)
            #expect((try await scene.anna.get("/benachrichtigungen")).body.contains("der Pitch ist aus seinem Block genommen"))
        }
    }

    @Test("a pitch is reported and hidden: it leaves the stage's list and the projector shows no words", arguments: TestDatabase.available)
    func reportedPitch(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let scene = try await Self.scene(app)
            let form = scene.path + "/pitch-bewerbung"
            try await scene.bus.get(form)
            try await scene.bus.post(form, ["loesung": NeedAnswerFlowTests.solutionID(scene.solution), "abstract": Self.abstract])
            let application = try await Self.application(of: scene.solution, on: app)
            let block = try #require(try await PitchBlockModel.query(on: app.db).first())
            try await scene.anna.get(scene.path + "/pitch-bewerbungen")
            try await Self.decide(scene.anna, scene, application.key, ["entscheidung": "annehmen", "block": block.id!.uuidString], app: app)
            let pitch = try #require(try await PitchModel.query(on: app.db).first())

            #expect((try await scene.otto.get(scene.path + "/buehne")).body.contains("/meldungen/neu?art=pitch&amp;id=\(pitch.key)"))
            try await scene.otto.get("/meldungen/neu?art=pitch&id=\(pitch.key)")
            #expect(
                try await scene.otto.post(
                    "/meldungen", ["art": "pitch", "id": pitch.key, "grund": "irrefuehrend", "text": "Verspricht Unmögliches."]
                )
                .status == .seeOther)
            let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.de", admin: true, on: app), app: app)
            let found = try await ModerationFlowTests.caseOf(.pitch, on: app)
            #expect(found.contentText.contains(Self.abstract) && found.organisationID?.uuidString.lowercased() == scene.busOrg)
            try await admin.get(found.adminPath)
            #expect(try await admin.post(found.adminPath + "/entscheidung", ModerationFlowTests.hideFields).status == .seeOther)

            let stage = try await scene.otto.get(scene.path + "/buehne")
            #expect(!stage.body.contains("Bürgerbus-Planer") && !stage.body.contains(Self.abstract))
            #expect((try await scene.anna.get(scene.path + "/buehne")).body.contains("von der Moderation verborgen"))
            let state = try await Browser(app).get(scene.path + "/buehne/\(block.id!.uuidString.lowercased())/zustand")
            #expect(!state.body.contains("Bürgerbus-Planer"))
            #expect(!(try await Browser(app).get("/anbieter/\(scene.busOrg)")).body.contains("Pitches ("))
            // The Anbieter is told and may object.
            #expect((try await scene.bus.get("/benachrichtigungen")).body.contains("Pitch"))
        }
    }
}
