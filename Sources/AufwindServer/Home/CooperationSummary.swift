import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// A cooperation of one of the person's towns as lists show it: the partner, the item it is about
/// and the last message of its thread.
struct CooperationSummary {
    var path: String
    var itemTitle: String
    var itemPath: String
    var ownTown: String
    var partnerTown: String
    var since: Date?
    var lastMessage: String?
    var lastAuthor: String?
    var lastAt: Date?

    /// The most recent activity (last message, else the start), for ordering.
    var activity: Date { lastAt ?? since ?? .distantPast }

    /// The cooperations of `townKeys`, most recent activity first; `limit` nil for all.
    static func load(for townKeys: [String], limit: Int? = nil, request: Request) async throws -> [CooperationSummary] {
        guard !townKeys.isEmpty else { return [] }
        let rows = try await Row.load(for: townKeys, on: request.db)
        let directory = TownDirectory(catalog: request.register)
        let own = Set(townKeys)
        var seen: Set<UUID> = []
        let summaries = rows.compactMap { row -> CooperationSummary? in
            // Two messages of one thread at the same instant: the first row (the larger id) counts.
            guard seen.insert(row.id).inserted else { return nil }
            let ours = own.contains(row.owner_key) ? row.owner_key : row.partner_key
            let theirs = ours == row.owner_key ? row.partner_key : row.owner_key
            return CooperationSummary(
                path: "/kooperationen/\(row.id.uuidString.lowercased())",
                itemTitle: row.item_hidden == true ? Self.hiddenItem : row.title ?? "–",
                itemPath: "/eintraege/\(row.item_id.uuidString.lowercased())", ownTown: directory.name(of: ours) ?? ours,
                partnerTown: directory.name(of: theirs) ?? theirs, since: row.created_at,
                lastMessage: row.message_hidden == true ? "Diese Nachricht ist von der Moderation verborgen." : row.body,
                lastAuthor: row.author_name, lastAt: row.last_at)
        }
        .sorted { $0.activity > $1.activity }
        return limit.map { Array(summaries.prefix($0)) } ?? summaries
    }

    /// The title shown for an item hidden by a moderation decision.
    static let hiddenItem = "Von der Moderation verborgener Eintrag"

    /// A cooperation with the title of its item and the last message of its thread.
    struct Row: Decodable {
        var id: UUID
        var item_id: UUID
        var owner_key: String
        var partner_key: String
        var created_at: Date?
        var title: String?
        var item_hidden: Bool?
        var message_hidden: Bool?
        var author_name: String?
        var body: String?
        var last_at: Date?

        /// One statement: the cooperations with their items' titles and only the last message of
        /// each thread (read through the index on thread and time, however long the threads are).
        static func load(for townKeys: [String], on db: any Database) async throws -> [Row] {
            try await db.sql().raw(
                """
                SELECT c.id, c.item_id, c.owner_key, c.partner_key, c.created_at, i.title, i.hidden AS item_hidden, m.hidden AS message_hidden, \
                m.author_name, m.body, m.created_at AS last_at \
                FROM \(ident: CooperationModel.schema) c \
                LEFT JOIN \(ident: CooperationItemModel.schema) i ON i.id = c.item_id \
                LEFT JOIN \(ident: CooperationMessageModel.schema) m ON m.cooperation_id = c.id AND m.created_at = \
                (SELECT MAX(l.created_at) FROM \(ident: CooperationMessageModel.schema) l WHERE l.cooperation_id = c.id) \
                WHERE c.owner_key IN (\(binds: townKeys)) OR c.partner_key IN (\(binds: townKeys)) \
                ORDER BY c.id, m.id DESC
                """
            ).all(decoding: Row.self)
        }
    }
}
