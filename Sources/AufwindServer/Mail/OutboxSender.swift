import AufwindCore
import Fluent
import Foundation
import Logging
import SQLKit
import Vapor

/// Sends the outbox over SMTP in the background. Each mail is claimed with a conditional
/// update first, so that several server instances never send the same mail twice.
struct OutboxSender: Sendable {
    let database: any Database
    let transport: SMTPTransport
    let logger: Logger
    static let claimDuration: TimeInterval = 300
    static let maximumAttempts = 10

    /// Sends what is due; returns how many mails went out.
    @discardableResult
    func sendDue(limit: Int = 20) async throws -> Int {
        guard let sql = database as? any SQLDatabase else { throw RegisterStorageError.notSQL }
        let now = Date()
        let due = try await MailModel.query(on: database)
            .filter(\.$sentAt == nil).filter(\.$attempts < Self.maximumAttempts)
            .group(.or) { $0.filter(\.$claimedUntil == nil).filter(\.$claimedUntil < now) }
            .sort(\.$createdAt).limit(limit).all()
        var sent = 0
        for mail in due {
            let claimed = try await sql.update(MailModel.schema)
                .set("claimed_until", to: now.addingTimeInterval(Self.claimDuration))
                .where("id", .equal, mail.requireID())
                .where("sent_at", .is, SQLLiteral.null)
                .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, now) }
                .returning("id").all()
            guard !claimed.isEmpty else { continue }
            do {
                try await transport.send(MailMessage(
                    from: transport.configuration.from, to: mail.recipient, subject: mail.subject, body: mail.body,
                    messageID: "\(try mail.requireID().uuidString)@aufwind", date: mail.createdAt ?? now))
                mail.sentAt = Date()
                mail.claimedUntil = nil
                try await mail.save(on: database)
                sent += 1
            } catch {
                logger.warning("E-Mail an \(mail.recipient) nicht gesendet: \(error)")
                mail.attempts += 1
                mail.claimedUntil = nil
                try await mail.save(on: database)
            }
        }
        return sent
    }

    /// Runs until the application shuts down.
    func run(every interval: Duration = .seconds(5)) async {
        while !Task.isCancelled {
            do { try await sendDue() } catch { logger.warning("Postausgang: \(error)") }
            try? await Task.sleep(for: interval)
        }
    }
}
