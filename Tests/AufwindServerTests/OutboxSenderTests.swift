@testable import AufwindServer
import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@Suite("Outbox over SMTP")
struct OutboxSenderTests {
    @Test("mails in the outbox are sent once over SMTP and marked sent", arguments: TestDatabase.available)
    func sends(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup)
            let configuration = try SMTPConfiguration.parse("smtp://bot:geheim@127.0.0.1:\(server.port)?from=aufwind@stadt.de").get()
            let sender = OutboxSender(
                database: app.db, transport: SMTPTransport(configuration: configuration, eventLoopGroup: app.eventLoopGroup), logger: app.logger)
            try await Outbox.send(to: "anna@ahlen.de", subject: "Grüße aus Ahlen", body: "Hallo\n.\nEnde", on: app.db)
            try await Outbox.send(to: "ben@ahlen.de", subject: "Zweite", body: "Text", on: app.db)

            #expect(try await sender.sendDue() == 2)
            #expect(try await sender.sendDue() == 0)
            let received = server.received.withLockedValue { $0 }
            #expect(received.map(\.recipient).sorted() == ["anna@ahlen.de", "ben@ahlen.de"])
            #expect(received.contains { $0.data.contains("Subject: =?UTF-8?B?") && $0.data.contains("From: Aufwind <aufwind@stadt.de>") })
            #expect(try await MailModel.query(on: app.db).filter(\.$sentAt == nil).count() == 0)
            try await server.stop()
        }
    }

    @Test("a refused mail stays in the outbox with its attempt counted")
    func refused() async throws {
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup, rejectRecipients: true)
            let configuration = try SMTPConfiguration.parse("smtp://127.0.0.1:\(server.port)?from=aufwind@stadt.de").get()
            let sender = OutboxSender(
                database: app.db, transport: SMTPTransport(configuration: configuration, eventLoopGroup: app.eventLoopGroup), logger: app.logger)
            try await Outbox.send(to: "niemand@ahlen.de", subject: "x", body: "y", on: app.db)
            #expect(try await sender.sendDue() == 0)
            let mail = try #require(try await MailModel.query(on: app.db).first())
            #expect(mail.sentAt == nil && mail.attempts == 1 && mail.claimedUntil == nil)
            try await server.stop()
        }
    }
}
