import AufwindCore
import Fluent
import Foundation
import SQLKit

/// One batch of a digest run, in two steps. `prepare` reads the users' waiting notifications and
/// renders their mails — no transaction, no lock, so it can run while the previous batch is being
/// written. `commit` is one short transaction: claim the users for the period, insert the mails of
/// those this call claimed (multi-row statements), mark as taken exactly the notifications that
/// were read. A user claimed by another run or instance in between keeps their notifications for
/// that run; what arrives after the read waits for the next digest.
struct NotificationDigestBatch: Sendable {
    let userIDs: [UUID]
    let period: DigestSchedule.Period

    struct Mail: Sendable {
        var email: String
        var subject: String
        var plainText: String
        var html: String
        var unsubscribeURL: String
    }

    /// Per user: the notifications read (mailed, or taken without a mail because the user read or
    /// saw them in the app, chose "nie" or has no confirmed address), and the mail, if any is left.
    private(set) var taken: [UUID: [UUID]] = [:]
    private(set) var mails: [UUID: Mail] = [:]

    init(userIDs: [UUID], period: DigestSchedule.Period) {
        self.userIDs = userIDs
        self.period = period
    }

    private struct Waiting: Decodable {
        var id: UUID
        var user_id: UUID
        var category: String
        var text: String
        var link: String
        var action: String?
        var read_at: Date?
        var seen_at: Date?
        var cadence: String
    }

    private struct Recipient: Decodable {
        var id: UUID
        var email: String
        var display_name: String
        var email_confirmed_at: Date?
    }

    /// Reads (two queries: the notifications, the recipients) and renders.
    func prepare(on database: any Database, mails renderer: NotificationMails) async throws -> NotificationDigestBatch {
        guard !userIDs.isEmpty, let sql = database as? any SQLDatabase else { return self }
        let rows = try await sql.raw(
            """
            SELECT n.id, n.user_id, n.category, n.text, n.link, n.action, n.read_at, n.seen_at, \
            \(unsafeRaw: NotificationPreferences.effectiveCadenceSQL) AS cadence \
            FROM notifications n LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.category = n.category \
            WHERE n.user_id IN (\(binds: userIDs)) AND \(unsafeRaw: NotificationDigestJob.waiting) \
            AND \(unsafeRaw: NotificationDigestJob.takes(period.cadence)) \
            ORDER BY n.user_id, n.created_at, n.id
            """
        ).all(decoding: Waiting.self)
        let recipients = try await sql.select().columns("id", "email", "display_name", "email_confirmed_at").from(UserModel.schema)
            .where("id", .in, userIDs).all(decoding: Recipient.self)
        let people = Dictionary(recipients.map { ($0.id, $0) }) { first, _ in first }
        var batch = self
        var entries: [UUID: [NotificationMail.Entry]] = [:]
        for row in rows {
            try Task.checkCancellation()
            batch.taken[row.user_id, default: []].append(row.id)
            // Read or seen in the app since it came, or no mail wanted any more: taken without a mail.
            guard row.read_at == nil, row.seen_at == nil, row.cadence != NotificationCadence.nie.rawValue,
                people[row.user_id]?.email_confirmed_at != nil, let category = NotificationCategory(rawValue: row.category)
            else { continue }
            entries[row.user_id, default: []].append(
                .init(category: category, text: row.text, action: row.action ?? "Ansehen", url: renderer.baseURL + row.link))
        }
        for (userID, list) in entries {
            guard let person = people[userID] else { continue }
            let mail = renderer.digest(period.cadence, entries: list, to: person.display_name, userID: userID)
            batch.mails[userID] = Mail(
                email: person.email, subject: mail.subject, plainText: mail.plainText, html: mail.html, unsubscribeURL: mail.unsubscribeURL)
        }
        return batch
    }

    /// Rows per multi-row insert of mails (9 values each, well below both databases' limits) and
    /// ids per update.
    static let mailsPerInsert = 500
    static let idsPerUpdate = 5_000

    /// Claims, queues and marks in one transaction; returns the users it claimed and the mails it queued.
    func commit(on database: any Database, now: Date) async throws -> (users: Int, mails: Int) {
        guard !userIDs.isEmpty else { return (0, 0) }
        return try await database.transaction { db in
            let sql = try db.sql()
            let claimed = try await NotificationDigestClaims(sql: sql).claimUsers(userIDs, period: period, now: now)
            guard !claimed.isEmpty else { return (0, 0) }
            let ours = userIDs.filter(claimed.contains)
            let queued = ours.compactMap { userID in mails[userID].map { (userID, $0) } }
            for chunk in queued.chunked(Self.mailsPerInsert) {
                let insert = sql.insert(into: MailModel.schema)
                    .columns("id", "recipient", "subject", "body", "html_body", "unsubscribe_url", "user_id", "created_at", "attempts")
                for (userID, mail) in chunk {
                    insert.values(
                        SQLBind(UUID()), SQLBind(mail.email), SQLBind(mail.subject), SQLBind(mail.plainText), SQLBind(mail.html),
                        SQLBind(mail.unsubscribeURL), SQLBind(userID), SQLBind(now), SQLBind(0))
                }
                try await insert.run()
            }
            let read = ours.flatMap { taken[$0] ?? [] }
            for chunk in read.chunked(Self.idsPerUpdate) {
                try await sql.update(NotificationModel.schema).set("digested_at", to: now).where("id", .in, Array(chunk)).run()
            }
            return (claimed.count, queued.count)
        }
    }
}
