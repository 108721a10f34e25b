import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("The start page: what Aufwind is for, live figures, one search box; signed in, the home base")
struct StartPageTests {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052", beckum = "05570008"

    @Test("the figures count towns, published items, cooperations, Verbünde and upcoming events in the database", arguments: TestDatabase.available)
    func figures(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let empty = try await PlatformFigures.count(on: app.db, today: FundingDates.today(app.now))
            #expect(empty == PlatformFigures(towns: 0, items: 0, cooperations: 0, verbuende: 0, upcomingEvents: 0))

            // Ahlen and Oelde have confirmed members; Warendorf's member still waits, Beckum only publishes.
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let waiting = try await AccountFixture.user("wim@warendorf.de", on: app)
            try await MembershipModel(userID: waiting.requireID(), kind: .kommune, orgKey: Self.warendorf, message: "").create(on: app.db)
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .angebot, title: "Digitale Schulverwaltung", town: Self.ahlen))
            _ = try await ItemFixture.create(anna, ItemFixture.form(title: "Bauhof teilen", town: Self.ahlen, visibility: .kommunen))
            _ = try await ItemFixture.create(anna, ItemFixture.form(title: "Noch ein Entwurf", town: Self.ahlen, published: false))
            let demo = CooperationItemModel(
                CooperationItem(
                    id: "", kind: .bedarf, ownerKey: Self.beckum, title: "Demo", description: "", handlungsfelder: [], reach: .bundesweit,
                    desiredSizes: [], unterthemen: [], status: nil, visibility: .oeffentlich, isDemo: true),
                isDemo: true, createdBy: nil, now: app.now)
            try await demo.create(on: app.db)
            // Oelde asks, Ahlen accepts: one cooperation; a Verbund around the item.
            try await olga.get("/eintraege/\(item)")
            #expect(try await olga.post("/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": "Gern."]).status == .seeOther)
            let interest = try #require(try await InterestRequestModel.query(on: app.db).first())
            try await anna.get("/anfragen")
            #expect(try await anna.post("/anfragen/\(interest.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)
            try await anna.get("/eintraege/\(item)")
            #expect(try await anna.post("/verbuende", ["eintrag": item]).status == .seeOther)
            // One event next week, one that is over.
            _ = try await EventFixture.create(anna, town: Self.ahlen)
            let past = try await EventFixture.create(anna, town: Self.ahlen, title: "Vorjahrestreffen")
            let pastEvent = try #require(try await EventModel.find(UUID(uuidString: EventFixture.id(past)), on: app.db))
            pastEvent.firstDay = EventFixture.day(-30)
            pastEvent.lastDay = EventFixture.day(-29)
            try await pastEvent.save(on: app.db)

            let figures = try await PlatformFigures.count(on: app.db, today: FundingDates.today(app.now))
            #expect(figures == PlatformFigures(towns: 2, items: 2, cooperations: 1, verbuende: 1, upcomingEvents: 1))

            // Beckum's demo item did not count; a confirmed member does.
            _ = try await ItemFixture.member("bea@beckum.de", of: [Self.beckum], app: app)
            #expect(try await PlatformFigures.count(on: app.db, today: FundingDates.today(app.now)).towns == 3)

            let page = try await Browser(app).get("/")
            #expect(page.status == .ok)
            for shown in [
                "<strong>3</strong>Kommunen auf Aufwind", "<strong>2</strong>veröffentlichte Einträge", "<strong>1</strong>Kooperation<",
                "<strong>1</strong>Verbund<", "<strong>1</strong>anstehende Veranstaltung<",
            ] {
                #expect(page.body.contains(shown), "\(shown)")
            }
            // the newest public items and the next events, each linked; the members-only item is not shown to visitors
            #expect(page.body.contains("Digitale Schulverwaltung") && !page.body.contains("Bauhof teilen"))
            #expect(page.body.contains("Kleinstadt-Barcamp Westfalen") && !page.body.contains("Vorjahrestreffen"))
        }
    }

    @Test("a visitor learns what Aufwind is for, four steps lead where they happen, the register attribution stays")
    func explains() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            let page = try await Browser(app).get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains(StartPage.purpose))
            for path in ["/gemeinden", "/eintraege", "/foerderprogramme", "/veranstaltungen"] {
                #expect(page.body.contains("href=\"\(path)\""), "\(path)")
            }
            #expect(page.body.contains("Partner finden") && page.body.contains("Gemeinsam Förderung beantragen"))
            #expect(page.body.contains("action=\"/suche\"") && page.body.contains("href=\"/registrieren\""))
            #expect(page.body.contains("Destatis") && page.body.contains("GV100AD"))
        }
    }

    @Test("the search box finds a town and an item on one page, without a script", arguments: TestDatabase.available)
    func search(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .angebot, title: "Gemeinsamer Bauhof", town: Self.ahlen))
            let visitor = Browser(app)

            let town = try await visitor.get("/suche?q=Muenster")
            #expect(town.status == .ok)
            #expect(town.body.contains("href=\"/gemeinden/05515000\">Münster</a>"))
            #expect(town.body.contains("Kein Eintrag gefunden."))

            let found = try await visitor.get("/suche?q=Bauhof")
            #expect(found.body.contains("href=\"/eintraege/\(item)\">Gemeinsamer Bauhof</a>"))
            #expect(found.body.contains("href=\"/eintraege?q=Bauhof\""), "the way to the full item search")

            let both = try await visitor.get("/suche?q=Ahlen")
            #expect(both.body.contains("href=\"/gemeinden/\(Self.ahlen)\">Ahlen</a>"))
            #expect(both.body.contains("value=\"Ahlen\""), "the search box shows what was searched")

            let blank = try await visitor.get("/suche?q=%20%20")
            #expect(blank.status == .ok && !blank.body.contains("gefunden."))
        }
    }

    @Test("signed in, / answers 303 to Mein Aufwind and the logo leads there; signed out, the start page")
    func signedIn() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            let user = try await AccountFixture.user("anna@ahlen.de", on: app)
            let browser = try await AccountFixture.signedIn(user, app: app)
            let start = try await browser.get("/")
            #expect(start.status == .seeOther)
            #expect(start.headers.redirectPath == "/mein-aufwind")
            #expect(try await browser.get("/gemeinden").body.contains("class=\"brand\" href=\"/mein-aufwind\""))
            #expect(try await Browser(app).get("/").body.contains("class=\"brand\" href=\"/\""))
        }
    }
}
