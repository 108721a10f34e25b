import AufwindCore
import Fluent
import Foundation

/// Fills the database with generated demo items for real towns (replacing earlier demo items,
/// never touching real ones).
struct DemoData {
    let database: any Database

    /// Returns how many items were written.
    @discardableResult
    func generate(count: Int, seed: UInt64, catalog: RegisterCatalog, now: Date) async throws -> Int {
        let items = DemoItemGenerator(seed: seed).items(count: count, towns: catalog.townFacts().filter { $0.key.count == 8 })
        try await database.transaction { db in
            try await CooperationItemModel.query(on: db).filter(\.$isDemo == true).delete()
            for chunk in items.chunked(500) {
                try await chunk.map { CooperationItemModel($0, isDemo: true, createdBy: nil, now: now) }.create(on: db)
            }
        }
        return items.count
    }
}
