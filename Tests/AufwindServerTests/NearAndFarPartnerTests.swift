import AufwindCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

/// Partner suggestions honour the reach an item asks for: within it first, farther away only on
/// the same theme; topic before form; explanations in the users' words.
@Suite("Partner suggestions near and far: API, item page, Passt zu uns")
struct NearAndFarPartnerTests {
    static let ahlen = "05570004"
    /// 18.7 km from Ahlen.
    static let oelde = "05570036"
    /// 22.3 km from Ahlen.
    static let warendorf = "05570052"
    /// 28.6 km from Ahlen: beyond the Nachbarschaft.
    static let muenster = "05515000"
    /// 201.8 km from Ahlen.
    static let munster = "03358016"
    static let itSicherheit = "digitale-verwaltung/it-sicherheit"

    /// A world where Ahlen looks for a shared IT-security officer in its Nachbarschaft; returns
    /// the ids by name and a browser signed in as a member of every town.
    static func world(_ app: Application) async throws -> (ids: [String: String], browser: Browser) {
        try await RegisterFixture.importInto(app)
        let (user, browser) = try await ItemFixture.member(
            "verbund@example.de", of: [ahlen, oelde, warendorf, muenster, munster], app: app)
        let token = try await ItemsAPITests.token(for: user, app: app)
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.contentType = .json
        let staff: [String: Any] = ["rolle": "Fachkraft", "stundenProWoche": 10, "dauer": "zwei Jahre", "form": "gemeinsame-stelle"]
        let items: [(String, [String: Any])] = [
            (
                "frage",
                [
                    "kommune": ahlen, "art": "personal-bedarf", "titel": "Informationssicherheitsbeauftragte gemeinsam bestellen",
                    "beschreibung": "Wir möchten eine Informationssicherheitsbeauftragte mit Nachbarkommunen teilen.",
                    "handlungsfelder": ["digitale-verwaltung"], "unterthemen": [itSicherheit], "reichweite": "nachbarschaft", "personal": staff,
                ]
            ),
            (
                "oelde-isb",
                [
                    "kommune": oelde, "art": "angebot", "titel": "IT-Sicherheit im Verbund", "beschreibung": "Wir teilen unser Wissen.",
                    "handlungsfelder": ["digitale-verwaltung"], "unterthemen": [itSicherheit], "reichweite": "region",
                ]
            ),
            (
                "warendorf-akte",
                [
                    "kommune": warendorf, "art": "vorhaben", "titel": "E-Akte einführen", "beschreibung": "Die E-Akte kommt.",
                    "handlungsfelder": ["digitale-verwaltung"], "unterthemen": ["digitale-verwaltung/e-akte"], "reichweite": "region",
                ]
            ),
            (
                "warendorf-personal",
                [
                    "kommune": warendorf, "art": "personal-angebot", "titel": "Hausmeister gemeinsam beschäftigen",
                    "beschreibung": "Wir möchten einen Hausmeister mit Nachbarkommunen teilen.", "handlungsfelder": ["wohnen"],
                    "reichweite": "region", "personal": staff,
                ]
            ),
            (
                "muenster-isb",
                [
                    "kommune": muenster, "art": "vorhaben", "titel": "Informationssicherheitsbeauftragte für Schulen",
                    "beschreibung": "Ein Konzept für alle Schulen.", "handlungsfelder": ["digitale-verwaltung"], "unterthemen": [itSicherheit],
                    "reichweite": "bundesweit",
                ]
            ),
            (
                "munster-akte",
                [
                    "kommune": munster, "art": "angebot", "titel": "E-Akte für Nachbarkommunen", "beschreibung": "Wir teilen unsere E-Akte.",
                    "handlungsfelder": ["digitale-verwaltung"], "unterthemen": ["digitale-verwaltung/e-akte"], "reichweite": "bundesweit",
                ]
            ),
        ]
        var ids: [String: String] = [:]
        for (name, body) in items {
            try await app.testing().test(.POST, "/api/v1/eintraege", headers: headers, body: ItemsAPITests.json(body)) { response in
                #expect(response.status == .created, "\(name): \(response.body.string)")
                ids[name] = try response.content.decode(ItemDTO.self).id
            }
        }
        return (ids, browser)
    }

    @Test("API: every partner with entfernungKm and inReichweite, none out of reach before one within it", arguments: TestDatabase.available)
    func api(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let (ids, _) = try await Self.world(app)
            let name = Dictionary(uniqueKeysWithValues: ids.map { ($1, $0) })
            try await app.testing().test(.GET, "/api/v1/eintraege/\(ids["frage"]!)/partner") { response in
                #expect(response.status == .ok)
                let partners = try response.content.decode(PartnersDTO.self)
                let order = partners.eintraege.map { name[$0.eintrag.id] ?? $0.eintrag.id }
                // within 25 km: the same sub-theme first, the staff offer on another topic last;
                // beyond: only the same sub-theme (Munster's E-Akte shares the field, not the sub-theme)
                #expect(order == ["oelde-isb", "warendorf-akte", "warendorf-personal", "muenster-isb"])
                #expect(partners.eintraege.map(\.inReichweite) == [true, true, true, false])
                #expect(!zip(partners.eintraege, partners.eintraege.dropFirst()).contains { !$0.inReichweite && $1.inReichweite })
                #expect(partners.eintraege.map { $0.entfernungKm ?? -1 } == [18.7, 22.3, 22.3, 28.6])
                // topic before form: the staff offer answers the staff need in form only
                let staff = try #require(partners.eintraege.first { name[$0.eintrag.id] == "warendorf-personal" })
                let sameTheme = try #require(partners.eintraege.first { name[$0.eintrag.id] == "oelde-isb" })
                #expect(staff.score < 0.3 && sameTheme.score >= 0.36)
                #expect(staff.erklaerung.contains { $0.komponente == "ergaenzung" && $0.wert == 1 })
                #expect(abs(sameTheme.score - sameTheme.themenbezug * (0.6 + 0.4 * sameTheme.rahmen)) < 1e-12)
                // the explanation names the word as written
                let muenster = try #require(partners.eintraege.last)
                #expect(muenster.erklaerung.contains { $0.grund == "ähnliche Begriffe: Informationssicherheitsbeauftragte" })

                #expect(partners.kommunen.map(\.kommune) == [Self.oelde, Self.warendorf, Self.muenster])
                #expect(partners.kommunen.map(\.inReichweite) == [true, true, false])
                #expect(partners.kommunen.map { $0.entfernungKm ?? -1 } == [18.7, 22.3, 28.6])

                // every partner carries both fields in the JSON itself
                let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                for list in ["eintraege", "kommunen"] {
                    for entry in try #require(json[list] as? [[String: Any]]) {
                        #expect(entry["entfernungKm"] is Double && entry["inReichweite"] is Bool, "\(list)")
                    }
                }
            }
            // limit counts per group
            try await app.testing().test(.GET, "/api/v1/eintraege/\(ids["frage"]!)/partner?limit=1") { response in
                let partners = try response.content.decode(PartnersDTO.self)
                #expect(partners.eintraege.map { name[$0.eintrag.id] } == ["oelde-isb", "muenster-isb"])
                #expect(partners.kommunen.map(\.kommune) == [Self.oelde, Self.muenster])
            }
            // bundesweit: one group, every partner within reach
            try await app.testing().test(.GET, "/api/v1/eintraege/\(ids["muenster-isb"]!)/partner") { response in
                let partners = try response.content.decode(PartnersDTO.self)
                #expect(!partners.eintraege.isEmpty && partners.eintraege.allSatisfy { $0.inReichweite })
                #expect(partners.eintraege.contains { $0.eintrag.kommune == Self.munster })
            }
        }
    }

    @Test("the item page shows both labelled groups; an empty group says so and what helps", arguments: TestDatabase.available)
    func itemPage(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let (ids, browser) = try await Self.world(app)
            let page = try await browser.get("/eintraege/\(ids["frage"]!)").body
            let entries = try #require(page.range(of: "Passende Einträge anderer Kommunen"))
            let towns = try #require(page.range(of: "<h2>Passende Kommunen</h2>"))
            let itemPart = String(page[entries.upperBound..<towns.lowerBound])
            let near = try #require(itemPart.range(of: "<h3>In Ihrer Reichweite</h3>"))
            let far = try #require(itemPart.range(of: "<h3>Weiter entfernt, gleiches Thema</h3>"))
            #expect(near.upperBound < far.lowerBound)
            #expect(itemPart.contains("Partnersuche: Nachbarschaft (bis 25 km)"))
            let oelde = try #require(itemPart.range(of: "IT-Sicherheit im Verbund</a>"))
            let muenster = try #require(itemPart.range(of: "Informationssicherheitsbeauftragte für Schulen</a>"))
            #expect(oelde.lowerBound > near.upperBound && oelde.upperBound < far.lowerBound && muenster.lowerBound > far.upperBound)
            #expect(itemPart.contains("Außerhalb Ihrer Reichweite, nur Einträge zum Unterthema „IT-Sicherheit“"))
            #expect(!itemPart.contains("E-Akte für Nachbarkommunen"))
            #expect(itemPart.contains("19 km entfernt") && itemPart.contains("29 km entfernt"))
            #expect(itemPart.contains("Zuerst zählt das Thema – gemeinsames Unterthema"))
            #expect(itemPart.contains("ähnliche Begriffe: Informationssicherheitsbeauftragte"))
            let townPart = String(page[towns.upperBound...])
            #expect(townPart.contains("<h3>In Ihrer Reichweite</h3>") && townPart.contains("<h3>Weiter entfernt, gleiches Thema</h3>"))

            // Munster alone in its Nachbarschaft: the empty group says so and what would help
            let aloneID = try await Self.nachbarschaftItem(in: Self.munster, browser: browser)
            let alone = try await browser.get("/eintraege/\(aloneID)").body
            #expect(
                alone.contains(
                    "In Ihrer Reichweite gibt es noch keine passenden Einträge. Mit der Reichweite „Region“ (bis 75 km oder gleicher Kreis) kommen mehr Partner in Frage."
                ))
            #expect(alone.contains("In Ihrer Reichweite passt noch keine Kommune."))
            #expect(alone.contains("<h3>Weiter entfernt, gleiches Thema</h3>"))

            // bundesweit: one list without group headings
            let wide = try await browser.get("/eintraege/\(ids["muenster-isb"]!)").body
            #expect(!wide.contains("In Ihrer Reichweite") && !wide.contains("Weiter entfernt, gleiches Thema"))
            #expect(wide.contains("E-Akte für Nachbarkommunen") || wide.contains("IT-Sicherheit im Verbund"))
        }
    }

    /// A Nachbarschaft item on a theme nobody else has, through the form.
    static func nachbarschaftItem(in town: String, browser: Browser) async throws -> String {
        try await ItemFixture.create(
            browser,
            ItemFixture.form(
                kind: .vorhaben, title: "Deichschau mit Drohnen", description: "Hochwasserschutz an der Örtze.", fields: [.sicherheit],
                reach: .nachbarschaft, town: town, status: .partnerGesucht))
    }

    @Test(
        "Passt zu uns follows the same rule: towns within the reach of an item first, farther only on the same theme",
        arguments: TestDatabase.available)
    func townSuggestions(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let (_, browser) = try await Self.world(app)
            let page = try await browser.get("/kommunen/\(Self.ahlen)/passt-zu-uns").body
            let near = try #require(page.range(of: "<h3>In Ihrer Reichweite</h3>"))
            let far = try #require(page.range(of: "<h3>Weiter entfernt, gleiches Thema</h3>"))
            func at(_ name: String) throws -> Range<String.Index> { try #require(page.range(of: ">\(name)</a>"), "\(name)") }
            #expect(try at("Oelde").lowerBound > near.upperBound && at("Oelde").upperBound < far.lowerBound)
            #expect(try at("Warendorf").lowerBound > near.upperBound && at("Warendorf").upperBound < far.lowerBound)
            #expect(try at("Münster").lowerBound > far.upperBound)
            #expect(!page.contains(">Munster</a>"))
            #expect(page.contains("19 km entfernt") && page.contains("29 km entfernt"))
            // the engine's town suggestions for the item page follow the same rule
            let engine = app.matchStore.engine
            let query = try #require(engine.items(ownedBy: Self.ahlen).first)
            let towns = engine.townMatches(for: query)
            #expect(towns.inReach.map(\.town) == [Self.oelde, Self.warendorf] && towns.farther.map(\.town) == [Self.muenster])
        }
    }
}
