import Fluent
import Vapor

/// Every mail goes into the outbox table; a transport (SMTP, when configured) sends from there.
enum Outbox {
    static func send(to recipient: String, subject: String, body: String, on database: any Database) async throws {
        try await MailModel(recipient: recipient, subject: subject, body: body).create(on: database)
    }
}
