import AufwindCore
import Fluent
import Foundation
import Logging
import SQLKit

/// The daily and weekly digests: at the scheduled hour, one mail per user with everything that
/// waited for that digest since the last one, grouped by category — only what the user has not
/// read or seen in the app since it came (Discourse's rule), and only when something is left.
///
/// Set-based for 50,000 users: one query finds the users due; then, batch by batch, their waiting
/// notifications are read and their mails rendered (`NotificationDigestBatch.prepare`, outside any
/// transaction, while the previous batch is being written), and one short transaction per batch
/// claims the users (`NotificationDigestClaims`), inserts the mails of those it claimed in
/// multi-row statements and marks exactly the notifications it read as taken. A second run of the
/// period, or another instance, finds the users claimed and sends nothing; a run that dies leaves
/// either a whole batch (claimed, queued, marked) or nothing of it.
struct NotificationDigestJob: Sendable {
    let database: any Database
    let baseURL: String
    var schedule: DigestSchedule
    let clock: WallClock
    let logger: Logger
    var batchSize = 1_000
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
        let sql = try database.sql()
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
        let batches = stride(from: 0, to: due.count, by: batchSize).map { Array(due[$0..<min($0 + batchSize, due.count)]) }
        // Reading and rendering the next batch overlaps writing this one (two cores, and the
        // database works while the mails are rendered).
        var next = batches.first.map { prepareInBackground($0, period: period, links: links) }
        defer { next?.cancel() }
        for index in batches.indices {
            guard let prepared = try await next?.value else { break }
            next = index + 1 < batches.count ? prepareInBackground(batches[index + 1], period: period, links: links) : nil
            let delivered = try await commit(prepared)
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

    private func prepareInBackground(_ userIDs: [UUID], period: DigestSchedule.Period, links: UnsubscribeLink) -> Task<
        NotificationDigestBatch, any Error
    > {
        let batch = NotificationDigestBatch(userIDs: userIDs, period: period)
        let database = database
        let mails = NotificationMails(baseURL: baseURL, links: links)
        return Task { try await batch.prepare(on: database, mails: mails) }
    }

    /// The SQL condition of the notifications a digest of `cadence` takes: the weekly one those of
    /// categories set to "wöchentlich"; the daily one all others that wait (also those of a
    /// category switched to "sofort" or "nie" since, which it mails or drops).
    static func takes(_ cadence: DigestCadence) -> String {
        let effective = NotificationPreferences.effectiveCadenceSQL
        return cadence == .weekly ? "\(effective) = 'woechentlich'" : "\(effective) <> 'woechentlich'"
    }

    static let waiting = "n.awaits_digest AND n.digested_at IS NULL"

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

    /// One batch of users at once: read and render, then claim, queue and mark in one transaction.
    func deliver(_ userIDs: [UUID], period: DigestSchedule.Period, links: UnsubscribeLink) async throws -> (users: Int, mails: Int) {
        let batch = try await NotificationDigestBatch(userIDs: userIDs, period: period)
            .prepare(on: database, mails: NotificationMails(baseURL: baseURL, links: links))
        return try await commit(batch)
    }

    /// The transaction of a prepared batch. SQLite refuses a second writer's transaction while
    /// another is open ("database is locked"); the batch then left nothing behind and is tried again.
    func commit(_ batch: NotificationDigestBatch) async throws -> (users: Int, mails: Int) {
        var attempt = 0
        while true {
            do {
                return try await batch.commit(on: database, now: clock.now())
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

    /// Runs until the application shuts down: at start and every few minutes, so that each period
    /// goes out soon after its hour (the claims make the extra checks free of effect).
    func runPeriodically(every interval: Duration = .seconds(300)) async {
        while !Task.isCancelled {
            do { try await runDue() } catch { logger.error("Zusammenfassungen: \(error)") }
            try? await Task.sleep(for: interval)
        }
    }
}
