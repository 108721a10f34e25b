import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

@Suite("API tokens: shown once, hashed, revocable; writes only with a token")
struct APITokenTests {
    static func put(_ app: Application, _ path: String, token: String?, cookie: String? = nil, json: String) async throws -> (HTTPStatus, String) {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if let cookie { headers.add(name: .cookie, value: cookie) }
        var result: (HTTPStatus, String)!
        try await app.testing().test(.PUT, path, headers: headers, body: ByteBuffer(string: json)) { response in
            result = (response.status, response.body.string)
        }
        return result
    }

    @Test(
        "a Verwalter's token writes the town profile; stale versions, other towns and revoked tokens are refused", arguments: TestDatabase.available)
    func tokenFlow(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await MembershipModel.confirmed(anna, in: "05570004", role: .verwalter, on: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            try await browser.get("/konto/tokens")
            let created = try await browser.post("/konto/tokens", ["name": "Ratsinformationssystem", "tage": "30", "rechte": "schreiben"])
            let secret = try #require(created.body.range(of: "<code>").map { String(created.body[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(secret.hasPrefix("aw_"))
            let stored = try #require(try await APITokenModel.query(on: app.db).first())
            #expect(stored.tokenHash == SecureToken.hash(secret) && stored.tokenHash != secret)
            #expect(!(try await browser.get("/konto/tokens").body.contains(secret)))

            let body = #"{"beschreibung":"Per API gepflegt","handlungsfelder":["mobilitaet"],"version":0}"#
            let ok = try await Self.put(app, "/api/v1/kommunen/05570004/profil", token: secret, json: body)
            #expect(ok.0 == .ok && ok.1.contains("\"version\":1"))
            #expect(try await Self.put(app, "/api/v1/kommunen/05570004/profil", token: secret, json: body).0 == .conflict)
            #expect(try await Self.put(app, "/api/v1/kommunen/05515000/profil", token: secret, json: body).0 == .forbidden)
            #expect(
                try await Self.put(app, "/api/v1/kommunen/05570004/profil", token: secret, json: #"{"version":1,"website":"ftp://x"}"#).0
                    == .unprocessableEntity)
            #expect(try await Self.put(app, "/api/v1/kommunen/05570004/profil", token: secret, json: "kein json").0 == .badRequest)

            // the session cookie does not open the API for writes
            #expect(try await Self.put(app, "/api/v1/kommunen/05570004/profil", token: nil, cookie: browser.cookie, json: body).0 == .unauthorized)
            #expect(try await Self.put(app, "/api/v1/kommunen/05570004/profil", token: "aw_erfunden", json: body).0 == .unauthorized)

            // a read-only token reads, but never writes
            let form = try await browser.get("/konto/tokens")
            #expect(form.body.contains("value=\"90\""), "an expiry is offered")
            let readOnly = try await browser.post("/konto/tokens", ["name": "Auswertung", "tage": "90"])
            let reader = try #require(readOnly.body.range(of: "<code>").map { String(readOnly.body[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(readOnly.body.contains("nur lesen"))
            let refused = try await Self.put(app, "/api/v1/kommunen/05570004/profil", token: reader, json: #"{"version":1}"#)
            #expect(refused.0 == .forbidden && refused.1.contains("darf nur lesen"))

            try await browser.get("/konto/tokens")
            try await browser.post("/konto/tokens/\(stored.id!)/widerrufen", [:])
            #expect(try await Self.put(app, "/api/v1/kommunen/05570004/profil", token: secret, json: #"{"version":1}"#).0 == .unauthorized)
        }
    }

    @Test("an API token does not work for the HTML forms")
    func tokenNotForForms() async throws {
        try await withAufwind(.sqlite) { app in
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: "aw_irgendwas")
            headers.contentType = .urlEncodedForm
            try await app.testing().test(.POST, "/konto/tokens", headers: headers, body: ByteBuffer(string: "name=x")) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("API-Tokens gelten nur für die API"))
            }
        }
    }
}
