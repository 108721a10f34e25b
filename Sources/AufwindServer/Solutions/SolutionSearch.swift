import AufwindCore
import Fluent
import Foundation
import SQLKit

/// The solutions a search finds, for `/loesungen` and `/api/v1/loesungen`: the filters and the order
/// in memory (`SolutionSearchCache`) — with a town, by the distance of each solution's nearest
/// confirmed user (`SolutionUserStore`'s proximity index), else by how many towns run it.
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
    let cache: SolutionSearchCache

    func search(_ filters: Filters, origin: GeoPoint?, users: SolutionUserStore.Snapshot, now: Date) async throws -> [Hit] {
        // The same conditions the stored columns were once queried with (`LIKE '% word%'` on the
        // folded text), on the cached entries: no table is read.
        let words = filters.words.map { " " + $0 }
        let all = try await cache.entries(on: database, now: now)
        let unfiltered = words.isEmpty && filters.feld == nil && filters.licence == nil && filters.operation == nil && filters.euHosting == nil
        let entries =
            unfiltered
            ? all
            : all.filter { entry in
                words.allSatisfy { entry.searchText.contains($0) }
                    && filters.feld.map { entry.handlungsfelder.contains($0.rawValue) } ?? true
                    && filters.licence.map { entry.licence == $0.rawValue } ?? true
                    && filters.operation.map { entry.operations.contains($0.rawValue) } ?? true
                    && filters.euHosting.map { entry.euHosting == $0 } ?? true
            }
        let nearest = origin.map { users.proximity.nearest(from: $0) } ?? [:]
        let cutoffs = ReferenceFreshness.Cutoffs(now: now)
        // Small keys (no strings copied): the names are compared in place, only on ties.
        struct Key {
            var km: Double
            var inUse: Int
            var index: Int
        }
        var keys: [Key] = []
        keys.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            keys.append(Key(km: nearest[entry.id] ?? .infinity, inUse: users.inUseCount(of: entry.id, cutoffs), index: index))
        }
        let byDistance = origin != nil
        keys.sort { a, b in
            if byDistance, a.km != b.km { return a.km < b.km }
            if a.inUse != b.inUse { return a.inUse > b.inUse }
            if entries[a.index].sortName != entries[b.index].sortName { return entries[a.index].sortName < entries[b.index].sortName }
            return entries[a.index].id.uuidString < entries[b.index].id.uuidString
        }
        return keys.map { key in
            Hit(id: entries[key.index].id, nearestKm: key.km.isFinite ? key.km : nil, inUse: key.inUse)
        }
    }

    /// Search words as the stored text has them (folded, umlauts written out).
    static func words(_ text: String) -> [String] {
        Array(GermanFolding.words(text, umlauts: .expanded).prefix(10))
    }

    /// The models of one page of hits, in the hits' order, each with its hit. A hit whose solution
    /// is gone or hidden since the cache was read (another instance's write) is left out.
    func models(_ hits: ArraySlice<Hit>) async throws -> [(hit: Hit, model: SolutionModel)] {
        guard !hits.isEmpty else { return [] }
        let models = try await SolutionModel.query(on: database).filter(\.$id ~~ hits.map(\.id)).filter(\.$hidden == nil).all()
        let byID = Dictionary(uniqueKeysWithValues: models.compactMap { model in model.id.map { ($0, model) } })
        return hits.compactMap { hit in byID[hit.id].map { (hit, $0) } }
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
