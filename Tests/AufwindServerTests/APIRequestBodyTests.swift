import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

/// Every API request body goes through one strict decoder: what the OpenAPI document does not
/// allow (unknown fields, `null`, wrong types) is a 400 whose German detail names the field, and
/// nothing is saved.
@Suite("API request bodies: unknown fields and null are refused, naming the field; nothing is saved")
struct APIRequestBodyTests {
    /// A valid staff offer of Munster; each case below breaks one thing in it.
    static var staffOffer: [String: Any] {
        [
            "kommune": "03358016", "art": "personal-angebot", "titel": "Hausmeister teilen", "beschreibung": "Wir teilen unseren Hausmeister.",
            "handlungsfelder": ["daseinsvorsorge"], "reichweite": "region",
            "personal": ["rolle": "Hausmeister", "stundenProWoche": 10, "dauer": "ein Jahr", "form": "abordnung", "kostenteilung": "hälftig"],
        ]
    }

    static func with(_ changes: [String: Any]) -> [String: Any] { staffOffer.merging(changes) { $1 } }

    static func withStaff(_ changes: [String: Any]) -> [String: Any] {
        with(["personal": (staffOffer["personal"] as! [String: Any]).merging(changes) { $1 }])
    }

    static func headers(_ token: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.contentType = .json
        return headers
    }

    static func expectRefusal(_ response: TestingHTTPResponse, _ detail: String, _ comment: Comment) throws {
        #expect(response.status == .badRequest, comment)
        #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true, comment)
        let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(response.body.readableBytesView))
        #expect(problem.title == "Ungültige Anfrage", comment)
        #expect(problem.detail.contains(detail), "\(comment): \(problem.detail)")
    }

    @Test("items: unknown fields, null (kommune, handlungsfelder, personal.kostenteilung) and wrong types", arguments: TestDatabase.available)
    func itemBodies(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (moritz, _) = try await ItemFixture.member("moritz@munster.de", of: ["03358016"], app: app)
            let headers = Self.headers(try await ItemsAPITests.token(for: moritz, app: app))
            let refused: [([String: Any], String)] = [
                (Self.with(["kommune": NSNull()]), "„kommune“ darf nicht null sein"),
                (Self.with(["handlungsfelder": NSNull()]), "„handlungsfelder“ darf nicht null sein"),
                (Self.withStaff(["kostenteilung": NSNull()]), "„personal.kostenteilung“ darf nicht null sein"),
                (Self.with(["personal": NSNull()]), "„personal“ darf nicht null sein"),
                (Self.with(["handlungsfelder": ["wohnen", NSNull()]]), "„handlungsfelder[1]“ darf nicht null sein"),
                (Self.with(["farbe": "rot"]), "Unbekanntes Feld „farbe“. Erlaubt: ansprechperson, art, beschreibung,"),
                (
                    Self.withStaff(["gehalt": 4000]),
                    "Unbekanntes Feld „personal.gehalt“. Erlaubt: dauer, form, kostenteilung, rolle, stundenProWoche."
                ),
                (Self.withStaff(["stundenProWoche": "zehn"]), "„personal.stundenProWoche“ hat den falschen Typ: erwartet wird eine ganze Zahl."),
                (Self.with(["titel": 5]), "„titel“ hat den falschen Typ: erwartet wird ein Text."),
                (Self.with(["handlungsfelder": "wohnen"]), "„handlungsfelder“ hat den falschen Typ: erwartet wird eine Liste."),
                (Self.with(["veroeffentlicht": "ja"]), "„veroeffentlicht“ hat den falschen Typ: erwartet wird true oder false."),
            ]
            for (body, detail) in refused {
                try await app.testing().test(.POST, "/api/v1/eintraege", headers: headers, body: ItemsAPITests.json(body)) { response in
                    try Self.expectRefusal(response, detail, "\(detail)")
                }
            }
            for (text, detail) in [("[]", "Der Inhalt ist kein JSON-Objekt."), ("kein json", "Der Inhalt ist kein gültiges JSON.")] {
                try await app.testing().test(.POST, "/api/v1/eintraege", headers: headers, body: ByteBuffer(string: text)) { response in
                    try Self.expectRefusal(response, detail, "\(text)")
                }
            }
            #expect(try await CooperationItemModel.query(on: app.db).count() == 0)

            // the same offer without the breakage is fine; an optional field may be left out
            var withoutCostSplit = Self.staffOffer
            withoutCostSplit["personal"] = (Self.staffOffer["personal"] as! [String: Any]).filter { $0.key != "kostenteilung" }
            var id = ""
            for body in [Self.staffOffer, withoutCostSplit] {
                try await app.testing().test(.POST, "/api/v1/eintraege", headers: headers, body: ItemsAPITests.json(body)) { response in
                    #expect(response.status == .created)
                    id = try response.content.decode(ItemDTO.self).id
                }
            }

            // an update is read the same way and changes nothing when refused
            let update = Self.staffOffer.merging(["version": 1, "titel": "Hausmeisterin teilen"]) { $1 }
            for (change, detail) in [
                (["kommune": NSNull()], "„kommune“ darf nicht null sein"), (["version": NSNull()], "„version“ darf nicht null sein"),
                (["farbe": "rot"], "Unbekanntes Feld „farbe“"),
            ] as [([String: Any], String)] {
                let body = update.merging(change) { $1 }
                try await app.testing().test(.PUT, "/api/v1/eintraege/\(id)", headers: headers, body: ItemsAPITests.json(body)) { response in
                    try Self.expectRefusal(response, detail, "PUT \(detail)")
                }
            }
            let stored = try #require(try await CooperationItemModel.find(UUID(uuidString: id), on: app.db))
            #expect(stored.version == 1 && stored.title == "Hausmeister teilen")
        }
    }

    @Test("town profile: unknown fields, null and a missing version", arguments: TestDatabase.available)
    func profileBodies(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (anna, _) = try await ItemFixture.member("anna@ahlen.de", of: ["05570004"], role: "verwalter", app: app)
            let headers = Self.headers(try await ItemsAPITests.token(for: anna, app: app))
            let refused: [(String, String)] = [
                (#"{"version":0,"beschreibung":null}"#, "„beschreibung“ darf nicht null sein"),
                (#"{"version":0,"handlungsfelder":null}"#, "„handlungsfelder“ darf nicht null sein"),
                (#"{"version":null}"#, "„version“ darf nicht null sein"),
                (#"{"beschreibung":"Neu"}"#, "„version“ fehlt."),
                (
                    #"{"version":0,"farbe":"rot"}"#,
                    "Unbekanntes Feld „farbe“. Erlaubt: ansprechperson, beschreibung, email, handlungsfelder, version, website."
                ),
                (#"{"version":"0"}"#, "„version“ hat den falschen Typ: erwartet wird eine ganze Zahl."),
            ]
            for (body, detail) in refused {
                try await app.testing().test(.PUT, "/api/v1/kommunen/05570004/profil", headers: headers, body: ByteBuffer(string: body)) { response in
                    try Self.expectRefusal(response, detail, "\(body)")
                }
            }
            #expect(try await TownProfileModel.find("05570004", on: app.db) == nil)
            try await app.testing().test(
                .PUT, "/api/v1/kommunen/05570004/profil", headers: headers, body: ByteBuffer(string: #"{"version":0,"beschreibung":"Neu"}"#)
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
