import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("No dead ends: refused pages lead to signing in or registering and back; confirming the address signs in")
struct DeadEndTests {
    static let ahlen = "05570004"

    @Test("a 401 page offers Anmelden and Registrieren, both returning to the page that was asked for", arguments: TestDatabase.available)
    func unauthorizedPage(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let visitor = Browser(app)
            let home = try await visitor.get("/mein-aufwind")
            #expect(home.status == .unauthorized)
            #expect(home.body.contains("Danach kommen Sie auf diese Seite zurück."))
            #expect(home.body.contains("href=\"/anmelden?zurueck=/mein-aufwind\">Anmelden</a>"))
            #expect(home.body.contains("href=\"/registrieren?zurueck=/mein-aufwind\">Registrieren</a>"))
            // a query stays one value of the way back
            let join = try await visitor.get("/konto/organisationen?kommune=\(Self.ahlen)")
            #expect(join.status == .unauthorized)
            #expect(join.body.contains("href=\"/registrieren?zurueck=/konto/organisationen%3Fkommune%3D\(Self.ahlen)\""))
            let form = try await visitor.get("/registrieren?zurueck=/konto/organisationen%3Fkommune%3D\(Self.ahlen)")
            #expect(form.body.contains("name=\"zurueck\" value=\"/konto/organisationen?kommune=\(Self.ahlen)\""))
            #expect(form.body.contains("href=\"/anmelden?zurueck=/konto/organisationen%3Fkommune%3D\(Self.ahlen)\">Anmelden"))
            // a way back to another site is dropped
            let foreign = try await visitor.get("/registrieren?zurueck=//evil.example/")
            #expect(!foreign.body.contains("evil.example"))
        }
    }

    @Test("a 403 page for someone signed out offers Anmelden and Registrieren; signed in, the way to the right")
    func forbiddenPage() async throws {
        try await withAufwind(.sqlite) { app in
            let visitor = Browser(app)
            try await visitor.get("/registrieren")
            let expired = try await visitor.post("/registrieren", ConsentTests.registration, csrf: "abgelaufen")
            #expect(expired.status == .forbidden)
            #expect(expired.body.contains("Mit einem Konto geht es weiter: Melden Sie sich an oder registrieren Sie sich."))
            #expect(expired.body.contains("<li><a href=\"/anmelden\">Anmelden</a></li><li><a href=\"/registrieren\">Registrieren</a></li>"))
            let member = try await AccountFixture.signedIn(try await AccountFixture.user("neu@example.de", on: app), app: app)
            let refused = try await member.get("/admin/warteschlange")
            #expect(refused.status == .forbidden && refused.body.contains("Mitgliedschaft beantragen"))
            #expect(!refused.body.contains("Mit einem Konto geht es weiter"), "no registering for someone signed in")
        }
    }

    @Test(
        "registering from a refused page, then confirming in the same browser, signs in with a new session and lands on that page",
        arguments: TestDatabase.available)
    func confirmationSignsIn(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let browser = Browser(app)
            let wanted = "/konto/organisationen?kommune=\(Self.ahlen)"
            try await browser.get("/registrieren?zurueck=/konto/organisationen%3Fkommune%3D\(Self.ahlen)")
            let csrfBefore = browser.cookies["aufwind-csrf"]
            var fields = ConsentTests.registration
            fields["zurueck"] = wanted
            let registered = try await browser.post("/registrieren", fields)
            #expect(registered.headers.first(name: .location) == "/registrieren/fast-geschafft?erfolg=registriert")
            let mail = try #require(try await MailModel.query(on: app.db).first())
            #expect(mail.body.contains("&zurueck=/konto/organisationen%3Fkommune%3D\(Self.ahlen)"))
            let token = try #require(AccountFlowTests.token(in: mail, path: "/bestaetigen")?.prefix { $0 != "&" })

            let confirmed = try await browser.get("/bestaetigen?token=\(token)&zurueck=/konto/organisationen%3Fkommune%3D\(Self.ahlen)")
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.headers.first(name: .location) == wanted + "&erfolg=email-bestaetigt")
            let session = try #require(browser.sessionCookie)
            #expect(browser.cookies["aufwind-csrf"] == nil && csrfBefore != nil, "the visitor's CSRF cookie is worth nothing now")
            #expect(browser.cookies["aufwind-registriert"] == nil, "the address is forgotten")
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == "anna@ahlen.de").first())
            let sessions = try await WebSessionModel.query(on: app.db).filter(\.$user.$id == user.requireID()).all()
            #expect(sessions.count == 1 && sessions.first?.tokenHash == SecureToken.hash(session))
            let landed = try await browser.follow(confirmed)
            #expect(landed.status == .ok)
            #expect(landed.body.contains("Ihre E-Mail-Adresse ist bestätigt, und Sie sind angemeldet."))
            #expect(landed.body.contains("value=\"\(Self.ahlen)\" checked"), "the town is already chosen")
        }
    }

    @Test("a confirmation link opened in another browser confirms the address but signs nobody in", arguments: TestDatabase.available)
    func confirmationElsewhere(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let browser = Browser(app)
            try await browser.get("/registrieren")
            try await browser.post("/registrieren", ConsentTests.registration)
            let mail = try #require(try await MailModel.query(on: app.db).first())
            let token = try #require(AccountFlowTests.token(in: mail, path: "/bestaetigen"))
            let other = Browser(app)
            let confirmed = try await other.get("/bestaetigen?token=\(token)&zurueck=/verbuende")
            #expect(confirmed.headers.first(name: .location) == "/anmelden?zurueck=/verbuende&erfolg=email-bestaetigt-anmelden")
            #expect(other.sessionCookie == nil)
            #expect(try await WebSessionModel.query(on: app.db).count() == 0)
            #expect(try await UserModel.query(on: app.db).first()?.emailConfirmedAt != nil)
            let login = try await other.follow(confirmed)
            #expect(login.body.contains("Bitte melden Sie sich jetzt an.") && login.body.contains("name=\"zurueck\" value=\"/verbuende\""))
        }
    }

    @Test(
        "Fast geschafft repeats the address just typed and offers the link again, the same for a new address and a registered one",
        arguments: TestDatabase.available)
    func almostDone(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await AccountFixture.user("ben@ahlen.de", on: app)
            func register(_ email: String) async throws -> String {
                let browser = Browser(app)
                try await browser.get("/registrieren")
                var fields = ConsentTests.registration
                fields["email"] = email
                return try await browser.follow(try await browser.post("/registrieren", fields)).body
            }
            let new = try await register("anna@ahlen.de")
            #expect(new.contains("<h1>Fast geschafft</h1>"))
            #expect(new.contains("Wir haben eine E-Mail an <strong>anna@ahlen.de</strong> geschickt"))
            #expect(new.contains("action=\"/bestaetigung-erneut\""))
            #expect(new.contains("name=\"email\" value=\"anna@ahlen.de\"") && new.contains(">Link erneut senden</button>"))
            let known = try await register("ben@ahlen.de")
            func withoutTokens(_ body: String) -> String {
                body.replacingOccurrences(of: #"value="[A-Za-z0-9_-]{40,}""#, with: "", options: .regularExpression)
            }
            #expect(
                withoutTokens(known).replacingOccurrences(of: "ben@ahlen.de", with: "anna@ahlen.de") == withoutTokens(new),
                "nothing tells a registered address apart")
            // without a registration in this browser, the page names no address
            let direct = try await Browser(app).get("/registrieren/fast-geschafft")
            #expect(direct.status == .ok && !direct.body.contains("@ahlen.de"))
        }
    }

    @Test("a town's page asks to join with the town chosen; visitors get there through signing in or registering")
    func joinFromTownPage() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            let visitorPage = try await Browser(app).get("/gemeinden/\(Self.ahlen)")
            let back = "zurueck=/konto/organisationen%3Fkommune%3D\(Self.ahlen)"
            #expect(visitorPage.body.contains("href=\"/anmelden?\(back)\">Anmelden</a>"))
            #expect(visitorPage.body.contains("href=\"/registrieren?\(back)\">Registrieren</a>"))
            let member = try await AccountFixture.signedIn(try await AccountFixture.user("neu@example.de", on: app), app: app)
            let page = try await member.get("/gemeinden/\(Self.ahlen)")
            #expect(page.body.contains("href=\"/konto/organisationen?kommune=\(Self.ahlen)\">Für diese Kommune handeln? Mitgliedschaft anfragen"))
            let form = try await member.get("/konto/organisationen?kommune=\(Self.ahlen)")
            #expect(form.body.contains("value=\"\(Self.ahlen)\" checked"))
        }
    }
}
