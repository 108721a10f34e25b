import Fluent
import Foundation
import SQLKit

/// Items of the person's towns that found new partners since a moment: match alerts (an item
/// published elsewhere that matches one of ours at or above the town's threshold, or ours
/// published and matching theirs) created after it, counted per own item.
struct NewPartnerMatches {
    struct Row: Decodable {
        var id: UUID
        var title: String
        var count: Int
    }

    let database: any Database

    /// One statement: our items' alerts from either side of each pair (both indexed), grouped.
    func since(_ moment: Date, towns: [String]) async throws -> [Row] {
        guard !towns.isEmpty else { return [] }
        return try await database.sql().raw(
            """
            SELECT i.id, i.title, COUNT(*) AS count FROM \(ident: CooperationItemModel.schema) i \
            JOIN \(ident: MatchAlertModel.schema) a ON a.first_item_id = i.id OR a.second_item_id = i.id \
            WHERE i.owner_key IN (\(binds: towns)) AND a.created_at > \(bind: moment) \
            GROUP BY i.id, i.title ORDER BY COUNT(*) DESC, i.title
            """
        ).all(decoding: Row.self)
    }
}
