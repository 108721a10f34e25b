import AufwindCore
import Fluent
import Foundation
import Logging

/// The periodic clean-up of what expires: sessions over their idle or absolute limit, login
/// windows that are over, used or expired one-time tokens, and accounts whose address was not
/// confirmed within 7 days (so an address registered by someone else is free again), and
/// contact-form messages after `ContactMessages.retention`, and the change log's old rows.
struct AccountMaintenance {
    static let unconfirmedAccountLifetime: TimeInterval = 7 * 86_400

    let database: any Database
    let lifetime: SessionLifetime
    let clock: WallClock

    struct Summary: Equatable {
        var sessions = 0
        var unconfirmedAccounts = 0
    }

    @discardableResult
    func run(now: Date) async throws -> Summary {
        var summary = Summary()
        summary.sessions = try await WebSessions(database: database, lifetime: lifetime).removeExpired(now: now)
        try await LoginThrottle(database: database).removeExpired(now: now)
        try await ContactMessages(database: database).removeExpired(now: now)
        try await OneTimeTokenModel.query(on: database).filter(\.$expiresAt < now.addingTimeInterval(-86_400)).delete()
        try await ChangeLogReader(database: database).prune()
        let stale = try await UserModel.query(on: database)
            .filter(\.$emailConfirmedAt == nil).filter(\.$createdAt < now.addingTimeInterval(-Self.unconfirmedAccountLifetime)).all()
        for user in stale {
            let id = try user.requireID()
            try await database.transaction { db in
                try await MailModel.query(on: db).filter(\.$userID == id).delete()
                try await OneTimeTokenModel.query(on: db).filter(\.$user.$id == id).delete()
                try await MembershipModel.query(on: db).filter(\.$user.$id == id).delete()
                try await UserModel.query(on: db).filter(\.$id == id).filter(\.$emailConfirmedAt == nil).delete()
            }
        }
        summary.unconfirmedAccounts = stale.count
        return summary
    }

    static let period: TimeInterval = 3_600
    static let leaseName = "konten-aufraeumen"

    /// Runs when this instance holds the hour's lease (of several instances, one runs it per hour);
    /// nil when another instance holds it.
    func runIfDue(lease: JobLease) async throws -> Summary? {
        let now = clock.now()
        guard try await lease.take(Self.leaseName, for: Self.period, now: now) else { return nil }
        return try await run(now: now)
    }

    /// Checks at start and then every hour until shutdown.
    func runPeriodically(lease: JobLease, logger: Logger) async {
        while !Task.isCancelled {
            do {
                guard let summary = try await runIfDue(lease: lease) else {
                    try? await Task.sleep(for: .seconds(Self.period))
                    continue
                }
                if summary != Summary() {
                    logger.info("Aufgeräumt: \(summary.sessions) abgelaufene Sitzungen, \(summary.unconfirmedAccounts) unbestätigte Konten")
                }
            } catch {
                logger.error("Aufräumen der Konten: \(error)")
            }
            try? await Task.sleep(for: .seconds(Self.period))
        }
    }
}
