import AufwindCore
import Fluent
import Foundation

/// The contact form's messages: stored, mailed to the operator through the outbox (one
/// transaction), limited per client address, and deleted with their mail after `retention`.
struct ContactMessages {
    /// At most 5 messages per client address and hour.
    static let perAddress = RateLimit(name: "kontakt", limit: 5, window: 3600)
    /// How long a message and its mail are kept: long enough to answer and follow up.
    static let retentionDays = 180
    static var retention: TimeInterval { TimeInterval(retentionDays) * 86_400 }

    enum Outcome: Equatable {
        /// Stored; mailed when the operator's address is configured.
        case sent(mailed: Bool)
        /// Too many messages from this address within the window: nothing stored.
        case limitReached
    }

    let database: any Database

    func send(_ input: ContactMessageInput, from address: String, userID: UUID?, to operatorDetails: OperatorDetails, now: Date)
        async throws -> Outcome
    {
        guard try await RateLimiter(database: database).reserve(Self.perAddress, key: address, now: now) else { return .limitReached }
        let recipient = operatorDetails[.email]
        try await database.transaction { db in
            let message = ContactMessageModel(input, userID: userID, at: now)
            if let recipient {
                message.mailID = try await Outbox.send(
                    to: recipient, subject: "Kontaktformular: \(input.subject)", body: Self.mailBody(input, now: now), on: db)
            }
            try await message.create(on: db)
        }
        return .sent(mailed: recipient != nil)
    }

    /// The mail to the operator: who wrote, how to answer, what.
    static func mailBody(_ input: ContactMessageInput, now: Date) -> String {
        MailWording.letter(
            to: nil,
            """
            über das Kontaktformular von Aufwind kam am \(GermanFormat.dateTime(now)) eine Nachricht.

            Von: \(input.name) <\(input.email)>
            Betreff: \(input.subject)

            \(input.message)

            Bitte antworten Sie direkt an \(input.email). Aufwind löscht die Nachricht und diese E-Mail nach \(retentionDays) Tagen.
            """)
    }

    /// Deletes messages older than `retention`, with their mails, and the rate windows that are over.
    func removeExpired(now: Date) async throws {
        let cutoff = now.addingTimeInterval(-Self.retention)
        try await database.transaction { db in
            let expired = try await ContactMessageModel.query(on: db).filter(\.$createdAt < cutoff).all()
            let mails = expired.compactMap(\.mailID)
            try await ContactMessageModel.query(on: db).filter(\.$createdAt < cutoff).delete()
            if !mails.isEmpty { try await MailModel.query(on: db).filter(\.$id ~~ mails).delete() }
        }
        try await RateLimiter(database: database).removeExpired(Self.perAddress, now: now)
    }
}
