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
        let db = request.db
        let cooperations = try await CooperationModel.query(on: db)
            .group(.or) { $0.filter(\.$ownerKey ~~ townKeys).filter(\.$partnerKey ~~ townKeys) }.all()
        guard !cooperations.isEmpty else { return [] }
        let ids = cooperations.compactMap(\.id)
        let items = try await CooperationItemModel.query(on: db).filter(\.$id ~~ cooperations.map(\.itemID)).all()
        let titles = Dictionary(items.compactMap { item in item.id.map { ($0, item.title) } }, uniquingKeysWith: { first, _ in first })
        let last = try await lastMessages(of: ids, on: db)
        let directory = TownDirectory(catalog: request.register)
        let own = Set(townKeys)
        let summaries = cooperations.map { cooperation -> CooperationSummary in
            let ours = own.contains(cooperation.ownerKey) ? cooperation.ownerKey : cooperation.partnerKey
            let theirs = ours == cooperation.ownerKey ? cooperation.partnerKey : cooperation.ownerKey
            let message = cooperation.id.flatMap { last[$0] }
            return CooperationSummary(
                path: "/kooperationen/\(cooperation.id?.uuidString.lowercased() ?? "")", itemTitle: titles[cooperation.itemID] ?? "–",
                itemPath: "/eintraege/\(cooperation.itemID.uuidString.lowercased())", ownTown: directory.name(of: ours) ?? ours,
                partnerTown: directory.name(of: theirs) ?? theirs, since: cooperation.createdAt, lastMessage: message?.body,
                lastAuthor: message?.author_name, lastAt: message?.created_at)
        }
        .sorted { $0.activity > $1.activity }
        return limit.map { Array(summaries.prefix($0)) } ?? summaries
    }

    struct LastMessage: Decodable {
        var cooperation_id: UUID
        var author_name: String
        var body: String
        var created_at: Date?
    }

    /// The last message of each thread, in one query that reads only those rows (through the
    /// index on thread and time), however long the threads are.
    static func lastMessages(of cooperationIDs: [UUID], on db: any Database) async throws -> [UUID: LastMessage] {
        guard !cooperationIDs.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT m.cooperation_id, m.author_name, m.body, m.created_at FROM \(ident: CooperationMessageModel.schema) m \
            WHERE m.cooperation_id IN (\(binds: cooperationIDs)) AND m.created_at = \
            (SELECT MAX(l.created_at) FROM \(ident: CooperationMessageModel.schema) l WHERE l.cooperation_id = m.cooperation_id) \
            ORDER BY m.created_at DESC, m.id DESC
            """
        ).all(decoding: LastMessage.self)
        var last: [UUID: LastMessage] = [:]
        for row in rows where last[row.cooperation_id] == nil { last[row.cooperation_id] = row }
        return last
    }
}
