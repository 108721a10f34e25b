import AufwindCore
import Fluent
import Foundation
import SQLKit

/// The solutions a search finds, for `/loesungen` and `/api/v1/loesungen`: the filters in SQL (only
/// ids and names come back), the order in memory — with a town, by the distance of each solution's
/// nearest confirmed user (`SolutionUserStore`'s proximity index), else by how many towns run it.
struct SolutionSearch {
    struct Filters: Sendable {
        var words: [String] = []
        var feld: Handlungsfeld?
        var licence: SolutionLicence?
        var operation: SolutionOperation?
        var euHosting: Bool?
    }

    struct Hit: Sendable {
        var id: UUID
        var nearestKm: Double?
        var inUse: Int
    }

    let database: any Database

    func search(_ filters: Filters, origin: GeoPoint?, users: SolutionUserStore.Snapshot, now: Date) async throws -> [Hit] {
        struct Row: Decodable {
            var id: UUID
            var name: String
        }
        // Hidden by a moderation decision: found by nobody.
        var query = try database.sql().select().columns("id", "name").from(SolutionModel.schema).where(SQLIdentifier("hidden"), .is, SQLLiteral.null)
        for word in filters.words { query = query.where("search_text", .like, "% \(Self.escapeLike(word))%") }
        if let feld = filters.feld { query = query.where("handlungsfelder", .like, "%\(feld.rawValue)%") }
        if let licence = filters.licence { query = query.where("licence", .equal, licence.rawValue) }
        if let operation = filters.operation { query = query.where("operations", .like, "%\(operation.rawValue)%") }
        if let eu = filters.euHosting { query = query.where("eu_hosting", .equal, eu) }
        let rows = try await query.all(decoding: Row.self)
        let nearest = origin.map { users.proximity.nearest(from: $0) } ?? [:]
        let cutoffs = ReferenceFreshness.Cutoffs(now: now)
        let hits = rows.map { row in
            (
                hit: Hit(id: row.id, nearestKm: nearest[row.id], inUse: NearbyUsers.inUseCount(users.users(of: row.id), cutoffs)),
                name: row.name.lowercased()
            )
        }
        return hits.sorted { a, b in
            if origin != nil, a.hit.nearestKm != b.hit.nearestKm {
                return (a.hit.nearestKm ?? .infinity) < (b.hit.nearestKm ?? .infinity)
            }
            if a.hit.inUse != b.hit.inUse { return a.hit.inUse > b.hit.inUse }
            return (a.name, a.hit.id.uuidString) < (b.name, b.hit.id.uuidString)
        }.map(\.hit)
    }

    /// Search words as the stored text has them (folded, umlauts written out).
    static func words(_ text: String) -> [String] {
        Array(GermanFolding.words(text, umlauts: .expanded).prefix(10))
    }

    /// The words contain only letters and digits; `%` and `_` cannot occur, but stay safe.
    private static func escapeLike(_ word: String) -> String {
        word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }

    /// The models of one page of hits, in the hits' order.
    func models(_ hits: ArraySlice<Hit>) async throws -> [SolutionModel] {
        guard !hits.isEmpty else { return [] }
        let models = try await SolutionModel.query(on: database).filter(\.$id ~~ hits.map(\.id)).all()
        let byID = Dictionary(uniqueKeysWithValues: models.compactMap { model in model.id.map { ($0, model) } })
        return hits.compactMap { byID[$0.id] }
    }
}

/// The names and pages of solutions' publishers.
struct SolutionPublishers {
    var organisations: [UUID: String]
    let towns: TownDirectory

    static func load(for models: [SolutionModel], towns: TownDirectory, on db: any Database) async throws -> SolutionPublishers {
        let ids = Array(Set(models.compactMap(\.organisationID)))
        let organisations = ids.isEmpty ? [] : try await OrganisationModel.query(on: db).filter(\.$id ~~ ids).all()
        return SolutionPublishers(
            organisations: Dictionary(uniqueKeysWithValues: organisations.compactMap { o in o.id.map { ($0, o.name) } }), towns: towns)
    }

    func name(of model: SolutionModel) -> String {
        if let id = model.organisationID { return organisations[id] ?? "Anbieter" }
        return model.townKey.flatMap(towns.name(of:)) ?? "Kommune"
    }

    func path(of model: SolutionModel) -> String {
        if let id = model.organisationID { return "/anbieter/\(id.uuidString.lowercased())" }
        return model.townKey.map(TownDirectory.path(of:)) ?? "/loesungen"
    }
}
