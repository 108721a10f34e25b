import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

/// The one search box for places, through the API and the pages: Gemeinden, Kreise and
/// Gemeindeverbände by name, postcode or key.
@Suite("Place search in the API and on the pages")
struct PlaceSearchServerTests {
    /// The items of a list answer as JSON objects.
    static func items(_ browser: Browser, _ path: String) async throws -> [[String: Any]] {
        let answer = try await browser.get(path)
        #expect(answer.status == .ok, "\(path)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any], "\(path)")
        return try #require(list["items"] as? [[String: Any]], "\(path)")
    }

    static func hits(_ browser: Browser, _ path: String) async throws -> [String] {
        try await items(browser, path).map { item in
            let key = item["ags"] ?? item["ags5"] ?? item["ars9"] ?? "?"
            return "\(item["treffertyp"] ?? "?") \(key)"
        }
    }

    @Test("the API finds Kreise, Verbände, keys and postcodes; each hit says its treffertyp", arguments: TestDatabase.available)
    func api(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let client = Browser(app)
            let expected: [(String, [String])] = [
                ("Warendorf", ["gemeinde 05570052", "kreis 05570"]),
                ("Kreis%20Warendorf", ["kreis 05570"]),
                ("Landkreis%20Warendorf", ["kreis 05570"]),
                ("Schwarmstedt", ["gemeinde 03358020", "gemeindeverband 033585403"]),
                ("Samtgemeinde%20Schwarmstedt", ["gemeindeverband 033585403"]),
                ("29690", ["gemeinde 03358020", "gemeinde 03358005"]),
                ("48231", ["gemeinde 05570052"]),
                ("05570004", ["gemeinde 05570004"]),
                ("055700004004", ["gemeinde 05570004"]),
                ("033585403", ["gemeindeverband 033585403"]),
                ("033585403000", ["gemeindeverband 033585403"]),
            ]
            for (query, hits) in expected {
                #expect(try await Self.hits(client, "/api/v1/gemeinden?q=\(query)") == hits, "q=\(query)")
            }

            // A Gemeinde hit is the Gemeinde as before (typ is its official type), a Kreis hit the
            // Kreis as /api/v1/kreise shows it, a Verband hit the Verband with its Kreis.
            let warendorf = try await Self.items(client, "/api/v1/gemeinden?q=Warendorf&von=05570004&sort=relevanz")
            #expect(warendorf[0]["typ"] as? String == "Stadt" && warendorf[0]["plz"] as? String == "48231")
            #expect(warendorf[0]["kurzname"] as? String == "Warendorf" && warendorf[0]["entfernungKm"] is Double)
            #expect(warendorf[1]["typ"] as? String == "Landkreis" && warendorf[1]["gemeinden"] as? Int == 3)
            #expect(warendorf[1]["einwohner"] as? Int == 52_666 + 29_400 + 37_800 && warendorf[1]["entfernungKm"] is Double)
            let verband = try #require(try await Self.items(client, "/api/v1/gemeinden?q=Samtgemeinde%20Schwarmstedt").first)
            #expect(verband["typ"] as? String == "Samtgemeinde" && verband["gemeinden"] as? Int == 2)
            #expect((verband["kreis"] as? [String: Any])?["schluessel"] as? String == "03358")
            #expect(verband["einwohner"] as? Int == 5_759 + 2_178)

            // A Größenklasse keeps Gemeinden only; the listing without text too, and still decodes as before.
            #expect(try await Self.hits(client, "/api/v1/gemeinden?q=Warendorf&groesse=mittelstadt") == ["gemeinde 05570052"])
            let listing = try await client.get("/api/v1/gemeinden?land=05")
            #expect(try JSONDecoder().decode(GemeindeListDTO.self, from: Data(listing.body.utf8)).total == 4)
            #expect(try await Self.items(client, "/api/v1/gemeinden").allSatisfy { $0["treffertyp"] as? String == "gemeinde" })
        }
    }

    @Test("the API describes a Gemeindeverband with its Gemeinden", arguments: TestDatabase.available)
    func verbandAPI(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let client = Browser(app)
            let answer = try await client.get("/api/v1/gemeindeverbaende/033585403")
            #expect(answer.status == .ok)
            let detail = try JSONDecoder().decode(GemeindeverbandDetailDTO.self, from: Data(answer.body.utf8))
            #expect(detail.gemeindeverband.typ == "Samtgemeinde" && detail.gemeindeverband.sitz == "Schwarmstedt")
            #expect(detail.gemeindeverband.land?.name == "Niedersachsen")
            #expect(detail.gemeindeListe.map(\.ags) == ["03358005", "03358020"])
            #expect(try await client.get("/api/v1/gemeindeverbaende/03358").status == .badRequest)
            let missing = try await client.get("/api/v1/gemeindeverbaende/099999999")
            #expect(missing.status == .notFound && missing.body.contains("keinen Gemeindeverband"))
        }
    }

    @Test("the document names the three kinds of hits as the core does")
    func documentedKinds() throws {
        let treffer = try OpenAPIDocumentTests.schema("Treffer")
        let mapping = try #require((treffer["discriminator"] as? [String: Any])?["mapping"] as? [String: String])
        #expect(Set(mapping.keys) == Set(PlaceKind.allCases.map(\.rawValue)))
        for (kind, reference) in mapping {
            let name = try #require(reference.components(separatedBy: "/").last)
            let parts = try #require(try OpenAPIDocumentTests.schema(name)["allOf"] as? [[String: Any]])
            let constants = parts.compactMap { (($0["properties"] as? [String: Any])?["treffertyp"] as? [String: Any])?["const"] as? String }
            #expect(constants == [kind], "\(name)")
        }
    }

    @Test("the search page lists towns, Kreise and Verbände, each linked to its page", arguments: TestDatabase.available)
    func searchPage(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let visitor = Browser(app)
            let warendorf = try await visitor.get("/gemeinden?q=Warendorf")
            #expect(warendorf.body.contains("2 Treffer gefunden"))
            let town = try #require(warendorf.body.range(of: "href=\"/gemeinden/05570052\""))
            let kreis = try #require(warendorf.body.range(of: "href=\"/kreise/05570\""))
            #expect(town.lowerBound < kreis.lowerBound)
            #expect(warendorf.body.contains("<span class=\"badge\">Landkreis</span>"))

            let verband = try await visitor.get("/gemeinden?q=Samtgemeinde+Schwarmstedt")
            #expect(verband.body.contains("href=\"/gemeindeverbaende/033585403\""))
            #expect(verband.body.contains("<span class=\"badge\">Samtgemeinde</span>"))
            #expect(verband.body.contains("2 Gemeinden: Schwarmstedt, Buchholz (Aller) · Heidekreis · Niedersachsen"))

            let postcode = try await visitor.get("/gemeinden?q=29690")
            #expect(postcode.body.contains("PLZ 29690") && postcode.body.contains("href=\"/gemeinden/03358005\""))

            let nothing = try await visitor.get("/gemeinden?q=Kreis+Nirgendwo")
            #expect(nothing.status == .ok && nothing.body.contains("Keine Gemeinde, kein Kreis und kein Gemeindeverband gefunden."))
        }
    }

    @Test("a Gemeindeverband has a page with its Gemeinden; a verbandsfreie Gemeinde's leads to the Gemeinde", arguments: TestDatabase.available)
    func verbandPage(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let visitor = Browser(app)
            let page = try await visitor.get("/gemeindeverbaende/033585403")
            #expect(page.status == .ok)
            for fact in [
                "<h1>Schwarmstedt</h1>", "Samtgemeinde", "Sitz: Schwarmstedt", "href=\"/kreise/03358\"", "href=\"/laender/03\"",
                "Mitgliedsgemeinden, nach Einwohnern", "href=\"/gemeinden/03358020\"", "href=\"/gemeinden/03358005\"", "7.937",
            ] {
                #expect(page.body.contains(fact), "Verband page should show \(fact)")
            }
            // The Gemeinde's profile and the Kreis's table lead to the Verband.
            #expect(try await visitor.get("/gemeinden/03358020").body.contains("href=\"/gemeindeverbaende/033585403\""))
            #expect(try await visitor.get("/kreise/03358").body.contains("href=\"/gemeindeverbaende/033585403\""))

            let verbandsfrei = try await visitor.get("/gemeindeverbaende/055700004")
            #expect(verbandsfrei.status == .seeOther && verbandsfrei.headers.first(name: .location) == "/gemeinden/05570004")
            let missing = try await visitor.get("/gemeindeverbaende/099999999")
            #expect(missing.status == .notFound && missing.body.contains("Es gibt keinen Gemeindeverband mit dem Schlüssel 099999999."))
            #expect(try await visitor.get("/gemeindeverbaende/0335854").status == .badRequest)
        }
    }

    @Test("the import stores the Verband record and the postcodes; importing again changes nothing", arguments: TestDatabase.available)
    func importStoresVerband(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let added = try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            #expect(added.changes.insertedUnits.map(\.key) == ["033585403"])
            #expect(Set(added.changes.insertedGemeinden.map(\.ags)) == ["03358005", "03358020"])
            #expect(try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile()).changes.isEmpty)
            let stored = try #require(try await GebietseinheitModel.find("033585403", on: app.db))
            #expect(stored.kind == "gemeindeverband" && stored.typeCode == 52 && stored.seat == "Schwarmstedt")
            #expect(try await GemeindeModel.find("03358005", on: app.db)?.postcode == "29690")
            // The catalog loaded from the database finds them.
            let catalog = app.registerStore.catalog
            #expect(try catalog.places(GemeindeQuery(text: "Samtgemeinde Schwarmstedt")).items.map(\.place.key) == ["033585403"])
            #expect(try catalog.places(GemeindeQuery(text: "29690")).items.map(\.place.key) == ["03358020", "03358005"])
        }
    }
}
