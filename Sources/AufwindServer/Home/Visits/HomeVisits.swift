import Fluent
import Foundation
import SQLKit

/// "Seit Ihrem letzten Besuch": the moment the person's previous visit of the home base began. A
/// visit begins when the page is opened `visitLength` after the last beginning; reloads within a
/// visit show the same news. One read per page view; a write only when a new visit begins.
struct HomeVisits {
    static let visitLength: TimeInterval = 30 * 60

    let database: any Database

    /// Records the page view at `now`; returns when the previous visit began (nil on the first).
    func record(userID: UUID, now: Date) async throws -> Date? {
        guard let visit = try await HomeVisitModel.query(on: database).filter(\.$userID == userID).first() else {
            try await database.sql().raw(
                """
                INSERT INTO \(ident: HomeVisitModel.schema) (id, user_id, seen_at, previous_seen_at) \
                VALUES (\(bind: UUID()), \(bind: userID), \(bind: now), NULL) ON CONFLICT (user_id) DO NOTHING
                """
            ).run()
            return nil
        }
        guard now.timeIntervalSince(visit.seenAt) >= Self.visitLength else { return visit.previousSeenAt }
        // A new visit: the one that began at `seenAt` becomes the previous one (once, whichever
        // request of two at the same moment gets there first).
        try await database.sql().raw(
            """
            UPDATE \(ident: HomeVisitModel.schema) SET previous_seen_at = seen_at, seen_at = \(bind: now) \
            WHERE user_id = \(bind: userID) AND seen_at <= \(bind: now.addingTimeInterval(-Self.visitLength))
            """
        ).run()
        return visit.seenAt
    }
}
