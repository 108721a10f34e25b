import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Mein Aufwind: the home base, my cooperations, my Verbünde, and signing in back to where one was")
struct HomeBaseTests {
    static let ahlen = "05570004", oelde = "05570036"

    @Test("a new account sees the next steps, starting with joining a town; signed out, the page asks to sign in and comes back")
    func newAccount() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            let signedOut = try await Browser(app).get("/mein-aufwind")
            #expect(signedOut.status == .unauthorized)
            #expect(signedOut.body.contains("href=\"/anmelden?zurueck=/mein-aufwind\""), "\(signedOut.body)")

            let user = try await AccountFixture.user("neu@example.de", on: app)
            let browser = try await AccountFixture.signedIn(user, app: app)
            let home = try await browser.get("/mein-aufwind")
            #expect(home.status == .ok)
            #expect(home.body.contains("Nächste Schritte") && home.body.contains("Ihrer Kommune beitreten"))
            #expect(home.body.contains("href=\"/konto/organisationen\">Mitgliedschaft beantragen"))
            #expect(home.body.contains("Im Moment wartet nichts auf Ihre Entscheidung."))
            #expect(home.body.contains("aria-current=\"page\">Mein Aufwind"))

            // asked to join: the step is under way, the Verwalterin of the town will decide
            try await browser.get("/konto/organisationen")
            #expect(try await browser.post("/konto/organisationen", ["kommune": "Ahlen", "nachricht": "Hauptamt"]).status == .seeOther)
            let waiting = try await browser.get("/mein-aufwind")
            #expect(waiting.body.contains("Ihre Anfrage wartet auf Bestätigung") && waiting.body.contains("Wartet auf Bestätigung: Ahlen"))
            #expect(try await browser.get("/kooperationen").body.contains("Sie sind noch bei keiner Kommune Mitglied."))
            #expect(try await browser.get("/verbuende").body.contains("Sie sind noch bei keiner Kommune oder Organisation Mitglied."))
        }
    }

    @Test("a platform admin without a town sees the platform's work, not 'join your town', and Verwaltung in the navigation")
    func platformAdmin() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.de", admin: true, on: app), app: app)
            let requester = try await AccountFixture.signedIn(try await AccountFixture.user("neu@oelde.de", on: app), app: app)
            try await requester.get("/konto/organisationen")
            #expect(try await requester.post("/konto/organisationen", ["kommune": "Oelde", "nachricht": "Bauamt"]).status == .seeOther)

            let home = try await admin.get("/mein-aufwind")
            #expect(home.body.contains("Plattform verwalten") && home.body.contains("href=\"/admin/warteschlange\">Warteschlange der Plattform"))
            #expect(home.body.contains("1 Anfrage in der Warteschlange der Plattform"))
            #expect(!home.body.contains("Nächste Schritte"))
            #expect(home.body.contains("href=\"/admin/warteschlange\">Verwaltung</a>"), "in the navigation")
            // people who are no admins have no such link
            #expect(!(try await requester.get("/mein-aufwind").body.contains(">Verwaltung</a>")))
        }
    }

    @Test(
        "what waits for me: an interest request, a Verbund invitation, a membership request for the Verwalterin; cooperations with their last message; Verbünde",
        arguments: TestDatabase.available)
    func waitsForMe(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .angebot, title: "Digitale Schulverwaltung", town: Self.ahlen))

            // Oelde shows interest: Ahlen's Verwalterin finds it under "Wartet auf Sie"
            try await olga.get("/eintraege/\(item)")
            #expect(
                try await olga.post("/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": "Wir möchten mitmachen."]).status
                    == .seeOther)
            var home = try await anna.get("/mein-aufwind")
            #expect(home.body.contains("Anfrage von Oelde beantworten"))
            let asked = try await olga.get("/mein-aufwind")
            #expect(asked.body.contains("Gesendet, wartet auf Antwort") && asked.body.contains("\">Interesse an „Digitale Schulverwaltung“ (Ahlen)"))
            #expect(home.body.contains("Digitale Schulverwaltung") && home.body.contains("Passende Partner"))
            // published, not yet cooperating: the next step is to look at partners
            #expect(home.body.contains("Nächste Schritte") && home.body.contains("/partner\">Partner ansehen"))

            // a new colleague asks to join Ahlen: the Verwalterin decides
            let carl = try await AccountFixture.user("carl@ahlen.de", on: app)
            let carlBrowser = try await AccountFixture.signedIn(carl, app: app)
            try await carlBrowser.get("/konto/organisationen")
            #expect(try await carlBrowser.post("/konto/organisationen", ["kommune": Self.ahlen, "nachricht": "Bauamt"]).status == .seeOther)
            home = try await anna.get("/mein-aufwind")
            #expect(home.body.contains("href=\"/kommunen/\(Self.ahlen)/mitglieder\">Beitrittsanfrage von carl für Ahlen entscheiden"))

            // accepted: the cooperation with its last message on both sides
            let interest = try #require(try await InterestRequestModel.query(on: app.db).first())
            try await anna.get("/anfragen")
            let accepted = try await anna.post("/anfragen/\(interest.id!)/entscheidung", ["entscheidung": "annehmen"])
            let thread = try #require(accepted.headers.redirectPath)
            try await olga.get(thread)
            let long = "Wann treffen wir uns? " + String(repeating: "Ausführlich über Schulträger. ", count: 20)
            #expect(try await olga.post(thread + "/nachrichten", ["kommune": Self.oelde, "nachricht": long]).status == .seeOther)
            let mine = try await anna.get("/kooperationen")
            #expect(mine.body.contains("href=\"\(thread)\">Ahlen mit Oelde") && mine.body.contains("Letzte Nachricht von olga"))
            #expect(mine.body.contains("Wann treffen wir uns?") && mine.body.contains("…") && !mine.body.contains(long))
            #expect(try await olga.get("/kooperationen").body.contains("Oelde mit Ahlen"))
            home = try await anna.get("/mein-aufwind")
            #expect(!home.body.contains("Anfrage von Oelde beantworten") && home.body.contains("Ahlen mit Oelde"))
            #expect(!home.body.contains("Nächste Schritte"))

            // a Verbund led by Ahlen invites Oelde: an invitation waits for Olga; Anna's list shows the Verbund
            try await anna.get("/eintraege/\(item)")
            let founded = try await anna.post("/verbuende", ["eintrag": item])
            let verbund = try #require(founded.headers.redirectPath)
            try await anna.get(verbund)
            #expect(try await anna.post(verbund + "/einladungen", ["mitglied": Self.oelde, "rolle": "partner"]).status == .seeOther)
            let olgaHome = try await olga.get("/mein-aufwind")
            #expect(olgaHome.body.contains("href=\"\(verbund)\">Einladung von Ahlen für Oelde in den Verbund"))
            let olgaVerbuende = try await olga.get("/verbuende")
            #expect(olgaVerbuende.body.contains("Offene Einladungen") && olgaVerbuende.body.contains("Einladung von Ahlen für Oelde"))
            let verbuende = try await anna.get("/verbuende")
            #expect(verbuende.body.contains("href=\"\(verbund)\"") && verbuende.body.contains("in Gründung"))
            #expect(verbuende.body.contains("federführend · 1 Mitglied") && verbuende.body.contains("noch kein Förderprogramm gewählt"))
            #expect(try await Browser(app).get("/verbuende").status == .unauthorized)
        }
    }

    @Test("signing in leads back to the page one came from, only on this site; otherwise to the home base")
    func returnPaths() async throws {
        try await withAufwind(.sqlite) { app in
            let user = try await AccountFixture.user("anna@ahlen.de", on: app)
            func signIn(returningTo path: String?) async throws -> String? {
                let browser = Browser(app)
                let form = try await browser.get(
                    "/anmelden" + (path.map { "?zurueck=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""))
                var fields = ["email": user.email, "password": "passwort-\(user.email)"]
                if let path { fields["zurueck"] = path }
                if let path, ReturnPath.sanitized(path) != nil {
                    #expect(form.body.contains("name=\"zurueck\""))
                } else {
                    #expect(!form.body.contains("name=\"zurueck\""))
                }
                let response = try await browser.post("/anmelden", fields)
                #expect(response.status == .seeOther)
                return response.headers.first(name: .location)
            }
            #expect(try await signIn(returningTo: nil) == "/mein-aufwind")
            #expect(try await signIn(returningTo: "/eintraege?q=Wärme") == "/eintraege?q=W%C3%A4rme")
            for foreign in ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/anmelden"] {
                #expect(try await signIn(returningTo: foreign) == "/mein-aufwind", "\(foreign)")
            }
        }
    }

    @Test("a signed-in person who opens the login page goes on to where they wanted, not to a second login")
    func loginPageWhenSignedIn() async throws {
        try await withAufwind(.sqlite) { app in
            let user = try await AccountFixture.user("anna@ahlen.de", on: app)
            let browser = Browser(app)
            _ = try await browser.get("/anmelden")
            #expect(try await browser.post("/anmelden", ["email": user.email, "password": "passwort-\(user.email)"]).status == .seeOther)
            let plain = try await browser.get("/anmelden")
            #expect(plain.status == .seeOther && plain.headers.first(name: .location) == "/mein-aufwind")
            let back = try await browser.get("/anmelden?zurueck=%2Fverbuende")
            #expect(back.headers.first(name: .location) == "/verbuende")
            let foreign = try await browser.get("/anmelden?zurueck=https%3A%2F%2Fevil.example%2F")
            #expect(foreign.headers.first(name: .location) == "/mein-aufwind")
        }
    }

    @Test(
        "our items that found new partners since the last visit are listed; reloads within a visit keep them, the next visit starts afresh",
        arguments: TestDatabase.available)
    func newPartnersSinceLastVisit(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let need = ItemFixture.form(
                kind: .bedarf, title: "Digitale Schulverwaltung gesucht", description: MatchAlertTests.description, town: Self.ahlen,
                extra: [MatchAlertTests.digitaleSchule])
            try await ItemFixture.create(anna, need)
            let first = try await anna.get("/mein-aufwind")
            #expect(!first.body.contains("seit Ihrem letzten Besuch"), "the first visit has nothing to compare with")

            // Oelde publishes a matching offer while Anna is away
            app.testClock.advance(by: 3600)
            try await ItemFixture.create(
                olga,
                ItemFixture.form(
                    kind: .angebot, title: "Schulverwaltung als Dienst", description: MatchAlertTests.description, town: Self.oelde,
                    extra: [MatchAlertTests.digitaleSchule]))
            #expect(try await MatchAlertModel.query(on: app.db).count() == 1)
            app.testClock.advance(by: 3600)
            let back = try await anna.get("/mein-aufwind")
            #expect(back.body.contains("Neue passende Partner seit Ihrem letzten Besuch"), "\(back.body)")
            #expect(back.body.contains("/partner\">„Digitale Schulverwaltung gesucht“</a>: 1 neuer passender Eintrag"))
            // a reload a few minutes later still shows it; Oelde's own home base counts its offer too
            app.testClock.advance(by: 300)
            #expect(try await anna.get("/mein-aufwind").body.contains("1 neuer passender Eintrag"))
            // the next visit (after the visit's half hour) compares with this one: nothing new
            app.testClock.advance(by: HomeVisits.visitLength)
            #expect(!(try await anna.get("/mein-aufwind").body.contains("seit Ihrem letzten Besuch")))
            let visits = try await HomeVisitModel.query(on: app.db).count()
            #expect(visits == 1, "one row per person")
        }
    }
}
