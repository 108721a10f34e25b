import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("DSGVO: export, deletion, e-mail change")
struct PrivacyTests {
    @Test("a user downloads all their data as JSON, without secrets", arguments: TestDatabase.available)
    func export(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            let response = try await browser.get("/konto/daten.json")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentDisposition)?.contains("aufwind-daten.json") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
            #expect((json["konto"] as? [String: Any])?["email"] as? String == "anna@ahlen.de")
            #expect((json["mitgliedschaften"] as? [[String: Any]])?.first?["schluessel"] as? String == "05570004")
            #expect(!response.body.contains(anna.passwordHash))
            #expect(try await Browser(app).get("/konto/daten.json").status == .unauthorized)
        }
    }

    @Test(
        "deleting the account needs the password, removes personal data and keeps decisions as 'ehemaliges Mitglied'",
        arguments: TestDatabase.available)
    func deletion(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            let request = MembershipModel(userID: try ben.requireID(), kind: .kommune, orgKey: "05570004", message: "")
            try await request.create(on: app.db)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            try await browser.get("/kommunen/05570004/mitglieder")
            try await browser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"])

            try await browser.get("/konto")
            #expect(try await browser.post("/konto/loeschen", ["passwort": "falsch-falsch"]).status == .forbidden)
            #expect(try await UserModel.find(anna.id, on: app.db) != nil)
            let deleted = try await browser.post("/konto/loeschen", ["passwort": "passwort-anna@ahlen.de"])
            #expect(try await browser.follow(deleted).body.contains("Ihr Konto und Ihre persönlichen Daten sind gelöscht."))
            #expect(try await UserModel.find(anna.id, on: app.db) == nil)
            #expect(try await MembershipModel.query(on: app.db).filter(\.$user.$id == anna.id!).count() == 0)
            let audit = try #require(try await AuditEntryModel.query(on: app.db).first())
            #expect(audit.actorID == nil && audit.actorName == "ehemaliges Mitglied")
            #expect(try await AccountFixture.membership(of: ben, in: "05570004", on: app).statusValue == .confirmed)
        }
    }

    @Test("changing the e-mail address waits for confirmation from the new address")
    func emailChange() async throws {
        try await withAufwind(.sqlite) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await AccountFixture.user("ben@ahlen.de", on: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            try await browser.get("/konto")
            #expect(try await browser.post("/konto/email", ["email": "kaputt", "passwort": "passwort-anna@ahlen.de"]).status == .unprocessableEntity)
            // an address that is taken gets no link, and the answer does not say so
            let taken = try await browser.post("/konto/email", ["email": "ben@ahlen.de", "passwort": "passwort-anna@ahlen.de"])
            #expect(taken.status == .seeOther)
            #expect(try await MailModel.query(on: app.db).filter(\.$recipient == "ben@ahlen.de").count() == 0)
            let free = try await browser.post("/konto/email", ["email": "anna.neu@ahlen.de", "passwort": "passwort-anna@ahlen.de"])
            #expect(free.status == .seeOther && free.headers.first(name: .location) == taken.headers.first(name: .location), "the same answer")
            #expect(try await UserModel.find(anna.id, on: app.db)?.email == "anna@ahlen.de")
            let mail = try #require(try await MailModel.query(on: app.db).filter(\.$recipient == "anna.neu@ahlen.de").first())
            let token = try #require(AccountFlowTests.token(in: mail, path: "/konto/email-bestaetigen"))
            #expect(try await browser.get("/konto/email-bestaetigen?token=\(token)").status == .ok)
            #expect(try await UserModel.find(anna.id, on: app.db)?.email == "anna.neu@ahlen.de")
            #expect(try await browser.get("/konto/email-bestaetigen?token=\(token)").status == .badRequest)
        }
    }

    @Test("mails to an earlier address are in the export with their links made useless, and go with the account", arguments: TestDatabase.available)
    func mailsToEarlierAddresses(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let live = try await AccountTokens.issue(for: anna, purpose: .resetPassword, now: app.now, on: app.db)
            try await Outbox.send(
                to: "anna@ahlen.de", subject: "Passwort zurücksetzen", body: "Link: http://localhost/passwort-neu?token=\(live)", on: app.db)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            try await browser.get("/konto")
            try await browser.post("/konto/email", ["email": "anna.neu@ahlen.de", "passwort": "passwort-anna@ahlen.de"])
            let mail = try #require(try await MailModel.query(on: app.db).filter(\.$recipient == "anna.neu@ahlen.de").first())
            let token = try #require(AccountFlowTests.token(in: mail, path: "/konto/email-bestaetigen"))
            #expect(try await browser.get("/konto/email-bestaetigen?token=\(token)").status == .ok)

            let export = try await browser.get("/konto/daten.json")
            #expect(export.body.contains("\"an\" : \"anna@ahlen.de\"") && export.body.contains("\"an\" : \"anna.neu@ahlen.de\""))
            #expect(export.body.contains("Passwort zurücksetzen") && export.body.contains("token=[entfernt]"))
            #expect(!export.body.contains(live) && !export.body.contains(token), "no live link in a download")
            #expect(export.headers.first(name: .cacheControl) == "no-store")

            try await browser.get("/konto")
            #expect(try await browser.post("/konto/loeschen", ["passwort": "passwort-anna@ahlen.de"]).status == .seeOther)
            #expect(try await MailModel.query(on: app.db).count() == 0, "mails to the old and the new address are gone")
        }
    }
}
