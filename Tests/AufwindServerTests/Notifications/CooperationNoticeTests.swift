import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Cooperations: the request opens the thread, messages reach the other town by mail, contact cards")
struct CooperationNoticeTests {
    static let ahlen = "05570004", oelde = "05570036"

    @Test(
        "the interest's message is the thread's first message; a new message mails sender, text and reply link to the other town only",
        arguments: TestDatabase.available)
    func threadAndMessages(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let probe = NotificationProbe(app: app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            try await ItemFixture.member("bert@ahlen.de", of: [Self.ahlen], app: app)
            let (olgaUser, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .angebot, title: "Digitale Schulverwaltung", town: Self.ahlen))
            try await olga.get("/eintraege/\(item)")
            #expect(
                try await olga.post("/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": "Wir möchten mitmachen."]).status
                    == .seeOther)
            let request = try #require(try await InterestRequestModel.query(on: app.db).first())
            app.testClock.advance(by: 3 * 3600)

            try await anna.get("/anfragen")
            let accepted = try await anna.post("/anfragen/\(request.id!)/entscheidung", ["entscheidung": "annehmen"])
            let thread = try #require(accepted.headers.redirectPath)
            let messages = try await CooperationMessageModel.query(on: app.db).all()
            let first = try #require(messages.first)
            #expect(messages.count == 1 && first.body == "Wir möchten mitmachen." && first.authorKey == Self.oelde)
            #expect(first.authorID == olgaUser.id && first.authorName == "olga")
            #expect(abs((first.createdAt ?? .distantPast).timeIntervalSince(request.createdAt ?? .distantFuture)) < 1, "written when she asked")
            #expect(try await anna.get(thread).body.contains("Wir möchten mitmachen."))

            // Anna answers: Olga gets a mail with Anna's name, the text and the link to reply; Ahlen's members do not
            let before = try await probe.notes("bert@ahlen.de").count
            try await anna.get(thread)
            #expect(try await anna.post(thread + "/nachrichten", ["kommune": Self.ahlen, "nachricht": "Dienstag um 10 Uhr?"]).status == .seeOther)
            let mail = try #require(try await probe.mails("olga@oelde.de").last)
            #expect(mail.subject == "Neue Nachricht: Ahlen")
            #expect(mail.body.contains("anna (Ahlen) schreibt zu „Digitale Schulverwaltung“:") && mail.body.contains("Dienstag um 10 Uhr?"))
            #expect(mail.body.contains("Antworten: \(app.aufwindConfig.baseURL)\(thread)"))
            #expect(try await probe.notes("bert@ahlen.de").count == before)
            #expect(try await probe.notes("anna@ahlen.de").allSatisfy { !$0.text.contains("schreibt") })
        }
    }

    @Test(
        "contact cards: name, town and role of both towns' members; the e-mail address only of who allows it (off by default)",
        arguments: TestDatabase.available)
    func contactCards(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .angebot, title: "Gemeinsamer Bauhof", town: Self.ahlen))
            try await olga.get("/eintraege/\(item)")
            try await olga.post("/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": "Interesse"])
            let request = try #require(try await InterestRequestModel.query(on: app.db).first())
            try await anna.get("/anfragen")
            let thread = try #require(
                try await anna.post("/anfragen/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).headers.redirectPath)

            let page = try await anna.get(thread)
            #expect(page.body.contains("<strong>anna</strong><div class=\"meta\">Ahlen · Verwalter:in</div>"))
            #expect(page.body.contains("<strong>olga</strong><div class=\"meta\">Oelde · Mitglied</div>"))
            #expect(!page.body.contains("olga@oelde.de") && !page.body.contains("anna@ahlen.de"))

            // Olga allows it in her account settings (303 to the settings with a success message)
            try await olga.get("/konto")
            let saved = try await olga.post("/konto/kontaktkarte", ["emailzeigen": "ja"])
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/konto?erfolg=sichtbarkeit-gespeichert")
            #expect(try await olga.get("/konto").body.contains("name=\"emailzeigen\" value=\"ja\" checked"))
            let after = try await anna.get(thread)
            #expect(after.body.contains("<a href=\"mailto:olga@oelde.de\">olga@oelde.de</a>") && !after.body.contains("anna@ahlen.de"))
            // and switches it off again: an unticked box is not sent at all
            try await olga.get("/konto")
            #expect(try await olga.post("/konto/kontaktkarte", [:]).status == .seeOther)
            #expect(!(try await anna.get(thread).body.contains("olga@oelde.de")))
        }
    }
}
