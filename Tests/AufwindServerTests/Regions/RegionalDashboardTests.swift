import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Regional dashboards: access asked for by name, what the authority sees, who may see it")
struct RegionalDashboardTests {
    static let ahlen = "05570004", oelde = "05570036", warendorfStadt = "05570052"

    @Test(
        "a region is asked for by name: a shared name is a question, an unknown one an error at its form with suggestions, the text kept",
        arguments: TestDatabase.available)
    func accessByName(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let kreis = try await AccountFixture.user("wirtschaft@bezreg-muenster.de", on: app)
            let browser = try await AccountFixture.signedIn(kreis, app: app)
            let page = try await browser.get("/konto/organisationen")
            #expect(page.body.contains("<option value=\"Bezirksregierung Münster\">") && page.body.contains("<option value=\"Landkreis Warendorf\">"))

            let question = try await browser.post("/konto/regionen", ["region": "Münster", "nachricht": "Dezernat 34, IKZ-Förderung"])
            #expect(question.status == .ok && question.body.contains("Welche Region meinen Sie?"))
            #expect(
                question.body.contains("value=\"055\"") && question.body.contains("value=\"05515\"")
                    && question.body.contains("Bezirksregierung Münster"))
            #expect(question.body.contains("value=\"Münster\"") && question.body.contains(">Dezernat 34, IKZ-Förderung</textarea>"))
            #expect(try await MembershipModel.query(on: app.db).count() == 0)

            let unknown = try await browser.post("/konto/regionen", ["region": "Warendorff", "nachricht": "Kreishaus"])
            #expect(unknown.status == .unprocessableEntity)
            let form = try #require(unknown.body.range(of: "id=\"regionalbehoerde\""))
            let error = try #require(unknown.body.range(of: "Keine Region zu „Warendorff“ gefunden"))
            #expect(error.lowerBound > form.lowerBound, "the error stands in the form that caused it")
            #expect(unknown.body.contains("value=\"Warendorff\"") && unknown.body.contains(">Kreishaus</textarea>"))

            // A choice left from another name counts for nothing.
            let stale = try await browser.post("/konto/regionen", ["region": "Kreis Warendorf", "auswahl": "055", "nachricht": "Dezernat 34"])
            #expect(stale.status == .seeOther)
            #expect(try await MembershipModel.query(on: app.db).filter(\.$orgKey == "05570").count() == 1)
            let chosen = try await browser.post("/konto/regionen", ["region": "Münster", "auswahl": "055", "nachricht": "Dezernat 34"])
            #expect(chosen.status == .seeOther)
            let request = try #require(try await MembershipModel.query(on: app.db).filter(\.$orgKey == "055").first())
            #expect(request.kind == "region" && request.statusValue == .pending)
        }
    }

    @Test(
        "the Bezirksregierung sees its towns by Kreis, the Verbünde it will approve with their verdict, the isolated towns with partners, and a CSV",
        arguments: TestDatabase.available)
    func dashboard(database: TestDatabase) async throws {
        try await withAufwind(database, dataDirectory: FundingTests.dataDirectory) { app in
            try await RegisterFixture.importInto(app)
            try await app.prepareFunding()
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .vorhaben, title: "Gemeinsamer Bauhof", town: Self.ahlen))
            let verbund = VerbundModel(name: "Bauhof Warendorf-Süd", itemID: UUID(uuidString: item), leadKey: Self.ahlen, programmeID: "ikz-nrw")
            verbund.status = VerbundStatus.antragInVorbereitung.rawValue
            try await verbund.save(on: app.db)
            for (key, role) in [(Self.ahlen, VerbundRole.konsortialfuehrung), (Self.oelde, .partner)] {
                try await VerbundMemberModel(
                    verbundID: verbund.requireID(), memberKey: key, memberType: MemberType.gemeinde.rawValue, role: role.rawValue, status: .accepted,
                    expiresAt: nil
                ).save(on: app.db)
            }
            let authority = try await AccountFixture.user("dezernat34@bezreg-muenster.de", on: app)
            let membership = MembershipModel(userID: try authority.requireID(), kind: .region, orgKey: "055", message: "")
            membership.status = MembershipModel.Status.confirmed.rawValue
            try await membership.create(on: app.db)
            let browser = try await AccountFixture.signedIn(authority, app: app)

            let page = try await browser.get("/regionen/055")
            #expect(page.status == .ok && page.body.contains("<h1>Regionale Übersicht – Bezirksregierung Münster</h1>"))
            #expect(
                page.body.contains("1 von 4 Gemeinden sind auf Aufwind aktiv; 2 haben noch keinen Eintrag, keine Kooperation und keinen Verbund."))
            let preparation = try #require(page.body.range(of: "Verbünde in Vorbereitung für Programme, die Sie bewilligen"))
            let listed = try #require(page.body.range(of: "Bauhof Warendorf-Süd", range: preparation.upperBound..<page.body.endIndex))
            #expect(page.body[listed.upperBound...].prefix(600).contains("Förderrichtlinie IKZ NRW"))
            #expect(page.body.contains("Landkreis Warendorf – 1 von 3 aktiv") && page.body.contains("Stadt Münster – 0 von 1 aktiv"))
            // The last twelve months per Kreis: a sparkline with its numbers as text.
            #expect(page.body.contains("Landkreis Warendorf: Aktivität der letzten 12 Monate</title>"))
            #expect(
                page.body.contains("12 Monate: 1 neuer Eintrag, 0 neue Kooperationen")
                    && page.body.contains("12 Monate: 0 neue Einträge, 0 neue Kooperationen"))
            // Oelde is in the Verbund: not isolated, its Verbund named with programme and status.
            #expect(page.body.contains("Bauhof Warendorf-Süd (Förderrichtlinie IKZ NRW, Antrag in Vorbereitung"))
            // Warendorf (isolated) gets Ahlen, 19 km away with one public item, as a partner to start with.
            let isolated = try #require(page.body.range(of: "<h2>Isolierte Gemeinden</h2>"))
            let rest = page.body[isolated.upperBound...]
            #expect(rest.contains("Warendorf</a>") && rest.contains("Ahlen</a> – ") && rest.contains("1 öffentlicher Eintrag"))
            #expect(!rest.contains(">Oelde</a></th>"))

            let csv = try await browser.get("/regionen/055/gemeinden.csv")
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            let oelde = try #require(csv.body.split(separator: "\r\n").first { $0.hasPrefix("=\"\(Self.oelde)\"") })
            #expect(oelde.contains(";nein;0;0;Bauhof Warendorf-Süd (Förderrichtlinie IKZ NRW, Antrag in Vorbereitung") && oelde.hasSuffix(";0;nein;"))

            // Who may see it: the region's authority and those of a region containing it, nobody else.
            #expect(try await browser.get("/regionen/05570").status == .ok)
            #expect(try await browser.get("/regionen/05").status == .forbidden)
            #expect(try await anna.get("/regionen/055").status == .forbidden)
            #expect(try await anna.get("/regionen/055/gemeinden.csv").status == .forbidden)
            #expect(try await Browser(app).get("/regionen/055/gemeinden.csv").status == .unauthorized)
            #expect(try await browser.get("/regionen/99999").status == .notFound)
        }
    }
}
