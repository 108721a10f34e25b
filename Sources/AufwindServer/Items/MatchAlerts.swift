import AufwindCore
import Fluent
import Foundation
import SQLKit

/// "Neuer passender Eintrag": when an item is published, the towns whose published items it
/// matches at or above their threshold hear of it, in the publishing transaction. Candidates come
/// from the in-memory match engine (no scan of the items); one row per pair of items is inserted
/// first (`ON CONFLICT DO NOTHING`), so a pair is alerted at most once, ever.
struct MatchAlerts {
    let database: any Database
    let baseURL: String
    let directory: TownDirectory

    /// Alerts the towns `item` (just published by `publisher`) matches. Returns how many pairs were alerted.
    @discardableResult
    func published(_ item: CooperationItem, engine: MatchEngine, by publisher: UUID?, now: Date) async throws -> Int {
        guard !item.isDemo, let itemID = UUID(uuidString: item.id) else { return 0 }
        // Both groups: a partner far away on the same theme is worth an alert, too.
        let matches = Array(engine.matches(for: item, limit: MatchAlertCandidates.considered))
        let towns = Array(Set(matches.map(\.item.ownerKey)))
        let thresholds = try await TownSettingsModel.matchThresholds(of: towns, on: database)
        let candidates = MatchAlertCandidates.select(for: item, among: matches) { thresholds[$0] ?? TownSettingsModel.defaultMatchThreshold }
        let sql = try database.sql()
        let notifier = Notifier(database: database, baseURL: baseURL)
        let publisherTown = directory.name(of: item.ownerKey) ?? item.ownerKey
        var alerted = 0
        for candidate in candidates {
            guard let matchedID = UUID(uuidString: candidate.match.item.id) else { continue }
            let pair = MatchAlertModel(pair: itemID, matchedID, score: candidate.points)
            let claimed = try await sql.raw(
                """
                INSERT INTO \(ident: MatchAlertModel.schema) (id, first_item_id, second_item_id, score, created_at) \
                VALUES (\(bind: UUID()), \(bind: pair.firstItemID), \(bind: pair.secondItemID), \(bind: pair.score), \(bind: now)) \
                ON CONFLICT (first_item_id, second_item_id) DO NOTHING RETURNING id
                """
            ).all()
            guard !claimed.isEmpty else { continue }  // this pair was alerted before
            let theirs = candidate.match.item
            let reasons = MatchAlertCandidates.reasons(candidate.match.explanation)
            try await notifier.notifyMembers(
                of: theirs.ownerKey, excluding: publisher,
                NotificationMessage(
                    category: .passendeEintraege, subject: "Neuer passender Eintrag: \(item.title)",
                    text:
                        "\(publisherTown) hat „\(item.title)“ (\(item.kind.label)) veröffentlicht – passend zu Ihrem Eintrag „\(theirs.title)“ "
                        + "(bei Veröffentlichung \(candidate.points) von 100 Punkten" + (reasons.first.map { "; \($0)" } ?? "") + ").",
                    detail: reasons.isEmpty ? nil : "Warum es passt:\n" + reasons.map { "– \($0)" }.joined(separator: "\n"),
                    link: "/eintraege/\(item.id)", action: "Eintrag ansehen"))
            alerted += 1
        }
        return alerted
    }
}
