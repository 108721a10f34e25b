import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Notification mails over SMTP")
struct NotificationMailDeliveryTests {
    @Test("a notification mail leaves as multipart/alternative with List-Unsubscribe and One-Click")
    func multipartOverSMTP() async throws {
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup)
            let sender = try makeSender("smtp+insecure://127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app)
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            try await NotificationFixture.notify(
                anna, NotificationFixture.message(.nachrichten, "Oelde hat geschrieben.", detail: "Grüße aus Oelde"), app: app)
            #expect(try await sender.sendDue() == 1)
            let data = try #require(server.received.withLockedValue { $0 }.first?.data)
            let unsubscribe = try #require(try await NotificationFixture.mails(to: anna, app: app).first?.unsubscribeURL)
            #expect(data.contains("List-Unsubscribe: <\(unsubscribe)>"))
            #expect(data.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
            #expect(data.contains("Content-Type: multipart/alternative; boundary="))
            #expect(data.contains("Content-Type: text/plain; charset=utf-8") && data.contains("Content-Type: text/html; charset=utf-8"))
            try await server.stop()
        }
    }
}
