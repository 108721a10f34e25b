import AufwindCore
import Fluent
import Foundation

/// Fills the database with generated demo items for real towns (replacing earlier demo items,
/// never touching real ones).
struct DemoData {
    let database: any Database

    static func towns(from catalog: RegisterCatalog) -> [TownFacts] {
        catalog.gemeinden.map { g in
            TownFacts(
                key: g.ags, name: g.shortName, population: g.population, kreisKey: g.kreisKey,
                kreisName: catalog.unit(key: g.kreisKey)?.name ?? "", coordinate: g.coordinate, recentItems: 0)
        }
    }

    /// Returns how many items were written.
    @discardableResult
    func generate(count: Int, seed: UInt64, catalog: RegisterCatalog) async throws -> Int {
        let items = DemoItemGenerator(seed: seed).items(count: count, towns: Self.towns(from: catalog))
        try await database.transaction { db in
            try await CooperationItemModel.query(on: db).filter(\.$isDemo == true).delete()
            for chunk in items.chunked(500) {
                try await chunk.map { CooperationItemModel($0, isDemo: true, createdBy: nil) }.create(on: db)
            }
        }
        return items.count
    }
}
