@testable import AufwindServer
import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@Suite("Memberships of towns: verification, confirmation, roles, profile")
struct MembershipTests {
    @Test("Ahlen: ask to join, verified by an admin, edit the profile; a Münster member cannot", arguments: TestDatabase.available)
    func ahlenStory(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let max = try await AccountFixture.user("max@muenster.de", on: app)

            // Anna asks to join Ahlen by name
            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            try await annaBrowser.get("/konto/organisationen")
            #expect(try await annaBrowser.post("/konto/organisationen", ["kommune": "Ahlen", "nachricht": "Hauptamt"]).status == .seeOther)
            let request = try await AccountFixture.membership(of: anna, in: "05570004", on: app)
            #expect(request.statusValue == .pending)

            // nobody but the admin may confirm the first member, and only with a note on how it was verified
            let maxBrowser = try await AccountFixture.signedIn(max, app: app)
            try await maxBrowser.get("/konto")
            #expect(try await maxBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .forbidden)
            let adminBrowser = try await AccountFixture.signedIn(admin, app: app)
            let queue = try await adminBrowser.get("/admin/warteschlange")
            #expect(queue.body.contains("anna@ahlen.de"))
            #expect(try await adminBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .badRequest)
            let confirmed = try await adminBrowser.post(
                "/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen", "pruefung": "Rückruf Rathaus 02382 59-0"])
            #expect(confirmed.status == .seeOther)
            let after = try await AccountFixture.membership(of: anna, in: "05570004", on: app)
            #expect(after.statusValue == .confirmed && after.role == "verwalter" && after.decidedBy == admin.id)
            #expect(after.verification == "Rückruf Rathaus 02382 59-0")
            let audit = try await AuditEntryModel.query(on: app.db).all()
            #expect(audit.count == 1 && audit[0].action == "mitgliedschaft-bestaetigt" && audit[0].actorID == admin.id)

            // Anna edits Ahlen's profile; HTML stays text
            try await annaBrowser.get("/kommunen/05570004/profil")
            let saved = try await annaBrowser.post("/kommunen/05570004/profil", [
                "ansprechperson": "Anna <b>Ahlen</b>", "email": "digital@ahlen.de", "website": "https://www.ahlen.de",
                "beschreibung": "<script>alert(1)</script> Wir suchen Partner.", "version": "0", "handlungsfelder[]": "digitale-verwaltung",
            ])
            #expect(saved.status == .seeOther)
            let page = try await Browser(app).get("/gemeinden/05570004")
            #expect(page.body.contains("Wir suchen Partner.") && page.body.contains("Digitale Verwaltung"))
            #expect(!page.body.contains("<script>alert(1)") && page.body.contains("&lt;b&gt;Ahlen&lt;/b&gt;"))

            // Max (no member of Ahlen) may not
            #expect(try await maxBrowser.get("/kommunen/05570004/profil").status == .forbidden)
            try await maxBrowser.get("/konto")
            #expect(try await maxBrowser.post("/kommunen/05570004/profil", ["beschreibung": "gekapert", "version": "1"]).status == .forbidden)
            #expect(try await TownProfileModel.find("05570004", on: app.db)?.description.contains("gekapert") == false)
        }
    }

    @Test("later members are confirmed by a Verwalter; a Mitglied cannot act as Verwalter", arguments: TestDatabase.available)
    func verwalterConfirms(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            let cara = try await AccountFixture.user("cara@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            try await MembershipModel.confirmed(ben, in: "05570004", role: .mitglied, on: app)
            let caraBrowser = try await AccountFixture.signedIn(cara, app: app)
            try await caraBrowser.get("/konto/organisationen")
            try await caraBrowser.post("/konto/organisationen", ["kommune": "05570004"])
            let request = try await AccountFixture.membership(of: cara, in: "05570004", on: app)

            let benBrowser = try await AccountFixture.signedIn(ben, app: app)
            #expect(try await benBrowser.get("/kommunen/05570004/mitglieder").status == .ok)
            #expect(try await benBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .forbidden)
            #expect(try await benBrowser.get("/kommunen/05570004/profil").status == .forbidden)

            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            try await annaBrowser.get("/kommunen/05570004/mitglieder")
            #expect(try await annaBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)
            #expect(try await AccountFixture.membership(of: cara, in: "05570004", on: app).role == "mitglied")
            // the last Verwalter cannot step down
            let own = try await AccountFixture.membership(of: anna, in: "05570004", on: app)
            #expect(try await annaBrowser.post("/mitgliedschaften/\(own.id!)/rolle", ["rolle": "mitglied"]).status == .conflict)
        }
    }

    @Test("two decisions on the same request at once: one wins, no duplicate", arguments: TestDatabase.available)
    func concurrentConfirmation(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let pending = MembershipModel(userID: try anna.requireID(), kind: .kommune, orgKey: "05570004", message: "")
            try await pending.create(on: app.db)
            let service = MembershipService(database: app.db, baseURL: "http://localhost")
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        (try? await service.decide(pending, accept: true, verification: "Rückruf", by: admin, townName: "Ahlen")) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await AuditEntryModel.query(on: app.db).count() == 1)
            #expect(try await MembershipModel.query(on: app.db).count() == 1)
        }
    }

    @Test("asking twice, unknown towns and a stale profile save are refused clearly", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            try await browser.get("/konto/organisationen")
            #expect(try await browser.post("/konto/organisationen", ["kommune": "05570004"]).status == .forbidden)
            let unknown = try await browser.post("/konto/organisationen", ["kommune": "Atlantis"])
            #expect(unknown.status == .unprocessableEntity && unknown.body.contains("Keine Gemeinde und kein Kreis"))
            #expect(try await browser.get("/kommunen/99999999/mitglieder").status == .notFound)

            try await browser.get("/kommunen/05570004/profil")
            #expect(try await browser.post("/kommunen/05570004/profil", ["beschreibung": "Erste Fassung", "version": "0"]).status == .seeOther)
            try await browser.get("/kommunen/05570004/profil")
            let stale = try await browser.post("/kommunen/05570004/profil", ["beschreibung": "Überholt", "version": "0"])
            #expect(stale.status == .conflict && stale.body.contains("inzwischen geändert"))
            #expect(try await TownProfileModel.find("05570004", on: app.db)?.description == "Erste Fassung")
            let invalid = try await browser.post("/kommunen/05570004/profil", [
                "website": "javascript:alert(1)", "version": "1", "handlungsfelder[]": "raumfahrt", "beschreibung": String(repeating: "x", count: 2001),
            ])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.contains("https://") && invalid.body.contains("Unbekanntes Handlungsfeld") && invalid.body.contains("2000"))
        }
    }
}

extension MembershipModel {
    static func confirmed(_ user: UserModel, in key: String, role: MemberRole, on app: Application) async throws {
        let membership = MembershipModel(userID: try user.requireID(), kind: .kommune, orgKey: key, message: "")
        membership.status = Status.confirmed.rawValue
        membership.role = role.rawValue
        try await membership.create(on: app.db)
    }
}
