import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Error pages show the way on: search for what was not found, the right for what was refused")
struct ErrorPageTests {
    @Test("a page that does not exist offers the search and the lists; signed in, Mein Aufwind")
    func notFound() async throws {
        try await withAufwind(.sqlite) { app in
            let anonymous = try await Browser(app).get("/gibt-es-nicht")
            #expect(anonymous.status == .notFound)
            #expect(anonymous.body.contains("action=\"/gemeinden\"") && anonymous.body.contains("href=\"/eintraege\">Einträge durchsuchen"))
            #expect(anonymous.body.contains("href=\"/\">Zur Startseite"))
            let user = try await AccountFixture.signedIn(try await AccountFixture.user("neu@example.de", on: app), app: app)
            // an item that does not exist (a known address: the session is read there)
            let missing = try await user.get("/eintraege/\(UUID().uuidString.lowercased())")
            #expect(missing.status == .notFound && missing.body.contains("href=\"/mein-aufwind\">Zu Mein Aufwind"))
        }
    }

    @Test("a refused page says where one's towns and roles are and how to ask for membership")
    func forbidden() async throws {
        try await withAufwind(.sqlite) { app in
            let user = try await AccountFixture.signedIn(try await AccountFixture.user("neu@example.de", on: app), app: app)
            let refused = try await user.get("/admin/warteschlange")
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("href=\"/mein-aufwind\">Zu Mein Aufwind") && refused.body.contains("Mitgliedschaft beantragen"))
        }
    }
}
