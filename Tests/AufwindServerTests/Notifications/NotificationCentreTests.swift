import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Notification centre: unread count, mark read, filter, pages")
struct NotificationCentreTests {
    @Test(
        "the navigation counts the unread ones on every page; marking one or all read is PRG with a success message",
        arguments: TestDatabase.available)
    func unreadAndMarking(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.anfragen, "Erste Anfrage", link: "/anfragen"), app: app)
            try await NotificationFixture.notify(
                anna, NotificationFixture.message(.nachrichten, "Zweite Nachricht", link: "/kooperationen"), app: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.fristen, "Dritte Frist", link: "/verbuende"), app: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            #expect(try await browser.get("/gemeinden").body.contains("Benachrichtigungen (3 neu)"))
            let centre = try await browser.get("/benachrichtigungen")
            #expect(centre.body.contains("3 ungelesen."))
            let first = try #require(try await NotificationFixture.notes(of: anna, app: app).first { $0.text == "Erste Anfrage" })
            let id = try first.requireID().uuidString.lowercased()
            let marked = try await browser.post("/benachrichtigungen/\(id)/gelesen", [:])
            #expect(marked.status == .seeOther)
            #expect(marked.headers.first(name: .location) == "/benachrichtigungen?erfolg=gelesen")
            let after = try await browser.get("/benachrichtigungen?erfolg=gelesen")
            #expect(after.body.contains("Die Benachrichtigung ist als gelesen markiert."))
            #expect(after.body.contains("Benachrichtigungen (2 neu)"))
            // "Öffnen" through the centre: marked read, then on to its page.
            let second = try #require(try await NotificationFixture.notes(of: anna, app: app).first { $0.text == "Zweite Nachricht" })
            let opened = try await browser.post("/benachrichtigungen/\(try second.requireID().uuidString.lowercased())/gelesen", ["oeffnen": "1"])
            #expect(opened.headers.first(name: .location) == "/kooperationen")
            // Opening the linked page itself marks the third one read.
            #expect(try await browser.get("/verbuende").status == .ok)
            #expect(try await NotificationFixture.notes(of: anna, app: app).allSatisfy { $0.readAt != nil })
            #expect(!(try await browser.get("/gemeinden").body.contains(" neu)")))
            // Mark all read.
            try await NotificationFixture.notify(anna, NotificationFixture.message(.anfragen, "Vierte", link: "/anfragen"), app: app)
            try await browser.get("/benachrichtigungen")
            let all = try await browser.post("/benachrichtigungen/gelesen", [:])
            #expect(all.headers.first(name: .location) == "/benachrichtigungen?erfolg=alle-gelesen")
            #expect(
                try await browser.get("/benachrichtigungen?erfolg=alle-gelesen").body.contains("Alle Benachrichtigungen sind als gelesen markiert."))
            #expect(try await NotificationFixture.notes(of: anna, app: app).allSatisfy { $0.readAt != nil })
        }
    }

    @Test("another user's notification: not found, and it stays unread; without login 401; without CSRF token 403", arguments: TestDatabase.available)
    func onlyOwn(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let olga = try await AccountFixture.user("olga@oelde.de", on: app)
            try await NotificationFixture.notify(anna, NotificationFixture.message(.anfragen, "Für Anna", link: "/anfragen"), app: app)
            let note = try #require(try await NotificationFixture.notes(of: anna, app: app).first)
            let path = "/benachrichtigungen/\(try note.requireID().uuidString.lowercased())/gelesen"
            let olgaBrowser = try await AccountFixture.signedIn(olga, app: app)
            #expect(try await olgaBrowser.post(path, [:]).status == .notFound)
            #expect(try await olgaBrowser.post("/benachrichtigungen/\(UUID().uuidString)/gelesen", [:]).status == .notFound)
            #expect(!(try await olgaBrowser.get("/benachrichtigungen").body.contains("Für Anna")))
            #expect(try await Browser(app).post(path, [:]).status == .forbidden)  // anonymous: the CSRF check comes first
            #expect(try await Browser(app).get("/benachrichtigungen").status == .unauthorized)
            let annaBrowser = try await AccountFixture.signedIn(anna, app: app)
            #expect(try await annaBrowser.post(path, [:], csrf: "falsch").status == .forbidden)
            #expect(try await NotificationFixture.notes(of: anna, app: app).allSatisfy { $0.readAt == nil })
        }
    }

    @Test("filter by category (links, no JavaScript) and 25 per page with Weiter and Zurück", arguments: TestDatabase.available)
    func filterAndPages(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await NotificationFixture.prefer(.nie, for: NotificationCategory.allCases, of: anna, app: app)
            for index in 1...30 {
                try await NotificationFixture.notify(anna, NotificationFixture.message(.passendeEintraege, "Treffer Nummer \(index)."), app: app)
            }
            try await NotificationFixture.notify(anna, NotificationFixture.message(.veranstaltungen, "Programm veröffentlicht."), app: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            let first = try await browser.get("/benachrichtigungen")
            #expect(first.body.contains("href=\"/benachrichtigungen?kategorie=passende-eintraege\""))
            #expect(first.body.components(separatedBy: "Als gelesen markieren").count - 1 == 25)
            #expect(first.body.contains("href=\"/benachrichtigungen?seite=2\"") && !first.body.contains("Zurück"))
            let second = try await browser.get("/benachrichtigungen?seite=2")
            #expect(second.body.components(separatedBy: "Als gelesen markieren").count - 1 == 6)
            #expect(second.body.contains("Zurück") && !second.body.contains("Weiter"))
            let events = try await browser.get("/benachrichtigungen?kategorie=veranstaltungen")
            #expect(events.body.contains("Programm veröffentlicht.") && !events.body.contains("Treffer Nummer"))
            #expect(events.body.contains("Alle dieser Art als gelesen markieren"))
            // Marking all of one kind read leaves the others.
            let marked = try await browser.post("/benachrichtigungen/gelesen", ["kategorie": "veranstaltungen"])
            #expect(marked.headers.first(name: .location) == "/benachrichtigungen?kategorie=veranstaltungen&erfolg=alle-gelesen")
            let notes = try await NotificationFixture.notes(of: anna, app: app)
            #expect(notes.filter { $0.readAt != nil }.map(\.text) == ["Programm veröffentlicht."])
            #expect(try await browser.get("/benachrichtigungen?kategorie=unbekannt").status == .ok)
        }
    }
}
