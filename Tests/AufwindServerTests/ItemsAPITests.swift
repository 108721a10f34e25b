import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

@Suite("Items API: search, read, partners with explanations, create and update with a token")
struct ItemsAPITests {
    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(data: try! JSONSerialization.data(withJSONObject: object))
    }

    static func token(for user: UserModel, app: Application) async throws -> String {
        let plain = "token-\(UUID().uuidString)"
        try await APITokenModel(userID: user.requireID(), name: "test", tokenHash: SecureToken.hash(plain), expiresAt: nil).create(on: app.db)
        return plain
    }

    @Test("create, read, search, partners; stale versions, strangers and bad bodies change nothing", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (anna, _) = try await ItemFixture.member("anna@ahlen.de", of: ["05570004"], app: app)
            let (moritz, _) = try await ItemFixture.member("moritz@munster.de", of: ["03358016"], app: app)
            let annaToken = try await Self.token(for: anna, app: app)
            let moritzToken = try await Self.token(for: moritz, app: app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: moritzToken)
            headers.contentType = .json

            var offerID = ""
            try await app.testing().test(
                .POST, "/api/v1/eintraege", headers: headers,
                body: Self.json([
                    "kommune": "03358016", "art": "angebot", "titel": "Digitale Schulverwaltung",
                    "beschreibung": "Unsere Schulen arbeiten mit einer digitalen Schulverwaltung.", "handlungsfelder": ["schule-bildung"],
                    "unterthemen": ["digitale-verwaltung/e-akte"], "reichweite": "bundesweit",
                ])
            ) { response in
                #expect(response.status == .created)
                let item = try response.content.decode(ItemDTO.self)
                #expect(item.version == 1 && item.handlungsfelder == ["schule-bildung", "digitale-verwaltung"] && item.kommuneName == "Munster")
                #expect(response.headers.first(name: .location) == "/api/v1/eintraege/\(item.id)")
                #expect(response.body.string.contains("\"aktualisiert\":\"20"))
                offerID = item.id
            }
            headers.bearerAuthorization = .init(token: annaToken)
            var needID = ""
            try await app.testing().test(
                .POST, "/api/v1/eintraege", headers: headers,
                body: Self.json([
                    "kommune": "05570004", "art": "bedarf", "titel": "Digitale Schulverwaltung gesucht",
                    "beschreibung": "Wir suchen ein Konzept für die digitale Schulverwaltung.", "handlungsfelder": ["schule-bildung"],
                    "reichweite": "bundesweit",
                ])
            ) { response in
                #expect(response.status == .created)
                needID = try response.content.decode(ItemDTO.self).id
            }

            // search and partners, with explanations
            try await app.testing().test(.GET, "/api/v1/eintraege?q=Schulverwaltung&land=03") { response in
                let list = try response.content.decode(ItemListDTO.self)
                #expect(list.total == 1 && list.items.first?.id == offerID)
            }
            try await app.testing().test(.GET, "/api/v1/eintraege/\(needID)/partner") { response in
                #expect(response.status == .ok)
                let partners = try response.content.decode(PartnersDTO.self)
                #expect(partners.eintraege.first?.eintrag.id == offerID)
                #expect(
                    partners.eintraege.first?.erklaerung.contains {
                        $0.grund == "Munster bietet „Digitale Schulverwaltung“ an – passt zu Ihrem Bedarf"
                    } == true)
                #expect(partners.kommunen.first?.kommune == "03358016")
            }

            // Anna may not change Munster's item; Moritz may, but not on a stale version
            let update: [String: Any] = [
                "version": 1, "art": "angebot", "titel": "Schulverwaltung digital", "beschreibung": "Neu.",
                "handlungsfelder": ["schule-bildung"], "reichweite": "region",
            ]
            try await app.testing().test(.PUT, "/api/v1/eintraege/\(offerID)", headers: headers, body: Self.json(update)) { response in
                #expect(response.status == .forbidden)
            }
            headers.bearerAuthorization = .init(token: moritzToken)
            try await app.testing().test(.PUT, "/api/v1/eintraege/\(offerID)", headers: headers, body: Self.json(update)) { response in
                #expect(response.status == .ok)
                let saved = try response.content.decode(ItemDTO.self)
                #expect(saved.version == 2)
            }
            try await app.testing().test(.PUT, "/api/v1/eintraege/\(offerID)", headers: headers, body: Self.json(update)) { response in
                #expect(response.status == .conflict && response.body.string.contains("jetzt Version 2"))
            }
            // bad bodies: unknown fields, HTML stays text, leading spaces, unknown fields in personal, unknown town
            let bad: [([String: Any], HTTPStatus)] = [
                (update.merging(["version": 2, "farbe": "rot"]) { $1 }, .badRequest),
                (update.merging(["version": 2, "titel": " Leerzeichen"]) { $1 }, .unprocessableEntity),
                (update.merging(["version": 2, "handlungsfelder": ["raumfahrt"]]) { $1 }, .unprocessableEntity),
                (update.merging(["version": 2, "art": "personal-angebot"]) { $1 }, .unprocessableEntity),
                (update.merging(["version": 2, "personal": ["rolle": "x", "gehalt": 1]]) { $1 }, .badRequest),
                (update.merging(["version": "zwei"]) { $1 }, .badRequest),
            ]
            for (body, status) in bad {
                try await app.testing().test(.PUT, "/api/v1/eintraege/\(offerID)", headers: headers, body: Self.json(body)) { response in
                    #expect(response.status == status, "\(body)")
                    #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                }
            }
            #expect(try await CooperationItemModel.find(UUID(uuidString: offerID), on: app.db)?.version == 2)
            try await app.testing().test(.POST, "/api/v1/eintraege", body: Self.json(["kommune": "03358016"])) { response in
                #expect(response.status == .unauthorized)
            }
            // HTML is kept as text and comes back as text
            try await app.testing().test(
                .POST, "/api/v1/eintraege", headers: headers,
                body: Self.json([
                    "kommune": "03358016", "art": "vorhaben", "titel": "<img src=x onerror=alert(1)>", "beschreibung": "<b>fett</b>",
                    "handlungsfelder": ["wohnen"], "reichweite": "region", "sichtbarkeit": "kommunen",
                ])
            ) { response in
                #expect(response.status == .created)
                let item = try response.content.decode(ItemDTO.self)
                #expect(item.titel == "<img src=x onerror=alert(1)>" && item.stand == "idee")
                // members-only items are not readable through the public API
                try await app.testing().test(.GET, "/api/v1/eintraege/\(item.id)") { #expect($0.status == .notFound) }
            }
        }
    }

    @Test(
        "a created draft's Location answers its town's members with a token; an item shared with towns every town's members; 404 to everybody else",
        arguments: TestDatabase.available)
    func draftLocation(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (moritz, _) = try await ItemFixture.member("moritz@munster.de", of: ["03358016"], app: app)
            let (maria, _) = try await ItemFixture.member("maria@munster.de", of: ["03358016"], app: app)
            let (anna, _) = try await ItemFixture.member("anna@ahlen.de", of: ["05570004"], app: app)
            func headers(_ user: UserModel?) async throws -> HTTPHeaders {
                var headers = HTTPHeaders()
                headers.contentType = .json
                if let user { headers.bearerAuthorization = .init(token: try await Self.token(for: user, app: app)) }
                return headers
            }
            let creator = try await headers(moritz)
            for (changes, what) in [(["veroeffentlicht": false], "draft"), (["sichtbarkeit": "kommunen"], "members-only item")]
                as [([String: Any], String)]
            {
                var location = ""
                let body: [String: Any] = [
                    "kommune": "03358016", "art": "vorhaben", "titel": "Neues Bürgerbüro", "beschreibung": "Noch nicht fertig.",
                    "handlungsfelder": ["digitale-verwaltung"], "reichweite": "region",
                ]
                try await app.testing().test(.POST, "/api/v1/eintraege", headers: creator, body: Self.json(body.merging(changes) { $1 })) {
                    response in
                    #expect(response.status == .created, "\(what)")
                    location = try #require(response.headers.first(name: .location))
                }
                try await app.testing().test(.GET, location, headers: creator) { response in
                    #expect(response.status == .ok, "\(what): the creator")
                    let item = try response.content.decode(ItemDTO.self)
                    #expect(location.hasSuffix(item.id) && item.titel == "Neues Bürgerbüro", "\(what)")
                }
                try await app.testing().test(.GET, location, headers: try await headers(maria)) { response in
                    #expect(response.status == .ok, "\(what): another member of the town")
                }
                // One rule with the site (`ItemAudience`): an item shared with towns is seen by members of
                // every town, a draft only by its own town.
                let otherTown = changes["sichtbarkeit"] != nil ? HTTPStatus.ok : .notFound
                for (stranger, who, status) in [
                    (try await headers(anna), "a member of another town", otherTown), (try await headers(nil), "nobody", .notFound),
                ] {
                    try await app.testing().test(.GET, location, headers: stranger) { response in
                        #expect(response.status == status, "\(what): \(who)")
                        if status == .notFound {
                            #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                        }
                    }
                }
                // partners are found for public items only, also for the town's members
                try await app.testing().test(.GET, "\(location)/partner", headers: creator) { #expect($0.status == .notFound, "\(what)") }
            }
            var forged = HTTPHeaders()
            forged.bearerAuthorization = .init(token: "aw_erfunden")
            let any = try #require(try await CooperationItemModel.query(on: app.db).first()?.requireID())
            try await app.testing().test(.GET, "/api/v1/eintraege/\(any.uuidString.lowercased())", headers: forged) {
                #expect($0.status == .unauthorized, "a token that is sent must be valid")
            }
        }
    }

    @Test("the published patterns are the ones the server checks")
    func schemaText() {
        #expect(SchemaText.problem("Digitale Schule", field: "titel", optional: false) == nil)
        #expect(SchemaText.problem(" vorne", field: "titel", optional: false) != nil)
        #expect(SchemaText.problem("hinten\u{3000}", field: "titel", optional: false) != nil)
        #expect(SchemaText.problem("a\u{85}b", field: "titel", optional: false) != nil)
        #expect(SchemaText.problem("Absatz eins\n\nAbsatz zwei", field: "beschreibung", multiLine: true, optional: false) == nil)
        #expect(SchemaText.problem("Zeile\nzwei", field: "titel", optional: false) != nil)
        #expect(SchemaText.problem("", field: "zeitrahmen", optional: true) == nil)
    }
}
