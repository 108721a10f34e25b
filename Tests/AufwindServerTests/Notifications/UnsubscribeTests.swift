import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

@Suite("One-click unsubscribe without login (RFC 8058)")
struct UnsubscribeTests {
    static func link(for user: UserModel, app: Application) async throws -> String {
        try await NotificationFixture.notify(user, NotificationFixture.message(.nachrichten, "Neue Nachricht"), app: app)
        let url = try #require(try await NotificationFixture.mails(to: user, app: app).last?.unsubscribeURL)
        return String(url.dropFirst("http://localhost:8080".count))
    }

    @Test(
        "GET asks and changes nothing; the mail program's POST (no session, no CSRF token) switches the category off",
        arguments: TestDatabase.available)
    func oneClick(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let path = try await Self.link(for: anna, app: app)
            let visitor = Browser(app)
            let ask = try await visitor.get(path)
            #expect(ask.status == .ok)
            #expect(ask.body.contains("Möchten Sie keine E-Mails mehr zu „Nachrichten“ erhalten?"))
            #expect(try await NotificationPreferences(database: app.db).cadence(of: anna.requireID(), for: .nachrichten) == .sofort)
            // As a mail program sends it: form-encoded "List-Unsubscribe=One-Click", nothing else.
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            var location: String?
            try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: "List-Unsubscribe=One-Click")) { response in
                #expect(response.status == .seeOther)
                location = response.headers.first(name: .location)
            }
            #expect(location == path + "?erfolg=abbestellt")
            #expect(try await NotificationPreferences(database: app.db).cadence(of: anna.requireID(), for: .nachrichten) == .nie)
            #expect(try await NotificationPreferences(database: app.db).cadence(of: anna.requireID(), for: .anfragen) == .sofort)
            let done = try await visitor.get(path)
            #expect(done.body.contains("Sie erhalten keine E-Mails mehr zu „Nachrichten“."))
            // And indeed: the next message comes in the app only.
            try await NotificationFixture.notify(anna, NotificationFixture.message(.nachrichten, "Noch eine"), app: app)
            #expect(try await NotificationFixture.mails(to: anna, app: app).count == 1)
            #expect(try await NotificationFixture.notes(of: anna, app: app).count == 2)
        }
    }

    @Test("a forged or altered link gets a German 400 page and changes nothing", arguments: TestDatabase.available)
    func forged(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let olga = try await AccountFixture.user("olga@oelde.de", on: app)
            let path = try await Self.link(for: anna, app: app)
            let parts = path.split(separator: ".").map(String.init)
            let otherUser = path.replacingOccurrences(
                of: try anna.requireID().uuidString.lowercased(), with: try olga.requireID().uuidString.lowercased())
            let otherCategory = "\(parts[0]).anfragen.\(parts[2])"
            let badSignature = "\(parts[0]).\(parts[1]).\(String(repeating: "A", count: 43))"
            for forged in [otherUser, otherCategory, badSignature, "/abmelden/irgendwas"] {
                let visitor = Browser(app)
                let shown = try await visitor.get(forged)
                #expect(shown.status == .badRequest, "\(forged)")
                #expect(shown.body.contains("Dieser Link zum Abbestellen ist ungültig oder unvollständig; es wurde nichts geändert."))
                #expect(try await visitor.post(forged, [:]).status == .badRequest)
            }
            for user in [anna, olga] {
                for category in NotificationCategory.allCases {
                    #expect(
                        try await NotificationPreferences(database: app.db).cadence(of: user.requireID(), for: category)
                            == NotificationCadence.standard(for: category))
                }
            }
        }
    }
}
