import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Accounts: registration, confirmation, login, reset")
struct AccountFlowTests {
    static func token(in mail: MailModel, path: String) -> String? {
        guard let range = mail.body.range(of: "\(path)?token=") else { return nil }
        return String(mail.body[range.upperBound...].prefix { !$0.isWhitespace })
    }

    @Test("register, confirm by mail, log in, see the account, log out", arguments: TestDatabase.available)
    func happyPath(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let browser = Browser(app)
            try await browser.get("/registrieren")
            let registered = try await browser.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Anna Ahlen", "email": "Anna@Ahlen.de", "password": "sehr-geheim-123"])
            #expect(registered.status == .seeOther)
            #expect(try await browser.follow(registered).body.contains("Wir haben eine E-Mail an <strong>anna@ahlen.de</strong> geschickt"))
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == "anna@ahlen.de").first())
            #expect(user.passwordHash.hasPrefix("$2") && !user.passwordHash.contains("sehr-geheim"))
            let mail = try #require(try await MailModel.query(on: app.db).first())
            let token = try #require(Self.token(in: mail, path: "/bestaetigen"))

            try await browser.get("/anmelden")
            let early = try await browser.post("/anmelden", ["email": "anna@ahlen.de", "password": "sehr-geheim-123"])
            #expect(early.body.contains("Bitte bestätigen Sie zuerst"))

            // confirming in the browser that registered signs in
            #expect(try await browser.get("/bestaetigen?token=\(token)").headers.first(name: .location) == "/mein-aufwind?erfolg=email-bestaetigt")
            #expect(try await browser.get("/bestaetigen?token=\(token)").status == .badRequest)
            #expect(try await browser.get("/konto").status == .ok)
            try await browser.post("/abmelden", [:])

            try await browser.get("/anmelden")
            let login = try await browser.post("/anmelden", ["email": "anna@ahlen.de", "password": "sehr-geheim-123"])
            #expect(login.status == .seeOther)
            let cookie = try #require(login.headers.first(name: .setCookie))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let account = try await browser.get("/konto")
            #expect(account.status == .ok && account.body.contains("Anna Ahlen") && account.body.contains("(bestätigt)"))
            try await browser.post("/abmelden", [:])
            #expect(try await browser.get("/konto").status == .unauthorized)
        }
    }

    @Test("a form without the right CSRF token changes nothing", arguments: TestDatabase.available)
    func csrf(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let browser = Browser(app)
            try await browser.get("/registrieren")
            let forged = try await browser.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Eve", "email": "eve@example.org", "password": "sehr-geheim-123"],
                csrf: "gefälscht")
            #expect(forged.status == .forbidden && forged.body.contains("Sicherheitsprüfung fehlgeschlagen"))
            let stranger = Browser(app)
            let missing = try await stranger.post("/anmelden", ["email": "eve@example.org", "password": "x"])
            #expect(missing.status == .forbidden)
            #expect(try await UserModel.query(on: app.db).count() == 0)
        }
    }

    @Test("login and reset answers do not reveal whether an address is registered; failures are rate-limited")
    func noEnumerationAndRateLimit() async throws {
        try await withAufwind(.sqlite) { app in
            let user = UserModel(email: "bm@ahlen.de", displayName: "BM", passwordHash: try app.password.hash("richtiges-passwort"))
            user.emailConfirmedAt = Date()
            try await user.create(on: app.db)
            let browser = Browser(app)
            try await browser.get("/anmelden")
            let wrongPassword = try await browser.post("/anmelden", ["email": "bm@ahlen.de", "password": "falsches-passwort"])
            let unknown = try await browser.post("/anmelden", ["email": "niemand@ahlen.de", "password": "falsches-passwort"])
            #expect(wrongPassword.status == unknown.status)
            #expect(wrongPassword.body.contains("E-Mail-Adresse oder Passwort sind falsch."))
            #expect(unknown.body.contains("E-Mail-Adresse oder Passwort sind falsch."))

            try await browser.get("/passwort-vergessen")
            let resetKnown = try await browser.post("/passwort-vergessen", ["email": "bm@ahlen.de"])
            let resetUnknown = try await browser.post("/passwort-vergessen", ["email": "niemand@ahlen.de"])
            #expect(resetKnown.status == resetUnknown.status && resetKnown.body == resetUnknown.body)

            for _ in 0..<4 { try await browser.post("/anmelden", ["email": "bm@ahlen.de", "password": "falsch-falsch"]) }
            let blocked = try await browser.post("/anmelden", ["email": "bm@ahlen.de", "password": "richtiges-passwort"])
            #expect(blocked.body.contains("Zu viele fehlgeschlagene Anmeldeversuche"))
        }
    }

    @Test("a reset link sets a new password once")
    func reset() async throws {
        try await withAufwind(.sqlite) { app in
            let user = UserModel(email: "bm@ahlen.de", displayName: "BM", passwordHash: try app.password.hash("altes-passwort-1"))
            user.emailConfirmedAt = Date()
            try await user.create(on: app.db)
            let browser = Browser(app)
            try await browser.get("/passwort-vergessen")
            try await browser.post("/passwort-vergessen", ["email": "bm@ahlen.de"])
            try await AccountRequestProcessor(database: app.db, baseURL: "http://localhost", clock: app.wallClock).processDue()
            let mail = try #require(try await MailModel.query(on: app.db).first())
            let token = try #require(Self.token(in: mail, path: "/passwort-neu"))
            try await browser.get("/passwort-neu?token=\(token)")
            #expect(try await browser.post("/passwort-neu", ["token": token, "password": "neues-passwort-2"]).status == .seeOther)
            #expect(try await browser.post("/passwort-neu", ["token": token, "password": "drittes-passwort-3"]).status == .badRequest)
            try await browser.get("/anmelden")
            #expect(try await browser.post("/anmelden", ["email": "bm@ahlen.de", "password": "neues-passwort-2"]).status == .seeOther)
        }
    }

    @Test("bad input is refused in German and changes nothing")
    func badInput() async throws {
        try await withAufwind(.sqlite) { app in
            let browser = Browser(app)
            try await browser.get("/registrieren")
            let response = try await browser.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": String(repeating: "x", count: 300), "email": "kein-mail", "password": "kurz"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("keine gültige E-Mail-Adresse") && response.body.contains("mindestens 10 Zeichen"))
            #expect(try await UserModel.query(on: app.db).count() == 0)
            let script = try await browser.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "<script>alert(1)</script>", "email": "x", "password": "kurz"])
            #expect(!script.body.contains("<script>alert(1)"))
        }
    }

    @Test("the outbox is for platform admins only")
    func outbox() async throws {
        try await withAufwind(.sqlite) { app in
            let browser = Browser(app)
            #expect(try await browser.get("/dev/mails").status == .unauthorized)
            let admin = UserModel(
                email: "admin@aufwind.de", displayName: "Admin", passwordHash: try app.password.hash("admin-passwort-1"), isAdmin: true)
            admin.emailConfirmedAt = Date()
            admin.acceptedTermsVersion = TermsOfUse.currentVersion
            try await admin.create(on: app.db)
            try await browser.get("/anmelden")
            try await browser.post("/anmelden", ["email": "admin@aufwind.de", "password": "admin-passwort-1"])
            #expect(try await browser.get("/dev/mails").status == .ok)
        }
    }
}
