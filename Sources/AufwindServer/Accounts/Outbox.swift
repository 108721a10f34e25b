import Fluent
import Foundation
import Vapor

/// Every mail goes into the outbox table; a transport (SMTP, when configured) sends from there.
enum Outbox {
    /// Queues a mail. `userID` links it to its account (found by address when not given), so
    /// the data export and the deletion of an account cover mails to earlier addresses too.
    /// A notification mail also has an HTML part and a one-click unsubscribe address. Returns the
    /// mail's id (for a feature that deletes its mail together with its own record).
    @discardableResult
    static func send(
        to recipient: String, subject: String, body: String, htmlBody: String? = nil, unsubscribeURL: String? = nil, userID: UUID? = nil,
        on database: any Database
    ) async throws -> UUID {
        let mail = MailModel(recipient: recipient, subject: subject, body: body)
        mail.htmlBody = htmlBody
        mail.unsubscribeURL = unsubscribeURL
        if let userID {
            mail.userID = userID
        } else {
            mail.userID = try await UserModel.query(on: database).filter(\.$email == recipient.lowercased()).first()?.id
        }
        try await mail.create(on: database)
        return try mail.requireID()
    }
}
