import AufwindCore
import Fluent

/// Reads and writes the register tables.
struct RegisterRepository {
    let database: any Database
    static let batchSize = 500

    func isEmpty() async throws -> Bool {
        try await GemeindeModel.query(on: database).count() == 0
    }

    func loadState() async throws -> RegisterState {
        let units = try await GebietseinheitModel.query(on: database).all()
        let gemeinden = try await GemeindeModel.query(on: database).all()
        var historical: [String: HistoricalRecord] = [:]
        for unit in units { if let since = unit.historicalSince, let key = unit.id { historical[key] = HistoricalRecord(since: since, successor: nil) } }
        for gemeinde in gemeinden { if let record = gemeinde.historicalRecord, let ags = gemeinde.id { historical[ags] = record } }
        return RegisterState(units: units.compactMap(\.unit), gemeinden: gemeinden.map(\.gemeinde), historical: historical)
    }

    func loadCatalog() async throws -> RegisterCatalog {
        let state = try await loadState()
        let latest = try await RegisterImportModel.query(on: database).sort(\.$gebietsstand, .descending).first()
        return RegisterCatalog(
            gebietsstand: latest?.gebietsstand, units: state.units, gemeinden: state.gemeinden, historical: state.historical)
    }

    /// Writes `changes` in one transaction and records the import; all or nothing.
    func apply(_ changes: RegisterChanges, gebietsstand: String, fileName: String) async throws {
        try await database.transaction { db in
            for chunk in changes.insertedUnits.chunked(Self.batchSize) {
                try await chunk.map(GebietseinheitModel.init).create(on: db)
            }
            for chunk in changes.insertedGemeinden.chunked(Self.batchSize) {
                try await chunk.map(GemeindeModel.init).create(on: db)
            }
            try await update(changes.updatedUnits.map(\.key), on: db, as: GebietseinheitModel.self) { model in
                if let unit = changes.updatedUnits.first(where: { $0.key == model.id }) { model.update(from: unit) }
            }
            let updatedGemeinden = Dictionary(uniqueKeysWithValues: changes.updatedGemeinden.map { ($0.ags, $0) })
            try await update(Array(updatedGemeinden.keys), on: db, as: GemeindeModel.self) { model in
                if let id = model.id, let gemeinde = updatedGemeinden[id] { model.update(from: gemeinde) }
            }
            try await update(Array(changes.vanishedUnits.keys), on: db, as: GebietseinheitModel.self) { model in
                model.historicalSince = model.id.flatMap { changes.vanishedUnits[$0]?.since }
            }
            try await update(Array(changes.vanishedGemeinden.keys), on: db, as: GemeindeModel.self) { model in
                let record = model.id.flatMap { changes.vanishedGemeinden[$0] }
                model.historicalSince = record?.since
                model.successorAGS = record?.successor
            }
            try await RegisterImportModel(
                gebietsstand: gebietsstand, fileName: fileName,
                inserted: changes.insertedUnits.count + changes.insertedGemeinden.count,
                updated: changes.updatedUnits.count + changes.updatedGemeinden.count,
                vanished: changes.vanishedUnits.count + changes.vanishedGemeinden.count
            ).create(on: db)
        }
    }

    private func update<M: Model>(
        _ keys: [String], on db: any Database, as _: M.Type, change: (M) -> Void
    ) async throws where M.IDValue == String {
        for chunk in keys.chunked(Self.batchSize) {
            for model in try await M.query(on: db).filter(\._$id ~~ chunk).all() {
                change(model)
                try await model.update(on: db)
            }
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min(count, $0 + size)] }
    }
}
