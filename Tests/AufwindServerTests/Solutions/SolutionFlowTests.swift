import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// Lösungen over HTTP on both databases: who may publish and change, publiccode.yml in and out,
/// references proposed, confirmed, declined, renewed and aging, and the nearest users first.
@Suite("Lösungen: publishing, publiccode.yml, references, nearby users")
struct SolutionFlowTests {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052"

    static func fields(_ name: String = "Schulcloud Münsterland") -> [(String, String)] {
        [
            ("name", name), ("kurzbeschreibung", "Lernplattform für Grundschulen"),
            ("beschreibung", "Eine Lernplattform für Grundschulen, betrieben in deutschen Rechenzentren."), ("handlungsfelder[]", "schule-bildung"),
            ("lizenz", "proprietaer"), ("betrieb[]", "saas"), ("eu_hosting", "ja"), ("schnittstellen", "FIT-Connect, XSchule"),
        ]
    }

    /// A confirmed Anbieter with a signed-in member.
    static func provider(_ app: Application, name: String = "Schulsoft eG", email: String = "gruenderin@schulsoft.de") async throws -> (
        id: String, browser: Browser
    ) {
        let founder = try await AccountFixture.user(email, on: app)
        let organisation = OrganisationModel(kind: .anbieter, name: name, website: "", description: "", foundedBy: try founder.requireID())
        organisation.status = MembershipModel.Status.confirmed.rawValue
        try await organisation.create(on: app.db)
        let membership = MembershipModel(
            userID: try founder.requireID(), kind: .anbieter, orgKey: try organisation.requireID().uuidString, message: "")
        membership.status = MembershipModel.Status.confirmed.rawValue
        membership.role = MemberRole.verwalter.rawValue
        try await membership.create(on: app.db)
        return (try organisation.requireID().uuidString.lowercased(), try await AccountFixture.signedIn(founder, app: app))
    }

    static func publish(_ browser: Browser, as publisher: String, _ fields: [(String, String)] = fields()) async throws -> String {
        try await browser.get("/loesungen/neu")
        let response = try await browser.post("/loesungen", pairs: fields + [("herausgeber", publisher)])
        guard response.status == .seeOther, let location = response.headers.first(name: .location) else {
            throw FixtureFailure("publishing refused: \(response.status) \(response.body.prefix(2000))")
        }
        return String(location.prefix { $0 != "?" })
    }

    @Test("who may publish and change a solution", arguments: TestDatabase.available)
    func authorisation(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await Self.provider(app)
            let (_, rival) = try await Self.provider(app, name: "Konkurrenz GmbH", email: "chef@konkurrenz.de")
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "mitglied", app: app)
            let nobody = try await AccountFixture.signedIn(try await AccountFixture.user("niemand@example.de", on: app), app: app)

            // Not signed in: to the sign-in; signed in without Anbieter or town: the policy's refusal.
            #expect(try await Browser(app).get("/loesungen/neu").status != .ok)
            let refused = try await nobody.get("/loesungen/neu")
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("bestätigten Mitglieder ihres Anbieters oder ihrer Kommune"))

            let path = try await Self.publish(provider, as: "anbieter:\(organisation)")
            let page = try await Browser(app).get(path)
            #expect(page.status == .ok && page.body.contains("Schulcloud Münsterland") && page.body.contains("Schulsoft eG"))
            #expect(page.body.contains("FIT-Connect, XSchule"))
            // A town publishes its own; it cannot publish for an Anbieter it is not in.
            try await anna.get("/loesungen/neu")
            #expect(try await anna.post("/loesungen", pairs: Self.fields() + [("herausgeber", "anbieter:\(organisation)")]).status == .badRequest)
            _ = try await Self.publish(anna, as: "kommune:\(Self.ahlen)", Self.fields("Ratsinfo Ahlen"))

            // Another Anbieter may neither open nor send the edit form.
            #expect(try await rival.get(path + "/bearbeiten").status == .forbidden)
            #expect(try await rival.post(path + "/bearbeiten", pairs: Self.fields("Gekapert") + [("revision", "1")]).status == .forbidden)
            // The publisher saves; a second save on the old revision changes nothing and keeps the text.
            try await provider.get(path + "/bearbeiten")
            #expect(
                try await provider.post(path + "/bearbeiten", pairs: Self.fields("Schulcloud 2") + [("revision", "1"), ("version", "2.1")]).status
                    == .seeOther)
            try await provider.get(path + "/bearbeiten")
            let stale = try await provider.post(path + "/bearbeiten", pairs: Self.fields("Schulcloud 3") + [("revision", "1")])
            #expect(stale.status == .conflict && stale.body.contains("Schulcloud 3"))
            let saved = try await Browser(app).get(path)
            #expect(saved.body.contains("Schulcloud 2") && saved.body.contains("Version 2.1"))
            // Bad input: every problem at once, nothing saved, the text kept.
            try await provider.get("/loesungen/neu")
            let bad = try await provider.post(
                "/loesungen", pairs: [("herausgeber", "anbieter:\(organisation)"), ("name", "Ohne alles – ü"), ("lizenz", "open-source")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Ohne alles – ü") && bad.body.contains("Repository") && bad.body.contains("Betriebsform"))
            #expect(try await SolutionModel.query(on: app.db).count() == 2)
        }
    }

    @Test("a publiccode.yml is imported, checked in the form, published and exported with the kept keys", arguments: TestDatabase.available)
    func publiccodeRoundTrip(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await Self.provider(app)
            try await provider.get("/loesungen/import")
            let broken = try await provider.post("/loesungen/import", ["text": "publiccodeYmlVersion: \"0.4\"\nname: [a, b]\n"])
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.body.contains("Zeile 2, Feld „name“"))
            #expect(try await SolutionModel.query(on: app.db).count() == 0)

            let file = """
                publiccodeYmlVersion: "0.4"
                name: Mängelmelder
                url: "https://gitlab.opencode.de/kommune/maengelmelder.git"
                developmentStatus: beta
                categories: [it-development]
                description:
                  de:
                    shortDescription: Schäden an Straßen melden.
                    longDescription: Ein Meldeportal für Schlaglöcher und defekte Laternen.
                    features: [Meldung mit Foto]
                  en:
                    shortDescription: Report damage to streets.
                legal:
                  license: EUPL-1.2
                x-aufwind:
                  handlungsfelder: [digitale-verwaltung]
                  betrieb: [vor-ort]
                  hostingInDerEU: true
                """
            try await provider.get("/loesungen/import")
            let read = try await provider.post("/loesungen/import", ["text": file])
            #expect(read.status == .ok)
            #expect(read.body.contains("value=\"Mängelmelder\"") && read.body.contains("EUPL-1.2"))
            let kept = try #require(read.body.range(of: "name=\"publiccode\" value=\"").map { read.body[$0.upperBound...].prefix { $0 != "\"" } })
            let unescaped = String(kept).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&#10;", with: "\n").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            let created = try await provider.post(
                "/loesungen",
                pairs: [
                    ("herausgeber", "anbieter:\(organisation)"), ("name", "Mängelmelder"), ("kurzbeschreibung", "Schäden an Straßen melden."),
                    ("beschreibung", "Ein Meldeportal für Schlaglöcher und defekte Laternen."), ("handlungsfelder[]", "digitale-verwaltung"),
                    ("lizenz", "open-source"), ("repository", "https://gitlab.opencode.de/kommune/maengelmelder.git"), ("lizenz_id", "EUPL-1.2"),
                    ("betrieb[]", "vor-ort"), ("eu_hosting", "ja"), ("publiccode", unescaped),
                ])
            #expect(created.status == .seeOther)
            let path = String((created.headers.first(name: .location) ?? "").prefix { $0 != "?" })
            let exported = try await Browser(app).get(path + "/publiccode.yml")
            #expect(exported.status == .ok)
            #expect(exported.headers.first(name: .contentType)?.hasPrefix("application/yaml") == true)
            #expect(exported.body.contains("developmentStatus: beta") && exported.body.contains("- it-development"))
            #expect(exported.body.contains("Meldung mit Foto") && exported.body.contains("Report damage to streets."))
            let again = try PublicCode.parse(exported.body).get()
            #expect(again.raw.name == "Mängelmelder" && again.raw.licenceID == "EUPL-1.2" && again.raw.operations == ["vor-ort"])
        }
    }

    @Test(
        "a proposed reference is public only once the town confirms; a declined one shows its reason to the Anbieter",
        arguments: TestDatabase.available)
    func proposalConfirmDecline(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await Self.provider(app)
            let (annaUser, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "mitglied", app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], role: "mitglied", app: app)
            let path = try await Self.publish(provider, as: "anbieter:\(organisation)")

            try await provider.get(path)
            #expect(
                try await provider.post(path + "/referenzen", ["kommune": "Ahlen", "stand": "im-einsatz", "seit": "2024-03"]).status == .seeOther)
            #expect(try await provider.post(path + "/referenzen", ["kommune": Self.oelde, "stand": "in-erprobung"]).status == .seeOther)
            // The town hears of it; nothing is public yet; a town cannot propose.
            let told = try await NotificationModel.query(on: app.db).filter(\.$userID == annaUser.requireID()).all()
            #expect(told.contains { $0.link == "/loesungen/referenzen" })
            #expect(try await Browser(app).get(path).body.contains("Noch keine Kommune hat bestätigt"))
            try await anna.get(path)
            #expect(try await anna.post(path + "/referenzen", ["kommune": Self.oelde, "stand": "im-einsatz"]).status == .forbidden)
            // Asking twice is refused, naming why.
            #expect(try await provider.post(path + "/referenzen", ["kommune": Self.ahlen, "stand": "im-einsatz"]).status == .conflict)

            let ahlenReference = try #require(try await SolutionReferenceModel.query(on: app.db).filter(\.$townKey == Self.ahlen).first())
            let oeldeReference = try #require(try await SolutionReferenceModel.query(on: app.db).filter(\.$townKey == Self.oelde).first())
            // Another town's member cannot decide.
            try await olga.get("/loesungen/referenzen")
            #expect(
                try await olga.post(
                    "/loesungen/referenzen/\(ahlenReference.id!)/entscheidung", ["entscheidung": "bestaetigen", "stand": "im-einsatz"]
                )
                .status == .forbidden)
            let queue = try await anna.get("/loesungen/referenzen")
            #expect(queue.body.contains("Zu bestätigen (1)") && queue.body.contains("Schulcloud Münsterland"))
            #expect(
                try await anna.post(
                    "/loesungen/referenzen/\(ahlenReference.id!)/entscheidung",
                    ["entscheidung": "bestaetigen", "stand": "im-einsatz", "seit": "2024-03", "fragen": "ja"]
                ).status == .seeOther)
            // Deciding twice changes nothing.
            try await anna.get("/loesungen/referenzen")
            #expect(
                try await anna.post(
                    "/loesungen/referenzen/\(ahlenReference.id!)/entscheidung", ["entscheidung": "ablehnen", "begruendung": "doch nicht"]
                )
                .status == .conflict)
            // Declining needs a reason; the Anbieter sees it.
            try await olga.get("/loesungen/referenzen")
            #expect(
                try await olga.post("/loesungen/referenzen/\(oeldeReference.id!)/entscheidung", ["entscheidung": "ablehnen"]).status
                    == .unprocessableEntity)
            #expect(
                try await olga.post(
                    "/loesungen/referenzen/\(oeldeReference.id!)/entscheidung",
                    ["entscheidung": "ablehnen", "begruendung": "Nur getestet, nie eingeführt."]
                ).status == .seeOther)

            let public_ = try await Browser(app).get(path)
            #expect(public_.body.contains("1 Kommune hat bestätigt"))
            #expect(public_.body.contains("Ahlen") && public_.body.contains("seit 03/2024") && public_.body.contains("Nachfragen möglich"))
            #expect(!public_.body.contains("/gemeinden/\(Self.oelde)\""))
            let own = try await provider.get(path)
            #expect(own.body.contains("Nur getestet, nie eingeführt."))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "referenz-bestaetigt").count() == 1)
            // The provider page lists the confirmed reference.
            #expect(try await Browser(app).get("/anbieter/\(organisation)").body.contains("Ahlen"))
            _ = annaUser
        }
    }

    @Test("a reference shows its date after 12 months and stops counting as in use after 18; renewing starts anew", arguments: TestDatabase.available)
    func aging(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await Self.provider(app)
            let (annaUser, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "mitglied", app: app)
            let path = try await Self.publish(provider, as: "anbieter:\(organisation)")
            try await anna.get(path)
            #expect(try await anna.post(path + "/nutzung", ["kommune": Self.ahlen, "stand": "im-einsatz"]).status == .seeOther)
            #expect(try await Browser(app).get(path).body.contains("1 Kommune hat bestätigt"))

            app.testClock.advance(by: 396 * 86_400)  // 13 months
            let stale = try await Browser(app).get(path)
            #expect(stale.body.contains("zuletzt bestätigt am") && stale.body.contains("1 Kommune hat bestätigt"))
            // (A session does not last a year: Anna signs in again.)
            let later = try await AccountFixture.signedIn(annaUser, app: app)
            #expect(try await later.get("/loesungen/referenzen").body.contains("Bitte erneut bestätigen (1)"))

            app.testClock.advance(by: 183 * 86_400)  // 19 months
            let expired = try await Browser(app).get(path)
            #expect(expired.body.contains("zählt nicht mehr als „im Einsatz“"))
            #expect(expired.body.contains("im Einsatz noch bei keiner"))

            let reference = try #require(try await SolutionReferenceModel.query(on: app.db).first())
            let again = try await AccountFixture.signedIn(annaUser, app: app)
            try await again.get("/loesungen/referenzen")
            #expect(try await again.post("/loesungen/referenzen/\(reference.id!)/erneuern", ["stand": "im-einsatz"]).status == .seeOther)
            let renewed = try await Browser(app).get(path)
            #expect(renewed.body.contains("1 Kommune hat bestätigt") && !renewed.body.contains("zuletzt bestätigt am"))
        }
    }

    @Test(
        "nearby users come nearest first, from the viewer's town or a chosen one; the search orders by the nearest user",
        arguments: TestDatabase.available)
    func distanceRanking(database: TestDatabase) async throws {
        // With the data directory: the map needs the Kreis borders (kreise.geojson).
        try await withAufwind(database, dataDirectory: FundingTests.dataDirectory) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await Self.provider(app)
            let near = try await Self.publish(provider, as: "anbieter:\(organisation)", Self.fields("Nahe Lösung"))
            let far = try await Self.publish(provider, as: "anbieter:\(organisation)", Self.fields("Ferne Lösung"))
            let (_, ahlen) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, oelde) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let (_, warendorf) = try await ItemFixture.member("wolf@warendorf.de", of: [Self.warendorf], app: app)
            for (browser, town) in [(ahlen, Self.ahlen), (oelde, Self.oelde)] {
                try await browser.get(near)
                #expect(try await browser.post(near + "/nutzung", ["kommune": town, "stand": "im-einsatz"]).status == .seeOther)
            }
            try await warendorf.get(far)
            #expect(try await warendorf.post(far + "/nutzung", ["kommune": Self.warendorf, "stand": "im-einsatz"]).status == .seeOther)

            // Olga's own town comes first for her; a visitor chooses Ahlen.
            let forOlga = try await oelde.get(near).body
            #expect(try #require(forOlga.range(of: ">Oelde<")).lowerBound < (try #require(forOlga.range(of: ">Ahlen<"))).lowerBound)
            let fromAhlen = try await Browser(app).get(near + "?nahe=Ahlen").body
            #expect(fromAhlen.contains("Geordnet nach Entfernung von Ahlen"))
            #expect(try #require(fromAhlen.range(of: ">Ahlen<")).lowerBound < (try #require(fromAhlen.range(of: ">Oelde<"))).lowerBound)
            // The map: Ahlen's Kreis and the Kreise around it (BKG borders), both users as dots with their names.
            #expect(fromAhlen.contains("<title id=\"naehe-karte-titel\">Karte: Warendorf und Umgebung</title>"))
            #expect(
                fromAhlen.contains("role=\"img\"")
                    && fromAhlen.contains(
                        "2 Kommunen in diesem Ausschnitt haben bestätigt, dass sie „Nahe Lösung“ nutzen oder nutzten; 2 davon im Einsatz.")
            )
            #expect(fromAhlen.contains("class=\"kreis eigener\"><title>Warendorf</title>"))
            #expect(fromAhlen.contains("<title>Oelde: im Einsatz</title>") && fromAhlen.contains("<title>Ahlen: im Einsatz</title>"))
            #expect(fromAhlen.contains("Kreisgrenzen: © GeoBasis-DE / BKG"))
            #expect(!(try await Browser(app).get(near)).body.contains("naehe-karte-titel"), "no town chosen, no map")
            #expect(try await Browser(app).get(near + "?nahe=Gibtsnichtheim").body.contains("Keine Kommune „Gibtsnichtheim“ gefunden"))
            // The search, from Warendorf: the far solution (used in Warendorf itself) first.
            let search = try await Browser(app).get("/loesungen?nahe=\(Self.warendorf)").body
            #expect(try #require(search.range(of: "Ferne Lösung")).lowerBound < (try #require(search.range(of: "Nahe Lösung"))).lowerBound)
            let fromOelde = try await Browser(app).get("/loesungen?nahe=\(Self.oelde)").body
            #expect(try #require(fromOelde.range(of: "Nahe Lösung")).lowerBound < (try #require(fromOelde.range(of: "Ferne Lösung"))).lowerBound)
            #expect(try await Browser(app).get("/loesungen?lizenz=keine").status == .unprocessableEntity)
            #expect(try await Browser(app).get("/loesungen?q=ferne").body.contains("1 Lösung gefunden"))
        }
    }
}
