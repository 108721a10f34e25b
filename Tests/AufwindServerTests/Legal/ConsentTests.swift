import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Consent to the Nutzungsbedingungen: at registration, once more for each new version, in the export")
struct ConsentTests {
    static let registration = ["name": "Anna Ahlen", "email": "anna@ahlen.de", "password": "sehr-geheim-123", "nutzungsbedingungen": "ja"]

    /// Aufwind's terms with one more version, as a release that changes them would publish.
    static let bumped = TermsOfUse(
        versions: TermsOfUse.aufwind.versions + [
            TermsOfUse.Version(
                number: TermsOfUse.currentVersion + 1, published: "2027-03-01", changes: ["Neu: Regeln für Pitches auf Veranstaltungen."])
        ])

    @Test("registering stores the acceptance with the document, the current version and the time", arguments: TestDatabase.available)
    func storedAtRegistration(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let browser = Browser(app)
            let form = try await browser.get("/registrieren")
            #expect(form.body.contains("href=\"/nutzungsbedingungen\"") && form.body.contains("href=\"/datenschutz\""))
            #expect(form.body.contains("Datenschutz in Kürze") && form.body.contains(TermsOfUse.aufwind.current.label))
            let before = app.now
            #expect(try await browser.post("/registrieren", Self.registration).status == .seeOther)
            let after = app.now
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == "anna@ahlen.de").first())
            let consent = try #require(try await ConsentModel.query(on: app.db).filter(\.$userID == user.requireID()).first())
            #expect(consent.document == "nutzungsbedingungen" && consent.version == TermsOfUse.currentVersion)
            // Stored times are rounded to microseconds; the registration's own time lies between the two readings.
            #expect(consent.acceptedAt >= before.addingTimeInterval(-0.001) && consent.acceptedAt <= after.addingTimeInterval(0.001))
            #expect(user.acceptedTermsVersion == TermsOfUse.currentVersion)
        }
    }

    @Test(
        "registering without the checkbox is refused with 422 and a German field error; all that was typed but the password stays",
        arguments: TestDatabase.available)
    func refusedWithoutConsent(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let browser = Browser(app)
            try await browser.get("/registrieren?zurueck=/verbuende")
            var fields = Self.registration
            fields["nutzungsbedingungen"] = nil
            fields["zurueck"] = "/verbuende"
            let refused = try await browser.post("/registrieren", fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("<p class=\"field-error\" id=\"nutzungsbedingungen-fehler\">Bitte stimmen Sie den Nutzungsbedingungen zu."))
            #expect(refused.body.contains("aria-invalid=\"true\""))
            #expect(refused.body.contains("value=\"Anna Ahlen\"") && refused.body.contains("value=\"anna@ahlen.de\""))
            #expect(refused.body.contains("name=\"zurueck\" value=\"/verbuende\""), "the way back stays too")
            #expect(!refused.body.contains("sehr-geheim-123"), "never the password")
            #expect(try await UserModel.query(on: app.db).count() == 0)
            #expect(try await MailModel.query(on: app.db).count() == 0)
            // anything but "ja" is no consent either
            fields["nutzungsbedingungen"] = "nein"
            #expect(try await browser.post("/registrieren", fields).status == .unprocessableEntity)
        }
    }

    @Test(
        "a new version asks once at the next login, keeps the way back, leaves the legal pages, export and deletion open, and not again after agreeing",
        arguments: TestDatabase.available)
    func newVersionAskedOnce(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            app.termsOfUse = Self.bumped
            let new = Self.bumped.currentVersion
            let browser = try await AccountFixture.signedIn(anna, app: app)

            let asked = try await browser.get("/verbuende")
            #expect(asked.status == .seeOther)
            #expect(asked.headers.first(name: .location) == "/nutzungsbedingungen/zustimmen?zurueck=/verbuende")
            let page = try await browser.get("/nutzungsbedingungen/zustimmen?zurueck=/verbuende")
            #expect(page.status == .ok)
            #expect(page.body.contains("Die Nutzungsbedingungen haben sich geändert"))
            #expect(page.body.contains("Sie haben zuletzt der Fassung \(new - 1) zugestimmt"))
            #expect(page.body.contains("Neu: Regeln für Pitches auf Veranstaltungen."))
            #expect(page.body.contains(">Zustimmen</button>") && page.body.contains("name=\"zurueck\" value=\"/verbuende\""))
            for open in ["/impressum", "/datenschutz", "/barrierefreiheit", "/hilfe", "/kontakt", "/nutzungsbedingungen", "/konto/daten.json"] {
                #expect(try await browser.get(open).status == .ok, "\(open) stays open")
            }
            // a form elsewhere changes nothing before the consent
            let joined = try await browser.post("/konto/organisationen", ["kommune": "05570004"])
            #expect(joined.headers.first(name: .location) == "/nutzungsbedingungen/zustimmen")
            #expect(try await MembershipModel.query(on: app.db).count() == 0)

            // the version the page showed must be the one in force
            try await browser.get("/nutzungsbedingungen/zustimmen")
            #expect(try await browser.post("/nutzungsbedingungen/zustimmen", ["fassung": String(new - 1)]).status == .conflict)
            let agreed = try await browser.post("/nutzungsbedingungen/zustimmen", ["fassung": String(new), "zurueck": "/verbuende"])
            #expect(agreed.headers.first(name: .location) == "/verbuende?erfolg=nutzungsbedingungen-zugestimmt")
            #expect(try await browser.follow(agreed).body.contains("Ihre Zustimmung zu den Nutzungsbedingungen ist gespeichert"))
            let history = try await Consents(database: app.db).history(userID: anna.requireID())
            #expect(history.map(\.version) == [new - 1, new])

            // not asked again, not at the next login either
            try await browser.post("/abmelden", [:])
            let again = try await AccountFixture.signedIn(anna, app: app)
            #expect(try await again.get("/verbuende").status == .ok)
            #expect(try await again.get("/nutzungsbedingungen/zustimmen?zurueck=/verbuende").headers.first(name: .location) == "/verbuende")
        }
    }

    @Test(
        "an account that never agreed (older than the terms) is asked too; it can sign out or delete itself instead",
        arguments: TestDatabase.available)
    func neverAgreed(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let ben = try await AccountFixture.user("ben@ahlen.de", terms: .never, on: app)
            let browser = try await AccountFixture.signedIn(ben, app: app)
            #expect(try await browser.get("/mein-aufwind").headers.first(name: .location) == "/nutzungsbedingungen/zustimmen?zurueck=/mein-aufwind")
            let page = try await browser.get("/nutzungsbedingungen/zustimmen")
            #expect(page.body.contains("Bitte stimmen Sie den Nutzungsbedingungen zu") && page.body.contains("action=\"/konto/loeschen\""))
            #expect(try await browser.post("/konto/loeschen", ["passwort": "passwort-ben@ahlen.de"]).status == .seeOther)
            #expect(try await UserModel.find(ben.id, on: app.db) == nil)
        }
    }

    @Test("the export contains the consent history; deleting the account deletes it", arguments: TestDatabase.available)
    func exportAndDeletion(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            app.termsOfUse = Self.bumped
            let browser = try await AccountFixture.signedIn(anna, app: app)
            try await browser.get("/nutzungsbedingungen/zustimmen")
            try await browser.post("/nutzungsbedingungen/zustimmen", ["fassung": String(Self.bumped.currentVersion)])

            let export = try await browser.get("/konto/daten.json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(export.body.utf8)) as? [String: Any])
            let history = try #require(json["einwilligungen"] as? [[String: Any]])
            #expect(history.map { $0["fassung"] as? Int } == [Self.bumped.currentVersion - 1, Self.bumped.currentVersion])
            #expect(history.allSatisfy { $0["dokument"] as? String == "nutzungsbedingungen" && $0["zugestimmt"] is String })

            try await browser.get("/konto")
            #expect(try await browser.post("/konto/loeschen", ["passwort": "passwort-anna@ahlen.de"]).status == .seeOther)
            #expect(try await ConsentModel.query(on: app.db).count() == 0)
        }
    }
}
