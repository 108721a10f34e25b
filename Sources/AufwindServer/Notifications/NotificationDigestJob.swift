import AufwindCore
import Fluent
import Foundation
import Logging
import SQLKit

/// The daily and weekly digests: at the scheduled hour, one mail per user with everything that
/// waited for that digest since the last one, grouped by category — only what the user has not
/// read or seen in the app since it came (Discourse's rule), and only when something is left.
///
/// Set-based for 50,000 users: one query finds the users due, then per batch of users one
/// transaction claims them (`NotificationDigestClaims`), reads their waiting notifications in one
/// query, inserts all their mails in one statement and marks the notifications taken. A second run
/// of the period, or another instance, finds the users claimed and sends nothing; a run that dies
/// leaves either a whole batch (claimed, queued, marked) or nothing of it.
struct NotificationDigestJob: Sendable {
    let database: any Database
    let baseURL: String
    var schedule: DigestSchedule
    let clock: WallClock
    let logger: Logger
    var batchSize = 500
    /// How long an instance holds a period between batches before another may continue it.
    var leaseDuration: TimeInterval = 600

    struct Summary: Equatable, Sendable {
        /// Whether this call ran the period (false: finished before, or another instance runs it).
        var ran = false
        var users = 0
        var mails = 0
    }

    /// Both digests, if due: what the server's timer and `aufwind send-digests` call.
    @discardableResult
    func runDue() async throws -> [DigestCadence: Summary] {
        var result: [DigestCadence: Summary] = [:]
        for cadence in DigestCadence.allCases {
            let summary = try await run(cadence)
            result[cadence] = summary
            if summary.mails > 0 {
                logger.info("Zusammenfassungen (\(cadence.adjective)) verschickt: \(summary.mails) E-Mails an \(summary.users) Personen")
            }
        }
        return result
    }

    /// The current period of `cadence` (the latest scheduled hour at or before now).
    func run(_ cadence: DigestCadence) async throws -> Summary {
        guard let sql = database as? any SQLDatabase else { throw RegisterStorageError.notSQL }
        let claims = NotificationDigestClaims(sql: sql)
        let period = schedule.currentPeriod(cadence, now: clock.now())
        let owner = UUID().uuidString
        var summary = Summary()
        guard try await claims.takeLease(period, owner: owner, now: clock.now(), until: clock.now().addingTimeInterval(leaseDuration)) else {
            return summary
        }
        summary.ran = true
        let due = try await dueUsers(period, sql: sql)
        let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: database))
        var start = 0
        while start < due.count {
            let batch = Array(due[start..<min(start + batchSize, due.count)])
            start += batchSize
            let delivered = try await deliver(batch, period: period, links: links)
            summary.users += delivered.users
            summary.mails += delivered.mails
            guard
                try await claims.renewLease(
                    period, owner: owner, until: clock.now().addingTimeInterval(leaseDuration), mails: delivered.mails)
            else {
                logger.warning("Zusammenfassung \(period.key): eine andere Instanz hat übernommen")
                return summary
            }
        }
        try await claims.finish(period, owner: owner, now: clock.now())
        return summary
    }

    /// The SQL condition of the notifications a digest of `cadence` takes: the weekly one those of
    /// categories set to "wöchentlich"; the daily one all others that wait (also those of a
    /// category switched to "sofort" or "nie" since, which it mails or drops).
    static func takes(_ cadence: DigestCadence) -> String {
        let effective = NotificationPreferences.effectiveCadenceSQL
        return cadence == .weekly ? "\(effective) = 'woechentlich'" : "\(effective) <> 'woechentlich'"
    }

    private static let waiting = "n.awaits_digest AND n.digested_at IS NULL"

    /// Everyone with something waiting for this digest who is not claimed for the period yet, in id
    /// order (so instances claim in the same order and never wait on each other in a cycle).
    func dueUsers(_ period: DigestSchedule.Period, sql: any SQLDatabase) async throws -> [UUID] {
        let rows = try await sql.raw(
            """
            SELECT DISTINCT n.user_id FROM notifications n \
            LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.category = n.category \
            WHERE \(unsafeRaw: Self.waiting) AND \(unsafeRaw: Self.takes(period.cadence)) \
            AND NOT EXISTS (SELECT 1 FROM \(ident: NotificationDigestClaims.users) d \
            WHERE d.user_id = n.user_id AND d.cadence = \(bind: period.cadence.rawValue) AND d.period = \(bind: period.key)) \
            ORDER BY n.user_id
            """
        ).all()
        return try rows.map { try $0.decode(column: "user_id", as: UUID.self) }
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
        var email: String
        var display_name: String
        var email_confirmed_at: Date?
        var cadence: String
    }

    /// One transaction for a batch of users: claim, read, queue, mark. SQLite refuses a second
    /// writer's transaction while another is open ("database is locked"); the batch then left
    /// nothing behind and is tried again.
    func deliver(_ userIDs: [UUID], period: DigestSchedule.Period, links: UnsubscribeLink) async throws -> (users: Int, mails: Int) {
        var attempt = 0
        while true {
            do {
                return try await deliverOnce(userIDs, period: period, links: links)
            } catch  where attempt < 50 && Self.isLockContention(error) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(20 * min(attempt, 10)))
            }
        }
    }

    static func isLockContention(_ error: any Error) -> Bool {
        let text = String(describing: error).lowercased()
        return text.contains("database is locked") || text.contains("sqlite_busy")
    }

    private func deliverOnce(_ userIDs: [UUID], period: DigestSchedule.Period, links: UnsubscribeLink) async throws -> (users: Int, mails: Int) {
        let mails = NotificationMails(baseURL: baseURL, links: links)
        return try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { throw RegisterStorageError.notSQL }
            let now = clock.now()
            let claimed = try await NotificationDigestClaims(sql: sql).claimUsers(userIDs, period: period, now: now)
            guard !claimed.isEmpty else { return (0, 0) }
            let ids = userIDs.filter(claimed.contains)
            let rows = try await sql.raw(
                """
                SELECT n.id, n.user_id, n.category, n.text, n.link, n.action, n.read_at, n.seen_at, \
                u.email, u.display_name, u.email_confirmed_at, \(unsafeRaw: NotificationPreferences.effectiveCadenceSQL) AS cadence \
                FROM notifications n JOIN users u ON u.id = n.user_id \
                LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.category = n.category \
                WHERE n.user_id IN (\(binds: ids)) AND \(unsafeRaw: Self.waiting) AND \(unsafeRaw: Self.takes(period.cadence)) \
                ORDER BY n.user_id, n.created_at, n.id
                """
            ).all(decoding: Waiting.self)
            var taken: [UUID] = []
            var entriesByUser: [UUID: [NotificationMail.Entry]] = [:]
            var recipients: [UUID: Waiting] = [:]
            for row in rows {
                taken.append(row.id)
                // Read or seen in the app since it came, or no mail wanted any more: taken without a mail.
                guard row.read_at == nil, row.seen_at == nil, row.cadence != NotificationCadence.nie.rawValue, row.email_confirmed_at != nil,
                    let category = NotificationCategory(rawValue: row.category)
                else { continue }
                entriesByUser[row.user_id, default: []].append(
                    .init(category: category, text: row.text, action: row.action ?? "Ansehen", url: baseURL + row.link))
                recipients[row.user_id] = row
            }
            let insert = sql.insert(into: MailModel.schema)
                .columns("id", "recipient", "subject", "body", "html_body", "unsubscribe_url", "user_id", "created_at", "attempts")
            var queued = 0
            for userID in ids {
                guard let entries = entriesByUser[userID], let person = recipients[userID] else { continue }
                let mail = mails.digest(period.cadence, entries: entries, to: person.display_name, userID: userID)
                insert.values(
                    SQLBind(UUID()), SQLBind(person.email), SQLBind(mail.subject), SQLBind(mail.plainText), SQLBind(mail.html),
                    SQLBind(mail.unsubscribeURL), SQLBind(userID), SQLBind(now), SQLBind(0))
                queued += 1
            }
            if queued > 0 { try await insert.run() }
            var start = 0
            while start < taken.count {
                let chunk = Array(taken[start..<min(start + 5000, taken.count)])
                start += 5000
                try await sql.update(NotificationModel.schema).set("digested_at", to: now).where("id", .in, chunk).run()
            }
            return (claimed.count, queued)
        }
    }

    /// Runs until the application shuts down: at start and every few minutes, so that each period
    /// goes out soon after its hour (the claims make the extra checks free of effect).
    func runPeriodically(every interval: Duration = .seconds(300)) async {
        while !Task.isCancelled {
            do { try await runDue() } catch { logger.error("Zusammenfassungen: \(error)") }
            try? await Task.sleep(for: interval)
        }
    }
}
