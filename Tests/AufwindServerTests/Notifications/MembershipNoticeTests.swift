import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Membership requests reach who decides; every decision reaches the requester")
struct MembershipNoticeTests {
    static let ahlen = "05570004", oelde = "05570036"

    @Test(
        "asking to join Ahlen: the requester hears it arrived, Ahlen's Verwalter are told (not its Mitglieder, not the admins)",
        arguments: TestDatabase.available)
    func requestToTownWithVerwalter(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let ben = try await AccountFixture.user("ben@ahlen.de", on: app)
            let cara = try await AccountFixture.user("cara@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: Self.ahlen, role: .verwalter, on: app)
            try await MembershipModel.confirmed(ben, in: Self.ahlen, role: .mitglied, on: app)

            let caraBrowser = try await AccountFixture.signedIn(cara, app: app)
            try await caraBrowser.get("/konto/organisationen")
            let sent = try await caraBrowser.post("/konto/organisationen", ["kommune": "Ahlen", "nachricht": "Kämmerei"])
            #expect(sent.status == .seeOther && sent.headers.first(name: .location) == "/konto/organisationen?erfolg=anfrage-gesendet")
            let page = try await caraBrowser.get(try #require(sent.headers.first(name: .location)))
            #expect(page.body.contains("<div class=\"success\" role=\"status\"><p>Ihre Anfrage ist gesendet."))

            #expect(
                try await probe.texts("cara@ahlen.de") == [
                    "Ihre Anfrage für Ahlen ist eingegangen. Die Verwalter:innen von Ahlen entscheiden darüber."
                ])
            #expect(try await probe.subjects("cara@ahlen.de") == ["Ihre Anfrage ist eingegangen: Ahlen"])
            let forAnna = try await probe.notes("anna@ahlen.de")
            #expect(forAnna.map(\.text) == ["cara möchte für Ahlen handeln."] && forAnna.first?.link == "/kommunen/\(Self.ahlen)/mitglieder")
            let mail = try #require(try await probe.mails("anna@ahlen.de").first)
            #expect(mail.subject == "Neue Beitrittsanfrage: Ahlen")
            #expect(mail.body.contains("Kämmerei") && mail.body.contains("/kommunen/\(Self.ahlen)/mitglieder"))
            #expect(try await probe.notes("ben@ahlen.de").isEmpty)
            #expect(try await probe.notes("admin@aufwind.de").isEmpty)
            #expect(try await probe.mails("admin@aufwind.de").isEmpty)

            // Anna confirms: Cara hears of it (in the app and by mail); the page says it is decided
            let request = try await AccountFixture.membership(of: cara, in: Self.ahlen, on: app)
            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            try await annaBrowser.get("/kommunen/\(Self.ahlen)/mitglieder")
            let decided = try await annaBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"])
            #expect(decided.headers.first(name: .location) == "/kommunen/\(Self.ahlen)/mitglieder?erfolg=anfrage-entschieden")
            #expect(try await probe.texts("cara@ahlen.de").last == "Sie handeln auf Aufwind jetzt für Ahlen (Mitglied).")
            #expect(try await probe.subjects("cara@ahlen.de").last == "Ihre Mitgliedschaft bei Ahlen ist bestätigt")
            #expect(try await probe.notes("anna@ahlen.de").count == 1, "the one who decided is not told of it")
        }
    }

    @Test("a declined request: the requester hears it", arguments: TestDatabase.available)
    func declined(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let dora = try await AccountFixture.user("dora@example.org", on: app)
            try await MembershipModel.confirmed(anna, in: Self.ahlen, role: .verwalter, on: app)
            let doraBrowser = try await AccountFixture.signedIn(dora, app: app)
            try await doraBrowser.get("/konto/organisationen")
            try await doraBrowser.post("/konto/organisationen", ["kommune": Self.ahlen])
            let request = try await AccountFixture.membership(of: dora, in: Self.ahlen, on: app)
            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            try await annaBrowser.get("/kommunen/\(Self.ahlen)/mitglieder")
            #expect(try await annaBrowser.post("/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "ablehnen"]).status == .seeOther)
            let last = try #require(try await probe.notes("dora@example.org").last)
            #expect(last.text.hasPrefix("Ihre Anfrage für Ahlen wurde abgelehnt.") && last.link == "/konto/organisationen")
            #expect(try await probe.subjects("dora@example.org").last == "Ihre Anfrage bei Ahlen wurde abgelehnt")
        }
    }

    @Test(
        "a town without Verwalter, a region, a new organisation: the platform admins are told; joining an organisation: its Verwalter",
        arguments: TestDatabase.available)
    func platformDecides(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            try await AccountFixture.user("zweite-admin@aufwind.de", admin: true, on: app)
            let olga = try await AccountFixture.user("olga@oelde.de", on: app)
            let olgaBrowser = try await AccountFixture.signedIn(olga, app: app)

            // Oelde has nobody yet: the admins verify the first member
            try await olgaBrowser.get("/konto/organisationen")
            try await olgaBrowser.post("/konto/organisationen", ["kommune": Self.oelde, "nachricht": "Bürgermeisterbüro"])
            for admin in ["admin@aufwind.de", "zweite-admin@aufwind.de"] {
                let notes = try await probe.notes(admin)
                #expect(notes.count == 1 && notes[0].link == "/admin/warteschlange", "\(admin)")
                #expect(notes.first?.text.contains("Oelde hat keine Verwalter:innen") == true)
                #expect(try await probe.subjects(admin) == ["Neue Beitrittsanfrage: Oelde"])
            }
            #expect(try await probe.texts("olga@oelde.de").first?.contains("Die Plattform-Administration prüft sie") == true)

            // a Regionalbehörde asks for the Kreis Warendorf
            try await olgaBrowser.get("/konto/organisationen")
            #expect(try await olgaBrowser.post("/konto/regionen", ["region": "05570", "nachricht": "Kreisverwaltung"]).status == .seeOther)
            #expect(try await probe.subjects("admin@aufwind.de").last == "Neue Anfrage einer Regionalbehörde: Landkreis Warendorf")

            // an organisation is founded: the admins confirm it, the founder hears both steps
            try await olgaBrowser.get("/organisationen/neu")
            #expect(try await olgaBrowser.post("/organisationen/neu", ["art": "anbieter", "name": "Digitalwerk eG"]).status == .seeOther)
            #expect(try await probe.subjects("admin@aufwind.de").last == "Neue Organisation: Digitalwerk eG")
            let organisation = try #require(try await OrganisationModel.query(on: app.db).first())
            let admin = try await AccountFixture.signedIn(
                try #require(try await UserModel.query(on: app.db).filter(\.$email == "admin@aufwind.de").first()), app: app)
            try await admin.get("/admin/warteschlange")
            #expect(try await admin.post("/organisationen/\(organisation.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)
            #expect(try await probe.subjects("olga@oelde.de").last == "Ihre Organisation ist bestätigt: Digitalwerk eG")

            // someone joins the organisation: its Verwalter (Olga) decides and is told, not the admins
            let admins = try await probe.notes("admin@aufwind.de").count
            let paul = try await AccountFixture.signedIn(try await AccountFixture.user("paul@digitalwerk.de", on: app), app: app)
            try await paul.get("/organisationen/\(organisation.id!)")
            #expect(try await paul.post("/organisationen/\(organisation.id!)/beitreten", [:]).status == .seeOther)
            #expect(try await probe.texts("olga@oelde.de").last == "paul möchte Digitalwerk eG beitreten.")
            #expect(try await probe.notes("admin@aufwind.de").count == admins)
        }
    }
}
