import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Logins and registrations: atomic limits per account and address, fresh confirmation links, constant work for resets")
struct LoginAndRegistrationTests {
    @Test(
        "24 parallel wrong guesses from one address check the password at most 5 times; other addresses are not locked out",
        arguments: TestDatabase.available)
    func parallelGuesses(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let db = app.db
            let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<24 {
                    group.addTask { try await LoginThrottle(database: db).reserve(email: "bm@ahlen.de", address: "203.0.113.7", now: Date()) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(granted == LoginThrottle.perPair)
            // The town hall's other address still gets its checks, up to the account's limit.
            var fromTownHall = 0
            for _ in 0..<10 where try await LoginThrottle(database: db).reserve(email: "bm@ahlen.de", address: "198.51.100.20", now: Date()) {
                fromTownHall += 1
            }
            #expect(fromTownHall == LoginThrottle.perAccount - LoginThrottle.perPair)
            // Another account behind the same address is not affected at all.
            #expect(try await LoginThrottle(database: db).reserve(email: "kaemmerer@ahlen.de", address: "203.0.113.7", now: Date()))
            // A window that is over starts again.
            try await LoginThrottleModel.query(on: db).set(\.$windowStart, to: Date().addingTimeInterval(-16 * 60)).update()
            #expect(try await LoginThrottle(database: db).reserve(email: "bm@ahlen.de", address: "203.0.113.7", now: Date()))
        }
    }

    @Test("the form: five wrong passwords lock the account for that address; a success resets the count")
    func loginForm() async throws {
        try await withAufwind(.sqlite) { app in
            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let browser = Browser(app)
            try await browser.get("/anmelden")
            for _ in 0..<4 { try await browser.post("/anmelden", ["email": user.email, "password": "falsch-falsch"]) }
            #expect(try await browser.post("/anmelden", ["email": user.email, "password": "passwort-\(user.email)"]).status == .seeOther)
            // Signing out takes the signed-in session's form token (from any page).
            try await browser.get("/konto")
            #expect(try await browser.post("/abmelden", [:]).status == .seeOther)
            #expect(try await browser.get("/anmelden").status == .ok)
            for _ in 0..<5 { try await browser.post("/anmelden", ["email": user.email, "password": "falsch-falsch"]) }
            let blocked = try await browser.post("/anmelden", ["email": user.email, "password": "passwort-\(user.email)"])
            #expect(blocked.body.contains("Zu viele fehlgeschlagene Anmeldeversuche"))
        }
    }

    @Test(
        "a new confirmation link on request; re-registering an unconfirmed address sends a fresh link with the new registrant's password",
        arguments: TestDatabase.available)
    func confirmationLinks(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            // Someone else registers the mayor's address and never confirms.
            let squatter = Browser(app)
            try await squatter.get("/registrieren")
            try await squatter.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Fremder", "email": "bm@ahlen.de", "password": "fremdes-passwort"])
            // The mayor registers too: same answer, a fresh link to her mailbox.
            let mayor = Browser(app)
            try await mayor.get("/registrieren")
            let again = try await mayor.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Bürgermeisterin", "email": "bm@ahlen.de", "password": "ihr-eigenes-passwort"])
            #expect(again.status == .seeOther)
            #expect(try await mayor.follow(again).body.contains("Wir haben eine E-Mail an <strong>bm@ahlen.de</strong> geschickt"))
            let mails = try await MailModel.query(on: app.db).filter(\.$recipient == "bm@ahlen.de").sort(\.$createdAt).all()
            #expect(mails.count == 2 && mails.allSatisfy { $0.subject == "Bitte bestätigen Sie Ihre E-Mail-Adresse" })
            let hers = try #require(AccountFlowTests.token(in: mails[1], path: "/bestaetigen"))
            let his = try #require(AccountFlowTests.token(in: mails[0], path: "/bestaetigen"))
            #expect(mails[1].body.contains("„Bürgermeisterin“"))
            #expect(try await mayor.get("/bestaetigen?token=\(hers)").status == .seeOther)
            #expect(try await squatter.get("/bestaetigen?token=\(his)").status == .badRequest, "one confirmation voids the other links")
            let mayorElsewhere = Browser(app)
            try await mayorElsewhere.get("/anmelden")
            #expect(try await mayorElsewhere.post("/anmelden", ["email": "bm@ahlen.de", "password": "ihr-eigenes-passwort"]).status == .seeOther)
            try await squatter.get("/anmelden")
            #expect(try await squatter.post("/anmelden", ["email": "bm@ahlen.de", "password": "fremdes-passwort"]).status == .unauthorized)

            // Missed the 24 hours: a new link on request, the same answer for every address.
            let late = Browser(app)
            try await late.get("/registrieren")
            try await late.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Kämmerer", "email": "kaemmerer@ahlen.de", "password": "kaemmerer-passwort"])
            app.testClock.advance(by: AccountTokens.lifetime + 60)
            try await late.get("/bestaetigung-erneut")
            let known = try await late.post("/bestaetigung-erneut", ["email": "kaemmerer@ahlen.de"])
            let unknown = try await late.post("/bestaetigung-erneut", ["email": "niemand@ahlen.de"])
            #expect(known.status == .seeOther && known.headers.first(name: .location) == unknown.headers.first(name: .location))
            try await AccountRequestProcessor(database: app.db, baseURL: "http://localhost", clock: app.wallClock).processDue()
            let fresh = try #require(try await MailModel.query(on: app.db).filter(\.$recipient == "kaemmerer@ahlen.de").sort(\.$createdAt).all().last)
            let link = try #require(AccountFlowTests.token(in: fresh, path: "/bestaetigen"))
            #expect(try await late.get("/bestaetigen?token=\(link)").status == .seeOther)
            #expect(try await MailModel.query(on: app.db).filter(\.$recipient == "niemand@ahlen.de").count() == 0)

            // Never confirmed within 7 days: the account goes and the address is free.
            let forgotten = Browser(app)
            try await forgotten.get("/registrieren")
            try await forgotten.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Vergessen", "email": "alt@ahlen.de", "password": "vergessenes-passwort"])
            try await UserModel.query(on: app.db).filter(\.$email == "alt@ahlen.de").set(\.$createdAt, to: Date().addingTimeInterval(-8 * 86_400))
                .update()
            let summary = try await AccountMaintenance(database: app.db, lifetime: .standard, clock: app.wallClock).run(now: app.now)
            #expect(summary.unconfirmedAccounts == 1)
            #expect(try await UserModel.query(on: app.db).filter(\.$email == "alt@ahlen.de").count() == 0)
            #expect(try await UserModel.query(on: app.db).count() == 2)
        }
    }

    @Test(
        "'Passwort vergessen' does the same work for known and unknown addresses: one queued request, the mail comes later",
        arguments: TestDatabase.available)
    func resetIsQueued(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let browser = Browser(app)
            try await browser.get("/passwort-vergessen")
            let known = try await browser.post("/passwort-vergessen", ["email": user.email])
            #expect(try await AccountRequestModel.query(on: app.db).count() == 1)
            let unknown = try await browser.post("/passwort-vergessen", ["email": "niemand@ahlen.de"])
            #expect(try await AccountRequestModel.query(on: app.db).count() == 2)
            #expect(
                known.status == unknown.status && known.body == unknown.body
                    && known.headers.first(name: .location) == unknown.headers.first(name: .location))
            let mailsWhileWaiting = try await MailModel.query(on: app.db).count()
            let tokensWhileWaiting = try await OneTimeTokenModel.query(on: app.db).count()
            #expect(mailsWhileWaiting == 0 && tokensWhileWaiting == 0, "nothing about the account is looked up while the visitor waits")
            #expect(try await AccountRequestProcessor(database: app.db, baseURL: "http://localhost", clock: app.wallClock).processDue() == 2)
            #expect(try await AccountRequestModel.query(on: app.db).count() == 0)
            let mails = try await MailModel.query(on: app.db).all()
            #expect(mails.count == 1 && mails.first?.recipient == user.email && mails.first?.userID == user.id)
            // at most three links per quarter hour
            for _ in 0..<5 { try await browser.post("/passwort-vergessen", ["email": user.email]) }
            try await AccountRequestProcessor(database: app.db, baseURL: "http://localhost", clock: app.wallClock).processDue()
            #expect(try await MailModel.query(on: app.db).count() == AccountRequestProcessor.maximumPerQuarterHour)
        }
    }
}
