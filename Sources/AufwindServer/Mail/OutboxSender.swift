import AufwindCore
import Fluent
import Foundation
import Logging
import SQLKit
import Vapor

/// Sends the outbox over SMTP in the background. Each mail is claimed with a conditional update
/// first, so that several server instances never send the same mail twice. A failed mail is tried
/// again with exponential back-off (`MailRetryPolicy`: minutes, then hours); after the last attempt,
/// or at once when the server refuses the recipient for good, it is undeliverable and shown as such
/// on `/dev/mails`.
struct OutboxSender: Sendable {
    let database: any Database
    let transport: SMTPTransport
    let logger: Logger
    var policy: MailRetryPolicy = .standard
    /// The application's clock (tests walk it through hours of back-off).
    var clock: WallClock

    /// Longer than the longest attempt (the transport bounds the connection and the dialogue), so no
    /// other instance takes a mail over while it is still being sent.
    var claimDuration: TimeInterval {
        let timeouts = transport.configuration.timeouts
        return timeouts.connect.secondsValue + timeouts.total.secondsValue + 120
    }

    /// What `last_error` keeps of an error message.
    static let maximumErrorLength = 1000

    /// Sends what is due; returns how many mails went out.
    @discardableResult
    func sendDue(limit: Int = 20) async throws -> Int {
        let sql = try database.sql()
        let now = clock.now()
        let due = try await MailModel.query(on: database)
            .filter(\.$sentAt == nil).filter(\.$failedAt == nil)
            .group(.or) { $0.filter(\.$nextAttemptAt == nil).filter(\.$nextAttemptAt <= now) }
            .group(.or) { $0.filter(\.$claimedUntil == nil).filter(\.$claimedUntil < now) }
            .sort(\.$createdAt).limit(limit).all()
        var sent = 0
        // On shutdown the next mail waits for the next start (its claim is not taken yet).
        for mail in due where !Task.isCancelled {
            let claimedAt = clock.now()
            let claimed = try await sql.update(MailModel.schema)
                .set("claimed_until", to: claimedAt.addingTimeInterval(claimDuration))
                .where("id", .equal, mail.requireID())
                .where("sent_at", .is, SQLLiteral.null)
                .where("failed_at", .is, SQLLiteral.null)
                .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, claimedAt) }
                .returning("id").all()
            guard !claimed.isEmpty else { continue }
            do {
                try await transport.send(
                    MailMessage(
                        from: transport.configuration.from, to: mail.recipient, subject: mail.subject, body: mail.body,
                        htmlBody: mail.htmlBody, listUnsubscribe: mail.unsubscribeURL, messageID: "\(try mail.requireID().uuidString)@aufwind",
                        date: mail.createdAt ?? now))
                mail.sentAt = clock.now()
                mail.claimedUntil = nil
                mail.nextAttemptAt = nil
                try await mail.save(on: database)
                sent += 1
            } catch {
                try await recordFailure(of: mail, error: error)
            }
        }
        return sent
    }

    /// Counts the attempt and schedules the next one, or gives the mail up.
    private func recordFailure(of mail: MailModel, error: any Error) async throws {
        let failedAt = clock.now()
        let permanent = (error as? SMTPTransport.SMTPError)?.permanent ?? false
        let message = String(String(describing: error).prefix(Self.maximumErrorLength))
        mail.attempts += 1
        mail.lastError = message
        mail.claimedUntil = nil
        switch policy.decision(afterFailedAttempt: mail.attempts, permanent: permanent) {
        case .retry(let delay):
            let next = failedAt.addingTimeInterval(delay.secondsValue)
            mail.nextAttemptAt = next
            logger.warning(
                "E-Mail an \(mail.recipient) nicht gesendet (Versuch \(mail.attempts) von \(policy.maximumAttempts)); nächster Versuch \(next): \(message)"
            )
        case .giveUp:
            mail.nextAttemptAt = nil
            mail.failedAt = failedAt
            logger.error(
                "E-Mail an \(mail.recipient) ist unzustellbar (nach \(mail.attempts) \(mail.attempts == 1 ? "Versuch" : "Versuchen")): \(message)")
        }
        try await mail.save(on: database)
    }

    /// Runs until the application shuts down. Every attempt is bounded by the transport's timeouts,
    /// so a mail server that stays silent delays the outbox, but never stops it.
    func run(every interval: Duration = .seconds(5)) async {
        while !Task.isCancelled {
            do { try await sendDue() } catch { logger.warning("Postausgang: \(error)") }
            try? await Task.sleep(for: interval)
        }
    }
}
