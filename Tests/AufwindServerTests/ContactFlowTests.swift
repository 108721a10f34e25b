import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Making contact: interest, decision, cooperation, messages, notifications")
struct ContactFlowTests {
    static let ahlen = "05570004", oelde = "05570036", muenster = "05515000"

    @Test("Oelde asks, a second request is refused, Ahlen accepts, both talk; outsiders cannot read", arguments: TestDatabase.available)
    func endToEnd(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (bert, _) = try await ItemFixture.member("bert@ahlen.de", of: [Self.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let (_, otto) = try await ItemFixture.member("otto@oelde.de", of: [Self.oelde], app: app)
            let (_, max) = try await ItemFixture.member("max@muenster.de", of: [Self.muenster], app: app)
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .angebot, title: "Digitale Schulverwaltung", town: Self.ahlen))

            // Oelde expresses interest; Ahlen's members are told in the app and by mail
            try await olga.get("/eintraege/\(item)")
            let sent = try await olga.post("/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": "Wir möchten <b>mitmachen</b>."])
            #expect(sent.status == .seeOther && sent.headers.first(name: .location) == "/eintraege/\(item)?erfolg=interesse-gesendet")
            #expect(try await olga.get("/eintraege/\(item)?erfolg=interesse-gesendet").body.contains("Ihre Anfrage ist gesendet"))
            let note = try await NotificationModel.query(on: app.db).filter(\.$userID == bert.requireID()).first()
            #expect(note?.text == "Oelde bekundet Interesse an „Digitale Schulverwaltung“.")
            #expect(try await MailModel.query(on: app.db).filter(\.$recipient == "bert@ahlen.de").count() == 1)

            // a second request of the same town (another member, or the same) is refused
            try await otto.get("/eintraege/\(item)")
            let duplicate = try await otto.post("/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": "Nochmal"])
            #expect(duplicate.status == .conflict && duplicate.body.contains("bereits Interesse bekundet (Status: offen)"))
            #expect(try await InterestRequestModel.query(on: app.db).count() == 1)
            // own items, empty messages and foreign towns are refused
            try await anna.get("/eintraege/\(item)")
            #expect(try await anna.post("/eintraege/\(item)/interesse", ["kommune": Self.ahlen, "nachricht": "x"]).status == .unprocessableEntity)
            try await max.get("/eintraege/\(item)")
            #expect(try await max.post("/eintraege/\(item)/interesse", ["kommune": Self.muenster, "nachricht": " "]).status == .unprocessableEntity)
            #expect(try await max.post("/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": "für Oelde"]).status == .forbidden)

            // only Ahlen's members decide; Anna accepts, a second decision is refused
            let request = try #require(try await InterestRequestModel.query(on: app.db).first())
            let requests = try await anna.get("/anfragen")
            #expect(requests.body.contains("Wir möchten &lt;b&gt;mitmachen&lt;/b&gt;."))
            #expect(try await olga.post("/anfragen/\(request.id!)/entscheidung", ["entscheidung": "annehmen"]).status == .forbidden)
            let accepted = try await anna.post("/anfragen/\(request.id!)/entscheidung", ["entscheidung": "annehmen"])
            #expect(accepted.status == .seeOther)
            let thread = try #require(accepted.headers.redirectPath)
            #expect(try await anna.post("/anfragen/\(request.id!)/entscheidung", ["entscheidung": "ablehnen"]).status == .conflict)
            #expect(try await InterestRequestModel.find(request.id, on: app.db)?.statusValue == .accepted)
            #expect(app.matchStore.engine.towns[Self.ahlen]?.answeredRequests == 1)

            // the cooperation shows on both towns' pages; Oelde was told
            for town in [Self.ahlen, Self.oelde] {
                let profile = try await Browser(app).get("/gemeinden/\(town)")
                #expect(profile.body.contains("Kooperationen") && profile.body.contains("Digitale Schulverwaltung</a>"))
            }
            #expect(try await olga.get("/benachrichtigungen").body.contains("Ahlen hat Ihr Interesse an „Digitale Schulverwaltung“ angenommen"))

            // a short thread: both towns write, outsiders may not read or write
            try await olga.get(thread)
            #expect(try await olga.post(thread + "/nachrichten", ["kommune": Self.oelde, "nachricht": "Wann treffen wir uns?"]).status == .seeOther)
            try await anna.get(thread)
            #expect(
                try await anna.post(thread + "/nachrichten", ["kommune": Self.ahlen, "nachricht": "Dienstag, https://ahlen.de/termin"]).status
                    == .seeOther)
            let conversation = try await olga.get(thread)
            #expect(conversation.body.contains("Wann treffen wir uns?") && conversation.body.contains("<a href=\"https://ahlen.de/termin\""))
            #expect(try await max.get(thread).status == .forbidden)
            #expect(try await Browser(app).get(thread).status == .unauthorized)
            try await olga.get(thread)
            #expect(try await olga.post(thread + "/nachrichten", ["kommune": Self.ahlen, "nachricht": "als Ahlen"]).status == .forbidden)
            #expect(
                try await olga.post(thread + "/nachrichten", ["kommune": Self.oelde, "nachricht": String(repeating: "x", count: 2_001)]).status
                    == .unprocessableEntity)
            // the request's message opened the thread, then the two messages
            #expect(try await CooperationMessageModel.query(on: app.db).count() == 3)

            // notifications can be marked as read
            try await olga.get("/benachrichtigungen")
            #expect(try await olga.post("/benachrichtigungen/gelesen", [:]).status == .seeOther)
            #expect(!(try await olga.get("/benachrichtigungen").body.contains(">neu<")))

            // privacy: the export holds Olga's messages; after deletion the thread keeps them without her name
            let export = try await olga.get("/konto/daten.json")
            #expect(export.body.contains("Wann treffen wir uns?") && export.body.contains("benachrichtigungen"))
            try await olga.get("/konto")
            #expect(try await olga.post("/konto/loeschen", ["passwort": "passwort-olga@oelde.de"]).status == .seeOther)
            let after = try await anna.get(thread)
            #expect(
                after.body.contains("Wann treffen wir uns?") && after.body.contains("ehemaliges Mitglied (Oelde)") && !after.body.contains("olga"))
            #expect(try await InterestRequestModel.find(request.id, on: app.db)?.requesterName == "ehemaliges Mitglied")
        }
    }
}
