import AufwindCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import AufwindServer

@Suite("Sessions: new at every sign-in, end with resets and changes, expire, write nothing on page views")
struct SessionSecurityTests {
    static func sessions(_ app: Application) async throws -> [WebSessionModel] {
        try await WebSessionModel.query(on: app.db).all()
    }

    @Test("a planted cookie is worthless: login issues a new session and CSRF token; logout ends it", arguments: TestDatabase.available)
    func fixation(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let browser = Browser(app)
            let planted = SecureToken.make()
            browser.cookies["aufwind-session"] = planted
            let form = try await browser.get("/anmelden")
            #expect(browser.sessionCookie == nil, "an unknown session cookie is removed, not adopted")
            let anonymousCSRF = try #require(browser.lastCSRF)
            #expect(form.headers[.setCookie].contains { $0.hasPrefix("aufwind-csrf=") })
            #expect(try await Self.sessions(app).isEmpty, "no row for an anonymous visitor")

            let login = try await browser.post("/anmelden", ["email": user.email, "password": "passwort-\(user.email)"])
            #expect(login.status == .seeOther)
            let issued = try #require(browser.sessionCookie)
            #expect(issued != planted)
            try await browser.get("/konto")
            #expect(browser.lastCSRF != anonymousCSRF, "the CSRF token changes with the session")

            let attacker = Browser(app)
            attacker.cookies["aufwind-session"] = planted
            #expect(try await attacker.get("/konto").status == .unauthorized)

            let stolen = Browser(app)
            stolen.cookies["aufwind-session"] = issued
            #expect(try await stolen.get("/konto").status == .ok)
            try await browser.post("/abmelden", [:])
            #expect(browser.sessionCookie == nil)
            #expect(try await stolen.get("/konto").status == .unauthorized, "logout ends the session on the server")
            #expect(try await Self.sessions(app).isEmpty)
        }
    }

    @Test("a password reset ends every session and every other reset link; a link works once even in parallel", arguments: TestDatabase.available)
    func resetEndsEverything(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let laptop = try await AccountFixture.signedIn(user, app: app)
            let phone = try await AccountFixture.signedIn(user, app: app)
            let older = try await AccountTokens.issue(for: user, purpose: .resetPassword, now: app.now, on: app.db)
            let newer = try await AccountTokens.issue(for: user, purpose: .resetPassword, now: app.now, on: app.db)

            let stranger = Browser(app)
            try await stranger.get("/passwort-neu?token=\(newer)")
            #expect(try await stranger.post("/passwort-neu", ["token": newer, "password": "ganz-neues-passwort"]).status == .seeOther)
            #expect(try await laptop.get("/konto").status == .unauthorized)
            #expect(try await phone.get("/konto").status == .unauthorized)
            #expect(try await Self.sessions(app).isEmpty)
            #expect(
                try await stranger.post("/passwort-neu", ["token": older, "password": "noch-ein-passwort"]).status == .badRequest,
                "an older link is worthless after the reset")

            // one link, ten parallel redemptions: exactly one wins
            let token = try await AccountTokens.issue(for: user, purpose: .resetPassword, now: app.now, on: app.db)
            let db = app.db
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 { group.addTask { try await AccountTokens.redeem(token, purpose: .resetPassword, now: Date(), on: db) != nil } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
        }
    }

    @Test("changing the password or the address ends the other sessions; the address change voids reset links", arguments: TestDatabase.available)
    func changesEndOtherSessions(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let laptop = try await AccountFixture.signedIn(user, app: app)
            let phone = try await AccountFixture.signedIn(user, app: app)
            let before = laptop.sessionCookie
            try await laptop.get("/konto")
            let wrong = try await laptop.post("/konto/passwort", ["passwort": "falsch-falsch", "neu": "neues-passwort-1"])
            #expect(wrong.status == .forbidden && wrong.body.contains("Das aktuelle Passwort stimmt nicht"))
            let changed = try await laptop.post("/konto/passwort", ["passwort": "passwort-\(user.email)", "neu": "neues-passwort-1"])
            #expect(try await laptop.follow(changed).body.contains("Auf allen anderen Geräten sind Sie abgemeldet"))
            #expect(laptop.sessionCookie != nil && laptop.sessionCookie != before, "this browser gets a new session")
            #expect(try await laptop.get("/konto").status == .ok)
            #expect(try await phone.get("/konto").status == .unauthorized)

            let tablet = Browser(app)
            try await tablet.get("/anmelden")
            #expect(try await tablet.post("/anmelden", ["email": user.email, "password": "neues-passwort-1"]).status == .seeOther)
            let reset = try await AccountTokens.issue(for: user, purpose: .resetPassword, now: app.now, on: app.db)
            try await laptop.get("/konto")
            try await laptop.post("/konto/email", ["email": "buergermeisterin@ahlen.de", "passwort": "neues-passwort-1"])
            let mail = try #require(try await MailModel.query(on: app.db).filter(\.$recipient == "buergermeisterin@ahlen.de").first())
            let change = try #require(AccountFlowTests.token(in: mail, path: "/konto/email-bestaetigen"))
            #expect(try await laptop.get("/konto/email-bestaetigen?token=\(change)").status == .ok)
            #expect(try await laptop.get("/konto").status == .ok, "the browser that confirmed stays signed in")
            #expect(try await tablet.get("/konto").status == .unauthorized)
            #expect(
                try await AccountTokens.redeem(reset, purpose: .resetPassword, now: app.now, on: app.db) == nil,
                "a reset link mailed to the old address is void")
        }
    }

    @Test("sessions expire when idle or too old; page views do not write; expired rows are cleaned up", arguments: TestDatabase.available)
    func expiry(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let browser = try await AccountFixture.signedIn(user, app: app)
            let session = try #require(try await Self.sessions(app).first)
            for _ in 0..<3 { #expect(try await browser.get("/konto").status == .ok) }
            let seen = try #require(try await WebSessionModel.find(session.id, on: app.db))
            #expect(seen.lastSeenAt == session.lastSeenAt, "page views within five minutes write nothing")

            // ten minutes later: one write of "last seen"
            seen.lastSeenAt = Date().addingTimeInterval(-600)
            try await seen.save(on: app.db)
            try await browser.get("/konto")
            let touched = try #require(try await WebSessionModel.find(session.id, on: app.db))
            #expect(touched.lastSeenAt > Date().addingTimeInterval(-60))

            // idle for 15 days: signed out, the row goes
            touched.lastSeenAt = Date().addingTimeInterval(-15 * 86_400)
            try await touched.save(on: app.db)
            #expect(try await browser.get("/konto").status == .unauthorized)
            #expect(try await Self.sessions(app).isEmpty)

            // in use, but signed in 91 days ago: over
            let again = try await AccountFixture.signedIn(user, app: app)
            let old = try #require(try await Self.sessions(app).first)
            old.createdAt = Date().addingTimeInterval(-91 * 86_400)
            try await old.save(on: app.db)
            #expect(try await again.get("/konto").status == .unauthorized)

            // the periodic clean-up removes what nobody visits any more
            let third = try await AccountFixture.signedIn(user, app: app)
            _ = third
            let stale = try #require(try await Self.sessions(app).first)
            stale.lastSeenAt = Date().addingTimeInterval(-20 * 86_400)
            try await stale.save(on: app.db)
            let summary = try await AccountMaintenance(database: app.db, lifetime: .standard, clock: app.wallClock).run(now: app.now)
            let remaining = try await Self.sessions(app)
            #expect(summary.sessions == 1 && remaining.isEmpty)

            // anonymous views with an unknown cookie store nothing
            let visitor = Browser(app)
            visitor.cookies["aufwind-session"] = SecureToken.make()
            for path in ["/", "/gemeinden", "/anmelden"] { try await visitor.get(path) }
            #expect(try await Self.sessions(app).isEmpty)
        }
    }

    @Test("behind HTTPS: __Host- cookies, HSTS; private answers are not stored; 401 names Bearer")
    func headers() async throws {
        try await withAufwind(.sqlite) { app in
            app.aufwindConfig.baseURL = "https://aufwind.example.org"
            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let browser = Browser(app)
            let form = try await browser.get("/anmelden")
            #expect(form.headers.first(name: "Strict-Transport-Security")?.contains("max-age=") == true)
            #expect(
                form.headers[.setCookie].contains {
                    $0.hasPrefix("__Host-aufwind-csrf=") && $0.contains("Secure") && $0.contains("Path=/") && !$0.contains("Domain")
                })
            #expect(form.headers.first(name: .cacheControl) == "no-store", "a page with a form token is private")
            let login = try await browser.post("/anmelden", ["email": user.email, "password": "passwort-\(user.email)"])
            #expect(
                login.headers[.setCookie].contains {
                    $0.hasPrefix("__Host-aufwind-session=") && $0.contains("Secure") && $0.contains("HttpOnly") && $0.contains("SameSite=Lax")
                })
            #expect(try await browser.get("/gemeinden").headers.first(name: .cacheControl) == "no-store", "signed in, every page is private")
            let anonymous = try await Browser(app).get("/quellen")
            #expect(anonymous.headers.first(name: .cacheControl) != "no-store")
            let unauthorised = try await Browser(app).get("/konto")
            #expect(unauthorised.status == .unauthorized && unauthorised.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            var apiStatus: HTTPStatus = .ok
            var apiHeaders = HTTPHeaders()
            try await app.testing().test(.PUT, "/api/v1/kommunen/05570004/profil") { response in
                apiStatus = response.status
                apiHeaders = response.headers
            }
            #expect(apiStatus == .unauthorized && apiHeaders.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
        }
    }

    @Test(
        "create-admin takes over an unconfirmed account with the operator's password and ends its sessions and links",
        arguments: TestDatabase.available)
    func createAdminOnSquattedAddress(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let squatter = Browser(app)
            try await squatter.get("/registrieren")
            try await squatter.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Boss", "email": "boss@aufwind.example", "password": "squatter-passwort"])
            let mail = try #require(try await MailModel.query(on: app.db).first())
            let link = try #require(AccountFlowTests.token(in: mail, path: "/bestaetigen"))

            let promotion = AdminPromotion(database: app.db, lifetime: .standard)
            guard case .unconfirmed = try await promotion.target(email: "boss@aufwind.example") else {
                Issue.record("the registration is unconfirmed")
                return
            }
            let outcome = try await promotion.createOrTakeOver(
                email: "boss@aufwind.example", name: "Administration", passwordHash: try app.password.hash("betreiber-passwort"), now: app.now)
            #expect(outcome == .tookOverUnconfirmed)
            try await squatter.get("/anmelden")
            #expect(try await squatter.post("/anmelden", ["email": "boss@aufwind.example", "password": "squatter-passwort"]).status == .unauthorized)
            #expect(try await Browser(app).get("/bestaetigen?token=\(link)").status == .badRequest, "the squatter's link is void")
            let operatorBrowser = Browser(app)
            try await operatorBrowser.get("/anmelden")
            #expect(
                try await operatorBrowser.post("/anmelden", ["email": "boss@aufwind.example", "password": "betreiber-passwort"]).status == .seeOther)
            let admin = try #require(try await UserModel.query(on: app.db).filter(\.$email == "boss@aufwind.example").first())
            #expect(admin.isAdmin && admin.emailConfirmedAt != nil)

            // a confirmed account is promoted only when asked (the command asks); its sessions end
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let annasBrowser = try await AccountFixture.signedIn(anna, app: app)
            guard case .confirmed(let confirmed) = try await promotion.target(email: "anna@ahlen.de") else {
                Issue.record("anna is confirmed")
                return
            }
            await #expect(throws: AdminPromotionError.self) {
                _ = try await promotion.createOrTakeOver(email: "anna@ahlen.de", name: "X", passwordHash: "x", now: app.now)
            }
            #expect(try await promotion.promoteConfirmed(confirmed) == .promotedConfirmed)
            #expect(try await annasBrowser.get("/konto").status == .unauthorized)
        }
    }
}
