import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Anbieter, Veranstalter and Regionalbehörden")
struct OrganisationTests {
    @Test("a startup is founded, confirmed by the admin, and confirms its own members", arguments: TestDatabase.available)
    func startup(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let founder = try await AccountFixture.user("gruenderin@start.up", on: app)
            let colleague = try await AccountFixture.user("kollege@start.up", on: app)
            let founderBrowser = try await AccountFixture.signedIn(founder, app: app)
            try await founderBrowser.get("/organisationen/neu")
            let created = try await founderBrowser.post(
                "/organisationen/neu",
                ["art": "anbieter", "name": "Smarte Bänke GmbH", "website": "https://smarte-baenke.de", "beschreibung": "Sensorbänke"])
            #expect(created.status == .seeOther)
            let organisation = try #require(try await OrganisationModel.query(on: app.db).first())
            let id = organisation.id!.uuidString
            // not public before confirmation
            #expect(try await Browser(app).get("/organisationen/\(id)").status == .notFound)
            #expect(!(try await Browser(app).get("/organisationen").body.contains("Smarte Bänke")))
            #expect(try await founderBrowser.get("/organisationen/\(id)").status == .ok)
            #expect(try await founderBrowser.post("/organisationen/\(id)/entscheidung", ["entscheidung": "annehmen"]).status == .forbidden)

            let adminBrowser = try await AccountFixture.signedIn(admin, app: app)
            #expect(try await adminBrowser.get("/admin/warteschlange").body.contains("Smarte Bänke GmbH"))
            #expect(try await adminBrowser.post("/organisationen/\(id)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)
            #expect(try await Browser(app).get("/organisationen").body.contains("Smarte Bänke GmbH"))
            let founding = try await AccountFixture.membership(of: founder, in: id, on: app)
            #expect(founding.statusValue == .confirmed && founding.role == "verwalter")

            let colleagueBrowser = try await AccountFixture.signedIn(colleague, app: app)
            try await colleagueBrowser.get("/organisationen/\(id)")
            #expect(try await colleagueBrowser.post("/organisationen/\(id)/beitreten", [:]).status == .seeOther)
            let request = try await AccountFixture.membership(of: colleague, in: id, on: app)
            #expect(
                try await colleagueBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .forbidden)
            try await founderBrowser.get("/organisationen/\(id)/mitglieder")
            #expect(try await founderBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)
            #expect(try await AccountFixture.membership(of: colleague, in: id, on: app).statusValue == .confirmed)
            // a town Verwalter has no say over the startup's members
            #expect(try await colleagueBrowser.get("/organisationen/\(id)/mitglieder").status == .ok)
        }
    }

    @Test("a Regionalbehörde gets the overview of its Kreis after the admin confirms, and no other", arguments: TestDatabase.available)
    func regionalAccess(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let kreis = try await AccountFixture.user("wirtschaft@kreis-warendorf.de", on: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            let browser = try await AccountFixture.signedIn(kreis, app: app)
            try await browser.get("/konto/organisationen")
            #expect(try await browser.post("/konto/regionen", ["region": "99"]).status == .unprocessableEntity)
            #expect(try await browser.post("/konto/regionen", ["region": "05570", "nachricht": "Wirtschaftsförderung"]).status == .seeOther)
            #expect(try await browser.get("/regionen/05570").status == .forbidden)

            let request = try await AccountFixture.membership(of: kreis, in: "05570", on: app)
            let adminBrowser = try await AccountFixture.signedIn(admin, app: app)
            #expect(try await adminBrowser.get("/admin/warteschlange").body.contains("wirtschaft@kreis-warendorf.de"))
            try await adminBrowser.post(
                "/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen", "pruefung": "Rückruf Kreishaus"])

            let overview = try await browser.get("/regionen/05570")
            #expect(overview.status == .ok)
            #expect(overview.body.contains("1 von 3 Gemeinden sind auf Aufwind aktiv"))
            #expect(try await browser.get("/regionen/05515").status == .forbidden)
            #expect(try await browser.get("/regionen/05").status == .forbidden)
        }
    }
}
