import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Contact form: stored and mailed to the operator, CSRF, a limit per client address, German field errors")
struct ContactFormTests {
    static let message = [
        "name": "Erika Beispiel", "email": "erika@telgte.example", "betreff": "Frage zur Anmeldung", "nachricht": "Wie melde ich meine Gemeinde an?",
    ]

    static func withOperator(_ app: Application) {
        app.aufwindConfig.operatorDetails = OperatorDetails([.email: "betrieb@aufwind.example"])
    }

    @Test(
        "a message is stored, mailed to the operator in the same step, and the form answers 303 with a success notice",
        arguments: TestDatabase.available)
    func storedAndMailed(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            Self.withOperator(app)
            let visitor = Browser(app)
            try await visitor.get("/kontakt")
            let sent = try await visitor.post("/kontakt", Self.message)
            #expect(sent.status == .seeOther)
            #expect(sent.headers.first(name: .location) == "/kontakt?erfolg=kontakt-gesendet")
            #expect(try await visitor.get("/kontakt?erfolg=kontakt-gesendet").body.contains("Danke, Ihre Nachricht ist angekommen."))

            let stored = try #require(try await ContactMessageModel.query(on: app.db).first())
            #expect(stored.senderName == "Erika Beispiel" && stored.senderEmail == "erika@telgte.example")
            #expect(stored.subject == "Frage zur Anmeldung" && stored.message == "Wie melde ich meine Gemeinde an?")
            let mail = try #require(try await MailModel.query(on: app.db).first())
            #expect(mail.recipient == "betrieb@aufwind.example")
            #expect(mail.subject == "Kontaktformular: Frage zur Anmeldung")
            #expect(mail.body.contains("Von: Erika Beispiel <erika@telgte.example>") && mail.body.contains("Wie melde ich meine Gemeinde an?"))
            #expect(stored.mailID == mail.id)
        }
    }

    @Test("without the CSRF token the message is refused and nothing is stored or mailed", arguments: TestDatabase.available)
    func csrfRefused(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            Self.withOperator(app)
            let visitor = Browser(app)
            try await visitor.get("/kontakt")
            let forged = try await visitor.post("/kontakt", Self.message, csrf: "")
            #expect(forged.status == .forbidden)
            #expect(forged.body.contains("Sicherheitsprüfung fehlgeschlagen"))
            #expect(try await ContactMessageModel.query(on: app.db).count() == 0)
            #expect(try await MailModel.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "the message after the limit within the hour is refused in German, keeps what was typed, stores nothing; an hour later it goes",
        arguments: TestDatabase.available)
    func rateLimit(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            Self.withOperator(app)
            let visitor = Browser(app)
            try await visitor.get("/kontakt")
            for _ in 0..<ContactMessages.perAddress.limit {
                #expect(try await visitor.post("/kontakt", Self.message).status == .seeOther)
            }
            try await visitor.get("/kontakt")
            let refused = try await visitor.post("/kontakt", Self.message.merging(["nachricht": "Noch eine Frage"]) { $1 })
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.contains("schon 5 Nachrichten"))
            #expect(refused.body.contains("Noch eine Frage") && refused.body.contains("erika@telgte.example"))
            #expect(try await ContactMessageModel.query(on: app.db).count() == 5)
            #expect(try await MailModel.query(on: app.db).count() == 5)

            app.testClock.advance(by: ContactMessages.perAddress.window + 1)
            try await visitor.get("/kontakt")
            #expect(try await visitor.post("/kontakt", Self.message).status == .seeOther)
            #expect(try await ContactMessageModel.query(on: app.db).count() == 6)
        }
    }

    @Test("missing or wrong fields get German messages at the fields, and what was typed stays", arguments: TestDatabase.available)
    func fieldErrors(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let visitor = Browser(app)
            try await visitor.get("/kontakt")
            let refused = try await visitor.post("/kontakt", ["name": "", "email": "erika(at)telgte", "betreff": "Zugang", "nachricht": "  "])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Bitte geben Sie Ihren Namen an."))
            #expect(refused.body.contains("„erika(at)telgte“ ist keine gültige E-Mail-Adresse."))
            #expect(refused.body.contains("Bitte schreiben Sie Ihre Nachricht."))
            #expect(refused.body.contains("value=\"erika(at)telgte\"") && refused.body.contains("value=\"Zugang\""))
            #expect(refused.body.contains("id=\"nachricht-fehler\""))
            #expect(try await ContactMessageModel.query(on: app.db).count() == 0)
        }
    }

    @Test("messages and their mails are deleted after the retention period", arguments: TestDatabase.available)
    func retention(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            Self.withOperator(app)
            let visitor = Browser(app)
            try await visitor.get("/kontakt")
            try await visitor.post("/kontakt", Self.message)
            let maintenance = AccountMaintenance(database: app.db, lifetime: .standard, clock: app.wallClock)
            try await maintenance.run(now: app.now.addingTimeInterval(ContactMessages.retention - 60))
            #expect(try await ContactMessageModel.query(on: app.db).count() == 1)
            try await maintenance.run(now: app.now.addingTimeInterval(ContactMessages.retention + 60))
            #expect(try await ContactMessageModel.query(on: app.db).count() == 0)
            #expect(try await MailModel.query(on: app.db).count() == 0)
        }
    }
}
