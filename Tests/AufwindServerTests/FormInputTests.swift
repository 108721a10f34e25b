import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Forms as browsers send them: long texts arrive whole, oversized bodies and control characters are refused")
struct FormInputTests {
    static let ahlen = "05570004"
    static let browserHeaders = [
        ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
        ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"),
        ("Accept-Language", "de-DE,de;q=0.9,en;q=0.8"),
        ("Accept-Encoding", "gzip, deflate, br"),
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("Origin", "http://127.0.0.1"),
        ("Referer", "http://127.0.0.1/eintraege/neu"),
        ("Upgrade-Insecure-Requests", "1"),
        ("Sec-Fetch-Site", "same-origin"), ("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-User", "?1"), ("Sec-Fetch-Dest", "document"),
    ]

    /// A description of exactly 4,999 characters with umlauts and line breaks.
    static let longDescription: String = {
        let sentence = "Die Gemeinde Ahlen sucht Partner für eine gemeinsame Schulverwaltung – Größe, Übergänge, Köpfe.\n"
        var text = String(repeating: sentence, count: 4_999 / sentence.count + 1)
        text = String(text.prefix(4_999))
        if text.last == "\n" { text = String(text.dropLast()) + "x" }
        return text
    }()

    @Test(
        "a 4,999-character description through a real socket in chunks is saved whole; a body over the limit gets 413 and saves nothing",
        arguments: TestDatabase.available)
    func longForm(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            try await anna.get("/eintraege/neu")
            let csrf = try #require(anna.lastCSRF)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            do {
                #expect(Self.longDescription.count == 4_999)
                // Browsers send a textarea's line breaks as CRLF; each counts as one character.
                let typed = Self.longDescription.replacingOccurrences(of: "\n", with: "\r\n")
                let body = RawHTTPClient.form(
                    ItemFixture.form(kind: .bedarf, title: "Gemeinsame Schulverwaltung", description: typed, town: Self.ahlen)
                        + [(CSRF.fieldName, csrf)])
                #expect(body.utf8.count > 7_000, "the body spans many network chunks")
                let headers = Self.browserHeaders + [("Cookie", anna.cookie ?? "")]
                let saved = try await RawHTTPClient.post(port: port, path: "/eintraege", headers: headers, body: body, group: app.eventLoopGroup)
                #expect(saved.status == 303, "\(saved.head)\n\(saved.body.prefix(500))")
                let item = try #require(try await CooperationItemModel.query(on: app.db).first())
                #expect(item.description == Self.longDescription)

                let huge = RawHTTPClient.form(
                    ItemFixture.form(title: "Zu groß", description: String(repeating: "ä", count: 60_000), town: Self.ahlen) + [
                        (CSRF.fieldName, csrf)
                    ])
                let refused = try await RawHTTPClient.post(
                    port: port, path: "/eintraege", headers: headers, body: huge, chunkSize: 16_000, group: app.eventLoopGroup)
                #expect(refused.status == 413 && refused.body.contains("Es wurde nichts gespeichert"))
                #expect(try await CooperationItemModel.query(on: app.db).count() == 1)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    @Test("NUL bytes and bidi overrides are refused in German with 400 everywhere, before the database sees them", arguments: TestDatabase.available)
    func controlCharacters(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let browser = Browser(app)
            try await browser.get("/registrieren")
            let nul = try await browser.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Anna\u{0}", "email": "anna@ahlen.de", "password": "sehr-geheim-123"])
            #expect(nul.status == .badRequest && nul.body.contains("unzulässige Steuerzeichen") && nul.body.contains("„name“"))
            let mailNUL = try await browser.post(
                "/registrieren", ["nutzungsbedingungen": "ja", "name": "Anna", "email": "anna\u{0}@ahlen.de", "password": "sehr-geheim-123"])
            #expect(mailNUL.status == .badRequest)
            try await browser.get("/anmelden")
            #expect(try await browser.post("/anmelden", ["email": "x\u{0}@ahlen.de", "password": "egal-egal-egal"]).status == .badRequest)
            try await browser.get("/passwort-vergessen")
            #expect(try await browser.post("/passwort-vergessen", ["email": "x\u{0}@ahlen.de"]).status == .badRequest)
            #expect(try await browser.get("/gemeinden?q=Ahlen%00").status == .badRequest)
            #expect(try await UserModel.query(on: app.db).count() == 0)
            #expect(try await AccountRequestModel.query(on: app.db).count() == 0)

            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let signedIn = try await AccountFixture.signedIn(user, app: app)
            try await signedIn.get("/konto/tokens")
            let bidi = try await signedIn.post("/konto/tokens", ["name": "Rats\u{202E}txt.exe"])
            #expect(bidi.status == .badRequest && bidi.body.contains("unzulässige Steuerzeichen"))
            #expect(try await APITokenModel.query(on: app.db).count() == 0)

            var status: HTTPStatus = .ok
            var body = ""
            try await app.testing().test(
                .PUT, "/api/v1/kommunen/05570004/profil",
                headers: ["Content-Type": "application/json", "Authorization": "Bearer aw_x"],
                body: ByteBuffer(string: #"{"beschreibung":"Hallo\u0000Welt"}"#)
            ) { response in
                status = response.status
                body = response.body.string
            }
            #expect(status == .badRequest, "\(status) \(body)")
            #expect(body.contains("beschreibung“") && body.contains("unzulässige Steuerzeichen"))
        }
    }
}
