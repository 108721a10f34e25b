import AufwindCore
import Fluent
import Foundation
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
        // Newest first: the first message seen per cooperation is its last one.
        var last: [UUID: CooperationMessageModel] = [:]
        for message in try await CooperationMessageModel.query(on: db).filter(\.$cooperationID ~~ ids).sort(\.$createdAt, .descending).all()
        where last[message.cooperationID] == nil {
            last[message.cooperationID] = message
        }
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
                lastAuthor: message?.authorName, lastAt: message?.createdAt)
        }
        .sorted { $0.activity > $1.activity }
        return limit.map { Array(summaries.prefix($0)) } ?? summaries
    }
}
