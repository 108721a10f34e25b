import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Invitations without surprises: which Neustadt, withdrawing, renaming and describing a Verbund")
struct VerbundInvitationTests {
    static let ahlen = "05570004", oelde = "05570036"
    /// Two towns called "Neustadt": one in the Kreis Warendorf (NRW), one in Marburg-Biedenkopf (Hessen).
    static let neustadtWarendorf = RegisterFixture.gemeinde(
        "05570090", "Neustadt, Stadt", population: 4_100, areaHa: 3_000, lat: 51.90, lon: 8.05)
    static let neustadtHessen = RegisterFixture.gemeinde(
        "06534090", "Neustadt, Stadt", population: 9_300, areaHa: 5_600, lat: 50.85, lon: 9.11)

    /// The fixture register with both Neustadts (and Hessen, its Regierungsbezirk Gießen and the Kreis Marburg-Biedenkopf).
    static var registerWithNamesakes: String {
        let towns = [neustadtWarendorf, neustadtHessen]
        return RegisterFixture.file(
            units: RegisterFixture.units + [
                Gebietseinheit(kind: .land, key: "06", name: "Hessen", seat: "Wiesbaden", typeCode: nil),
                Gebietseinheit(kind: .regierungsbezirk, key: "065", name: "Reg.-Bez. Gießen", seat: "Gießen", typeCode: nil),
                Gebietseinheit(kind: .kreis, key: "06534", name: "Marburg-Biedenkopf", seat: "Marburg", typeCode: 44),
            ] + towns.map { RegisterFixture.verband(String($0.ars.prefix(9)), $0.name) },
            gemeinden: RegisterFixture.gemeinden + towns)
    }

    /// Anna (Ahlen) founds a Verbund from her Vorhaben; returns its path.
    static func verbund(_ anna: Browser) async throws -> String {
        let item = try await ItemFixture.create(
            anna,
            ItemFixture.form(kind: .vorhaben, title: "Gemeinsamer Bauhof", fields: [.digitaleVerwaltung], town: ahlen, status: .partnerGesucht))
        let founded = try await anna.submit("/verbuende", ["eintrag": item], from: "/eintraege/\(item)")
        return founded.headers.redirectPath ?? ""
    }

    static func invited(_ app: Application) async throws -> [String] {
        try await VerbundMemberModel.query(on: app.db).filter(\.$status == VerbundMemberModel.Status.invited.rawValue).all().map(\.memberKey).sorted()
    }

    @Test("a refused invitation keeps what the lead typed: town, address, role; a Zweckverband its name and Land")
    func refusedInvitationKeepsTheInput() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let path = try await Self.verbund(anna)
            try await anna.get(path)
            let badAddress = try await anna.post(
                path + "/einladungen", ["mitglied": "Oelde", "email": "rathaus(at)oelde.de", "rolle": "assoziiert"])
            #expect(badAddress.status == .unprocessableEntity)
            #expect(badAddress.body.contains("name=\"mitglied\" value=\"Oelde\""))
            #expect(badAddress.body.contains("value=\"rathaus(at)oelde.de\""))
            #expect(badAddress.body.contains("<option value=\"assoziiert\" selected"))
            let tooLong = String(repeating: "Abwasserzweckverband ", count: 8)
            let badZweckverband = try await anna.post(
                path + "/einladungen", ["art": "zweckverband", "mitglied": tooLong, "land": "05", "rolle": "partner"])
            #expect(badZweckverband.status == .unprocessableEntity)
            #expect(badZweckverband.body.contains("value=\"\(tooLong)\""))
            #expect(badZweckverband.body.contains("<option value=\"05\" selected"))
            #expect(try await Self.invited(app).isEmpty)
        }
    }

    @Test("a name two towns bear asks which one, with Kreis and Land; the choice invites exactly that town", arguments: TestDatabase.available)
    func whichNeustadt(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: Self.registerWithNamesakes)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let path = try await Self.verbund(anna)

            try await anna.get(path)
            let question = try await anna.post(path + "/einladungen", ["mitglied": "Neustadt", "rolle": "assoziiert"])
            #expect(question.status == .ok && question.body.contains("<h1>Welche Kommune meinen Sie?</h1>"))
            #expect(question.body.contains("„Neustadt“ passt zu 2 Kommunen."))
            for (key, place) in [("06534090", "Landkreis Marburg-Biedenkopf, Hessen"), ("05570090", "Landkreis Warendorf, Nordrhein-Westfalen")] {
                #expect(question.body.contains("<input type=\"radio\" id=\"auswahl-\(key)\" name=\"auswahl\" value=\"\(key)\""), "\(key)")
                #expect(question.body.contains("<label for=\"auswahl-\(key)\"><strong>Neustadt</strong>"), "\(key)")
                #expect(question.body.contains(place), "\(place)")
            }
            // the typed text and the role stay; nobody is invited yet
            #expect(question.body.contains("name=\"mitglied\" value=\"Neustadt\""))
            #expect(question.body.contains("<option value=\"assoziiert\" selected=\"selected\">"))
            #expect(try await Self.invited(app).isEmpty)

            // without a choice the question comes again
            #expect(
                try await anna.post(path + "/einladungen", ["mitglied": "Neustadt", "rolle": "partner"]).body.contains("Welche Kommune meinen Sie?"))
            let chosen = try await anna.post(path + "/einladungen", ["mitglied": "Neustadt", "rolle": "partner", "auswahl": "06534090"])
            // nobody of that Neustadt is on Aufwind: the lead hears that the invitation reaches nobody yet
            #expect(chosen.status == .seeOther && chosen.headers.first(name: .location) == path + "?erfolg=einladung-ohne-empfaenger")
            #expect(try await Self.invited(app) == ["06534090"])
            #expect(try await anna.get(path).body.contains(">Neustadt</a>"))

            // a name only one town bears, and an AGS, invite at once, as before
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"]).status == .seeOther)
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": "05570090", "rolle": "partner"]).status == .seeOther)
            #expect(try await Self.invited(app) == ["05570036", "05570090", "06534090"])
        }
    }

    @Test(
        "the lead withdraws an invitation: the town is no longer in the Verbund and is told; twice is once; accepted members stay",
        arguments: TestDatabase.available)
    func withdraw(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let (_, wera) = try await ItemFixture.member("wera@warendorf.de", of: ["05570052"], app: app)
            let path = try await Self.verbund(anna)
            for town in ["Oelde", "05570052"] {
                try await anna.get(path)
                #expect(try await anna.post(path + "/einladungen", ["mitglied": town, "rolle": "partner"]).status == .seeOther)
            }
            let members = try await VerbundMemberModel.query(on: app.db).all()
            let oeldeInvite = try #require(members.first { $0.memberKey == Self.oelde }?.id).uuidString.lowercased()
            let leadRow = try #require(members.first { $0.memberKey == Self.ahlen }?.id).uuidString.lowercased()
            #expect(try await olga.get(path).body.contains("Sie sind in diesen Verbund eingeladen"))
            let workspace = try await anna.get(path)
            #expect(workspace.body.components(separatedBy: ">Zurückziehen</button>").count == 3)
            #expect(workspace.body.contains("aria-label=\"Einladung von Oelde zurückziehen\""))

            // only the lead withdraws
            try await wera.get("/konto")
            #expect(try await wera.post(path + "/mitglieder/\(oeldeInvite)/zurueckziehen", [:]).status == .forbidden)
            #expect(try await Self.invited(app) == ["05570036", "05570052"])

            try await anna.get(path)
            let withdrawn = try await anna.post(path + "/mitglieder/\(oeldeInvite)/zurueckziehen", [:])
            #expect(withdrawn.status == .seeOther && withdrawn.headers.redirectPath == path)
            #expect(try await Self.invited(app) == ["05570052"])
            #expect(try await anna.post(path + "/mitglieder/\(oeldeInvite)/zurueckziehen", [:]).status == .seeOther)
            #expect(try await Self.invited(app) == ["05570052"])
            let afterwards = try await anna.get(path)
            #expect(!afterwards.body.contains("Oelde</a>") && afterwards.body.contains("Warendorf</a>"))

            // Oelde no longer sees the Verbund, and was told
            let olgaPage = try await olga.get(path)
            #expect(olgaPage.status == .forbidden && olgaPage.body.contains("Diesen Verbund sehen nur seine Mitglieder."))
            #expect(
                try await olga.get("/benachrichtigungen").body.contains(
                    "Ahlen hat die Einladung Ihrer Kommune in den Verbund „Gemeinsamer Bauhof“ zurückgezogen."))
            #expect(!(try await olga.get("/anfragen").body.contains("Einladungen in Verbünde")))

            // a town that said yes is a member, not an invitation; the lead can be invited again afterwards
            try await anna.get(path)
            let refused = try await anna.post(path + "/mitglieder/\(leadRow)/zurueckziehen", [:])
            #expect(refused.status == .conflict && refused.body.contains("Ahlen ist schon dabei"))
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"]).status == .seeOther)
            #expect(try await Self.invited(app) == ["05570036", "05570052"])
        }
    }

    @Test(
        "the lead renames and describes the Verbund; a stale save is refused and the form keeps what was typed", arguments: TestDatabase.available)
    func renameAndDescribe(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let path = try await Self.verbund(anna)
            try await anna.get(path)
            #expect(try await anna.post(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"]).status == .seeOther)
            #expect(try await anna.get(path).body.contains("<a href=\"\(path)/bearbeiten\">Name und Beschreibung ändern</a>"))
            #expect(try await olga.get(path + "/bearbeiten").status == .forbidden)

            let form = try await anna.get(path + "/bearbeiten")
            #expect(form.status == .ok && form.body.contains("value=\"Gemeinsamer Bauhof\"") && form.body.contains("name=\"version\" value=\"1\""))
            let saved = try await anna.post(
                path + "/bearbeiten", ["name": "Bauhof Münsterland", "beschreibung": "Wir teilen Fahrzeuge & Personal.\r\nAb 2027.", "version": "1"])
            #expect(saved.status == .seeOther && saved.headers.redirectPath == path)
            let page = try await anna.get(path)
            #expect(page.body.contains("<h1>Verbund: Bauhof Münsterland</h1>") && page.body.contains("Wir teilen Fahrzeuge &amp; Personal."))
            // the invited town sees name and description too
            let invitation = try await olga.get(path)
            #expect(invitation.body.contains("Bauhof Münsterland") && invitation.body.contains("Wir teilen Fahrzeuge &amp; Personal."))

            // a second save from version 1 is refused; nothing is written, the typed text stays
            try await anna.get(path + "/bearbeiten")
            let stale = try await anna.post(path + "/bearbeiten", ["name": "Alter Stand", "beschreibung": "Meine Fassung", "version": "1"])
            #expect(stale.status == .conflict && stale.body.contains("inzwischen geändert (jetzt Version 2)"))
            #expect(stale.body.contains("value=\"Alter Stand\"") && stale.body.contains(">Meine Fassung</textarea>"))
            let stored = try #require(try await VerbundModel.query(on: app.db).first())
            #expect(stored.name == "Bauhof Münsterland" && stored.version == 2)

            // German messages, input kept
            try await anna.get(path + "/bearbeiten")
            let invalid = try await anna.post(path + "/bearbeiten", ["name": " ", "beschreibung": "Bleibt stehen", "version": "2"])
            #expect(invalid.status == .unprocessableEntity && invalid.body.contains("Bitte füllen Sie „Name des Verbunds“ aus."))
            #expect(invalid.body.contains(">Bleibt stehen</textarea>"))

            // two saves from the same version at once: exactly one wins, on every database
            let service = VerbundService(database: app.db, baseURL: "http://localhost", directory: TownDirectory(catalog: app.registerStore.catalog))
            async let first = service.updateProfile(stored, VerbundProfileInput(name: "Erste", description: ""), expectedVersion: 2)
            async let second = service.updateProfile(stored, VerbundProfileInput(name: "Zweite", description: ""), expectedVersion: 2)
            let outcomes = try await [first, second]
            #expect(outcomes.filter { $0 == .saved(version: 3) }.count == 1 && outcomes.contains(.stale(current: 3)))
        }
    }
}
