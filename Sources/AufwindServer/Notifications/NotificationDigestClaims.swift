import AufwindCore
import Foundation
import SQLKit

/// The two kinds of claim that make each digest go out once, however many instances run the job:
/// a lease per period (`notification_digest_runs`: one instance works through a period at a time,
/// another continues when the lease runs out) and a row per user and period
/// (`notification_digests`, unique), inserted in the transaction that queues the user's mail.
struct NotificationDigestClaims {
    static let runs = "notification_digest_runs"
    static let users = "notification_digests"

    let sql: any SQLDatabase

    /// Takes the period: a new row, or the row of a run that is not finished and whose lease ran
    /// out (its instance died). One conditional statement, so of several instances one wins.
    func takeLease(_ period: DigestSchedule.Period, owner: String, now: Date, until: Date) async throws -> Bool {
        let rows = try await sql.raw(
            """
            INSERT INTO \(ident: Self.runs) (cadence, period, owner, claimed_until, mails) \
            VALUES (\(bind: period.cadence.rawValue), \(bind: period.key), \(bind: owner), \(bind: until), 0) \
            ON CONFLICT (cadence, period) DO UPDATE SET owner = excluded.owner, claimed_until = excluded.claimed_until \
            WHERE \(ident: Self.runs).finished_at IS NULL AND \(ident: Self.runs).claimed_until < \(bind: now) \
            RETURNING owner
            """
        ).all()
        return try rows.contains { try $0.decode(column: "owner", as: String.self) == owner }
    }

    /// Extends the lease while the run goes on; false when another instance has taken it over.
    func renewLease(_ period: DigestSchedule.Period, owner: String, until: Date, mails: Int) async throws -> Bool {
        let rows = try await sql.update(Self.runs)
            .set("claimed_until", to: until).set("mails", to: SQLRaw("mails + \(mails)"))
            .where("cadence", .equal, period.cadence.rawValue).where("period", .equal, period.key).where("owner", .equal, owner)
            .returning("owner").all()
        return !rows.isEmpty
    }

    func finish(_ period: DigestSchedule.Period, owner: String, now: Date) async throws {
        try await sql.update(Self.runs).set("finished_at", to: now)
            .where("cadence", .equal, period.cadence.rawValue).where("period", .equal, period.key).where("owner", .equal, owner)
            .run()
    }

    /// Claims the users for the period; returns those this call claimed (not those another run
    /// or instance has). Inside the transaction that queues their mails: if that fails, the claims
    /// go with it and the users are taken up again.
    func claimUsers(_ userIDs: [UUID], period: DigestSchedule.Period, now: Date) async throws -> Set<UUID> {
        guard !userIDs.isEmpty else { return [] }
        let insert = sql.insert(into: Self.users).columns("user_id", "cadence", "period", "created_at")
        for id in userIDs { insert.values(SQLBind(id), SQLBind(period.cadence.rawValue), SQLBind(period.key), SQLBind(now)) }
        let rows = try await insert.ignoringConflicts(with: ["user_id", "cadence", "period"]).returning("user_id").all()
        return Set(try rows.map { try $0.decode(column: "user_id", as: UUID.self) })
    }
}
