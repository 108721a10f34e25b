import AufwindCore
import Fluent
import Foundation
import Vapor

@testable import AufwindServer

/// The barcamp of the event tests, brought step by step to the state a test needs — through the
/// pages, as its people would. Anna (Ahlen) organises, Olga (Oelde) and Cleo (Warendorf) take part,
/// Bert (no town) registers for himself. Every step checks its own answers and throws a
/// `FixtureFailure` when one is not what the step needs; the tests check the behaviour they name.
struct BarcampScenario {
    typealias F = EventFixture

    let app: Application
    let anna: Browser
    let olga: Browser
    let cleo: Browser
    let bert: Browser
    let path: String
    /// Session ids by short name: radwege (Olga), schule (Anna), ehrenamt (Cleo).
    var radwege = "", schule = "", ehrenamt = ""

    var sessionsPath: String { path + "/sessions" }
    var planningPath: String { path + "/planung" }

    /// The people, and the event founded by Anna for Ahlen (3 places, 1 meeting table).
    static func founded(_ app: Application) async throws -> BarcampScenario {
        try await RegisterFixture.importInto(app)
        let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [F.ahlen], app: app)
        let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [F.oelde], app: app)
        let (_, cleo) = try await ItemFixture.member("cleo@warendorf.de", of: [F.warendorf], app: app)
        let bert = try await AccountFixture.signedIn(try await AccountFixture.user("bert@example.org", on: app), app: app)
        let path = try await F.create(anna, town: F.ahlen, capacity: 3, tables: 1)
        return BarcampScenario(app: app, anna: anna, olga: olga, cleo: cleo, bert: bert, path: path)
    }

    /// Rooms Ratssaal (40) and Foyer (1); on the first day two session slots around a break, and a meeting window.
    static func withRooms(_ app: Application) async throws -> BarcampScenario {
        let barcamp = try await founded(app)
        try await barcamp.anna.get(barcamp.path)
        try await barcamp.expect(barcamp.anna.post(barcamp.path + "/raeume", ["name": "Ratssaal", "kapazitaet": "40"]), .seeOther, "Raum")
        try await barcamp.expect(barcamp.anna.post(barcamp.path + "/raeume", ["name": "Foyer", "kapazitaet": "1"]), .seeOther, "Raum")
        for (from, to, kind) in [
            ("10:00", "10:45", "session"), ("10:45", "11:00", "pause"), ("11:00", "11:45", "session"), ("14:00", "14:20", "treffen"),
        ] {
            try await barcamp.expect(
                barcamp.anna.post(barcamp.path + "/zeitfenster", ["tag": F.day(7), "von": from, "bis": to, "art": kind]), .seeOther, "Zeitfenster")
        }
        return barcamp
    }

    /// Anna, Olga and Bert registered; Cleo waited and moved up when Bert cancelled.
    static func registered(_ app: Application) async throws -> BarcampScenario {
        let barcamp = try await withRooms(app)
        try await barcamp.register(barcamp.anna, "kommune:\(F.ahlen)")
        try await barcamp.register(barcamp.olga, "kommune:\(F.oelde)")
        try await barcamp.register(barcamp.bert, "sonstige")
        try await barcamp.register(barcamp.cleo, "kommune:\(F.warendorf)")
        try await barcamp.bert.get(barcamp.path)
        try await barcamp.expect(barcamp.bert.post(barcamp.path + "/abmelden", [:]), .seeOther, "Abmeldung")
        return barcamp
    }

    /// Three proposals: Radwege (Olga), Digitale Schule (Anna), Ehrenamt (Cleo).
    static func proposed(_ app: Application) async throws -> BarcampScenario {
        var barcamp = try await registered(app)
        barcamp.radwege = try await barcamp.propose(barcamp.olga, "Radwege gemeinsam planen", "mobilitaet")
        barcamp.schule = try await barcamp.propose(barcamp.anna, "Digitale Schule", "schule-bildung")
        barcamp.ehrenamt = try await barcamp.propose(barcamp.cleo, "Ehrenamt stärken", "engagement-ehrenamt")
        return barcamp
    }

    /// Voted (Anna and Cleo for Radwege, Cleo and Olga for Schule), now in the planning phase.
    static func voted(_ app: Application) async throws -> BarcampScenario {
        let barcamp = try await proposed(app)
        try await barcamp.setPhase("abstimmen")
        for (browser, session) in [
            (barcamp.anna, barcamp.radwege), (barcamp.cleo, barcamp.radwege), (barcamp.cleo, barcamp.schule), (barcamp.olga, barcamp.schule),
        ] {
            try await browser.get(barcamp.sessionsPath)
            try await barcamp.expect(browser.post(barcamp.sessionsPath + "/\(session)/stimme", ["interesse": "ja"]), .seeOther, "Stimme")
        }
        try await barcamp.setPhase("planen")
        return barcamp
    }

    /// Cleo leads Radwege instead of Olga.
    static func handedOver(_ app: Application) async throws -> BarcampScenario {
        let barcamp = try await voted(app)
        let radwege = barcamp.sessionsPath + "/\(barcamp.radwege)"
        try await barcamp.olga.get(radwege)
        try await barcamp.expect(
            barcamp.olga.post(radwege + "/leitung", ["person": try await barcamp.userID("cleo@warendorf.de")]), .seeOther, "Leitung")
        try await barcamp.olga.get(radwege)
        try await barcamp.expect(
            barcamp.olga.post(radwege + "/leitung/\(try await barcamp.userID("olga@oelde.de"))/entfernen", [:]), .seeOther, "Leitung abgeben")
        return barcamp
    }

    /// The optimiser's plan.
    static func planned(_ app: Application) async throws -> BarcampScenario {
        let barcamp = try await handedOver(app)
        try await barcamp.anna.get(barcamp.planningPath)
        try await barcamp.expect(barcamp.anna.post(barcamp.planningPath + "/optimieren", [:]), .seeOther, "Optimieren")
        return barcamp
    }

    /// The plan published as version 1.
    static func published(_ app: Application) async throws -> BarcampScenario {
        let barcamp = try await planned(app)
        try await barcamp.anna.get(barcamp.planningPath)
        try await barcamp.expect(barcamp.anna.post(barcamp.planningPath + "/veroeffentlichen", [:]), .seeOther, "Veröffentlichen")
        return barcamp
    }

    // MARK: Steps and look-ups

    var event: EventModel {
        get async throws {
            guard let event = try await EventModel.query(on: app.db).first() else { throw FixtureFailure("no event") }
            return event
        }
    }

    func board() async throws -> PlanningService.Board {
        try await PlanningService(database: app.db).board(try await event)
    }

    func userID(_ email: String) async throws -> String {
        guard let id = try await UserModel.query(on: app.db).filter(\.$email == email).first()?.id else { throw FixtureFailure("no user \(email)") }
        return id.uuidString.lowercased()
    }

    func register(_ browser: Browser, _ choice: String) async throws {
        try await browser.get(path)
        try await expect(browser.post(path + "/anmelden", ["fuer": choice, "organisation": "Heimatverein"]), .seeOther, "Anmeldung")
    }

    func propose(_ browser: Browser, _ title: String, _ field: String) async throws -> String {
        try await browser.get(sessionsPath)
        let response = try await browser.post(
            sessionsPath, ["titel": title, "kurzbeschreibung": "Erfahrungen teilen", "handlungsfeld": field, "format": "diskussion"])
        try expect(response, .seeOther, "Vorschlag „\(title)“")
        return F.id(response.headers.redirectPath)
    }

    func setPhase(_ phase: String) async throws {
        try await anna.get(path)
        try await expect(anna.post(path + "/phase", ["phase": phase]), .seeOther, "Phase \(phase)")
    }

    func expect(_ response: (status: HTTPStatus, body: String, headers: HTTPHeaders), _ status: HTTPStatus, _ step: String) throws {
        guard response.status == status else {
            throw FixtureFailure("\(step): \(response.status) statt \(status): \(response.body.prefix(800))")
        }
    }
}
