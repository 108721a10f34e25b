import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Kooperationsatlas: the map, the Kreis and town pages, open data — public facts only, current after every write")
struct AtlasTests {
    static let ahlen = "05570004", oelde = "05570036", warendorfStadt = "05570052", muenster = "05515000"

    /// The CSV row of a Gemeinde (its cells after the AGS).
    static func csvRow(_ csv: String, _ ags: String) -> [String]? {
        csv.split(separator: "\r\n").first { $0.hasPrefix("=\"\(ags)\"") }.map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The Kreis's row of the atlas table: its cells as text.
    static func tableRow(_ html: String, kreis: String) -> String? {
        guard let start = html.range(of: "<a href=\"/kreise/\(kreis)\">") else { return nil }
        guard let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.lowerBound]).replacingOccurrences(of: "<[^>]+>", with: "|", options: .regularExpression)
    }

    @Test(
        "items, cooperations, Verbünde and members count once public; private items, drafts and Verbünde in Gründung never",
        arguments: TestDatabase.available)
    func publicFactsOnly(database: TestDatabase) async throws {
        try await withAufwind(database, dataDirectory: FundingTests.dataDirectory) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let (_, wim) = try await ItemFixture.member("wim@warendorf.de", of: [Self.warendorfStadt], app: app)

            let empty = try await Browser(app).get("/api/v1/atlas/gemeinden.csv")
            #expect(Self.csvRow(empty.body, Self.ahlen)?.suffix(5) == ["ja", "0", "0", "0", "ja"])

            // A public item makes Ahlen active; Oelde's private item and Warendorf's draft count nowhere.
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .angebot, title: "Digitale Schulverwaltung", town: Self.ahlen))
            _ = try await ItemFixture.create(olga, ItemFixture.form(title: "Intern", town: Self.oelde, visibility: .kommunen))
            _ = try await ItemFixture.create(wim, ItemFixture.form(title: "Entwurf", town: Self.warendorfStadt, published: false))
            var csv = try await Browser(app).get("/api/v1/atlas/gemeinden.csv").body
            #expect(Self.csvRow(csv, Self.ahlen)?.suffix(5) == ["ja", "1", "0", "0", "nein"])
            #expect(Self.csvRow(csv, Self.oelde)?.suffix(5) == ["ja", "0", "0", "0", "ja"], "a member, but its private item is not counted")
            #expect(Self.csvRow(csv, Self.warendorfStadt)?.suffix(5) == ["ja", "0", "0", "0", "ja"])

            // Oelde asks, Ahlen accepts: a cooperation for both, within 25 km (nah).
            try await olga.get("/eintraege/\(item)")
            #expect(try await olga.post("/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": "Gern"]).status == .seeOther)
            let request = try #require(try await InterestRequestModel.query(on: app.db).first())
            try await anna.get("/anfragen")
            #expect(try await anna.post("/anfragen/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .seeOther)
            csv = try await Browser(app).get("/api/v1/atlas/gemeinden.csv").body
            #expect(
                Self.csvRow(csv, Self.ahlen)?[8] == "1" && Self.csvRow(csv, Self.oelde)?[8] == "1" && Self.csvRow(csv, Self.oelde)?.last == "nein")
            let atlas = try await Browser(app).get("/atlas?kennzahl=kooperationen")
            #expect(
                atlas.status == .ok && Self.tableRow(atlas.body, kreis: "05570")?.contains("|3 (100 %)||1 (33 %)||1||0,8||0|") == true,
                "\(Self.tableRow(atlas.body, kreis: "05570") ?? "")")

            // A Verbund of Ahlen and Warendorf counts once it leaves "in Gründung".
            let verbund = VerbundModel(name: "Schul-IT Warendorf", itemID: UUID(uuidString: item), leadKey: Self.ahlen)
            try await verbund.save(on: app.db)
            for (key, role) in [(Self.ahlen, VerbundRole.konsortialfuehrung), (Self.warendorfStadt, .partner)] {
                try await VerbundMemberModel(
                    verbundID: verbund.requireID(), memberKey: key, memberType: MemberType.gemeinde.rawValue, role: role.rawValue, status: .accepted,
                    expiresAt: nil
                ).save(on: app.db)
            }
            csv = try await Browser(app).get("/api/v1/atlas/gemeinden.csv").body
            #expect(Self.csvRow(csv, Self.warendorfStadt)?[9] == "0", "in Gründung: a draft")
            try await anna.get(verbund.path)
            #expect(try await anna.post(verbund.path + "/status", ["status": VerbundStatus.antragInVorbereitung.rawValue]).status == .seeOther)
            csv = try await Browser(app).get("/api/v1/atlas/gemeinden.csv").body
            #expect(Self.csvRow(csv, Self.warendorfStadt)?.suffix(3) == ["0", "1", "nein"] && Self.csvRow(csv, Self.ahlen)?[9] == "1")
            #expect(Self.csvRow(csv, Self.muenster)?.suffix(5) == ["nein", "0", "0", "0", "ja"])

            // An item hidden by a moderation decision leaves the atlas at once (its cooperation with it).
            try await olga.get("/meldungen/neu?art=eintrag&id=\(item)")
            let olgaReports = try await olga.post("/meldungen", ["art": "eintrag", "id": item, "grund": "spam", "text": "Reine Werbung."])
            #expect(olgaReports.status == .seeOther, "\(olgaReports.body.components(separatedBy: "error-list").dropFirst().first?.prefix(300) ?? "")")
            let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.de", admin: true, on: app), app: app)
            let moderation = try #require(try await ModerationCaseModel.query(on: app.db).first())
            try await admin.get(moderation.adminPath)
            #expect(try await admin.post(moderation.adminPath + "/entscheidung", ModerationFlowTests.hideFields).status == .seeOther)
            csv = try await Browser(app).get("/api/v1/atlas/gemeinden.csv").body
            #expect(Self.csvRow(csv, Self.ahlen)?[7...8] == ["0", "0"], "\(Self.csvRow(csv, Self.ahlen) ?? [])")

            // The GeoJSON says the same for the Kreis (Oelde, whose only cooperation was on the hidden item, is isolated now).
            let geo = try await Browser(app).get("/api/v1/atlas/kreise.geojson")
            #expect(geo.headers.contentType?.subType == "geo+json" && geo.headers.first(name: "Link")?.contains("dl-de/by-2-0") == true)
            let root = try #require(try JSONSerialization.jsonObject(with: Data(geo.body.utf8)) as? [String: Any])
            let features = try #require(root["features"] as? [[String: Any]])
            let warendorf = try #require(features.compactMap { $0["properties"] as? [String: Any] }.first { $0["ags"] as? String == "05570" })
            #expect(features.count == 400 && warendorf["aktiveGemeinden"] as? Int == 3 && warendorf["kooperationen"] as? Int == 0)
            #expect(warendorf["verbuende"] as? Int == 1 && warendorf["isolierteGemeinden"] as? Int == 1 && warendorf["gemeinden"] as? Int == 3)
        }
    }

    @Test(
        "the atlas page: map with a title, legend and every Kreis linked, switchable indicator and Handlungsfeld, under 300 KB",
        arguments: TestDatabase.available)
    func atlasPage(database: TestDatabase) async throws {
        try await withAufwind(database, dataDirectory: FundingTests.dataDirectory) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            _ = try await ItemFixture.create(anna, ItemFixture.form(title: "Radwege", fields: [.mobilitaet], town: Self.ahlen))
            let page = try await Browser(app).get("/atlas")
            #expect(page.status == .ok && page.body.utf8.count < 300_000, "\(page.body.utf8.count) bytes")
            // Named by title and description, no image role (it holds links): its links are for the mouse
            // (hidden from assistive technology and the keyboard); the table below has the same links.
            #expect(
                page.body.contains("<svg viewBox=\"0 0 560 750\" aria-labelledby=\"atlas-karte-titel\" aria-describedby=\"atlas-karte-beschreibung\"")
            )
            #expect(page.body.components(separatedBy: "tabindex=\"-1\" aria-hidden=\"true\"").count - 1 == 400)
            // 400 Kreise on the map, the register's (here three) in the table.
            #expect(page.body.components(separatedBy: "<a href=\"/kreise/").count - 1 == 403)
            #expect(page.body.contains("<title>Warendorf: 33 %</title>") && page.body.contains("über 25 % bis 50 %"))
            #expect(page.body.contains("aria-current=\"page\">Aktive Gemeinden</a>"))
            let mobility = try await Browser(app).get("/atlas?kennzahl=isoliert&handlungsfeld=mobilitaet")
            #expect(mobility.body.contains("<title>Warendorf: 67 %</title>") && mobility.body.contains("im Handlungsfeld „Mobilität“"))
            let schools = try await Browser(app).get("/atlas?handlungsfeld=schule-bildung")
            #expect(
                schools.body.contains("<title>Warendorf: 0 %</title>"), "Ahlen's item is about mobility; membership counts only across all fields")
            let wrong = try await Browser(app).get("/atlas?kennzahl=%3Cb%3E")
            #expect(wrong.status == .badRequest && wrong.body.contains("Unbekannte Kennzahl „&lt;b&gt;“"))
            #expect(try await Browser(app).get("/atlas?handlungsfeld=sport").status == .badRequest)
            #expect(try await Browser(app).get("/api/v1/atlas/gemeinden.csv?format=xls").status == .badRequest)
        }
    }

    @Test(
        "the town profile: its Kreis with borders and neighbours, the town and its ten nearest named, under 30 KB", arguments: [TestDatabase.sqlite])
    func townProfileMap(database: TestDatabase) async throws {
        try await withAufwind(database, dataDirectory: FundingTests.dataDirectory) { app in
            try await RegisterFixture.importInto(app)
            let page = try await Browser(app).get("/gemeinden/\(Self.ahlen)")
            let start = try #require(page.body.range(of: "<svg viewBox=\"0 0 360 300\""))
            let end = try #require(page.body.range(of: "</svg>", range: start.upperBound..<page.body.endIndex))
            let map = String(page.body[start.lowerBound..<end.upperBound])
            #expect(map.utf8.count < 30_000, "\(map.utf8.count) bytes")
            #expect(map.contains("<title id=\"lage-karte-titel\">Lage von Ahlen (Landkreis Warendorf)</title>"))
            #expect(map.contains("class=\"kreis eigener\"><title>Landkreis Warendorf</title>") && map.contains("<title>Münster, Stadt</title>"))
            #expect(!map.contains("<title>Munster</title>"), "a namesake 230 km away does not stretch the frame")
            #expect(map.contains("class=\"self\"><title>Ahlen</title>") && map.contains("class=\"neighbour\"><title>Oelde</title>"))
            #expect(page.body.contains("Kreisgrenzen: © GeoBasis-DE / BKG"))
            // The Kreis page: its Gemeinden by activity, with the table beside.
            let kreis = try await Browser(app).get("/kreise/05570")
            #expect(
                kreis.body.contains("Karte: Aktivität der Gemeinden – Landkreis Warendorf")
                    && kreis.body.contains("Gemeinden auf Aufwind: aktive zuerst"))
            #expect(kreis.body.contains("class=\"gemeinde isoliert\"><title>Ahlen: ohne Eintrag, Kooperation und Verbund</title>"))
            // The Regierungsbezirk: its Kreise, linked, with the share of active Gemeinden.
            let bezirk = try await Browser(app).get("/regierungsbezirke/055")
            #expect(bezirk.body.contains("<title>Warendorf: 0 von 3 Gemeinden aktiv (0 %)</title>") && bezirk.body.contains("aktive Gemeinden</th>"))
        }
    }

    @Test("without the Kreis borders the pages keep their tables, the GeoJSON answers 404 in German", arguments: [TestDatabase.sqlite])
    func withoutShapes(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let page = try await Browser(app).get("/atlas")
            #expect(page.status == .ok && page.body.contains("liegen diesem Server nicht vor") && page.body.contains("<a href=\"/kreise/05570\">"))
            let geo = try await Browser(app).get("/api/v1/atlas/kreise.geojson")
            #expect(geo.status == .notFound && geo.body.contains("Kreisgrenzen"))
            #expect(try await Browser(app).get("/gemeinden/\(Self.ahlen)").body.contains("Lage von Ahlen und der zehn nächsten Gemeinden"))
        }
    }
}
