import AufwindCore
import Fluent
import SQLKit

/// Reads and writes the register tables.
struct RegisterRepository {
    let database: any Database
    static let batchSize = 500

    func isEmpty() async throws -> Bool {
        try await GemeindeModel.query(on: database).count() == 0
    }

    /// Reads all rows straight into value types (through SQLKit: 16,000 Fluent models would
    /// cost several times the memory for a moment, and the heap keeps much of it).
    func loadState() async throws -> RegisterState {
        let sql = try database.sql()
        var state = RegisterState()
        for row in try await sql.select().columns("key", "kind", "name", "seat", "type_code", "historical_since")
            .from(GebietseinheitModel.schema).all(decoding: UnitRow.self)
        {
            guard let kind = GebietsebeneKind(rawValue: row.kind) else { continue }
            state.units.append(Gebietseinheit(kind: kind, key: row.key, name: row.name, seat: row.seat, typeCode: row.type_code))
            if let since = row.historical_since { state.historical[row.key] = HistoricalRecord(since: since, successor: nil) }
        }
        for row in try await sql.select().columns("*").from(GemeindeModel.schema).all(decoding: GemeindeRow.self) {
            state.gemeinden.append(row.gemeinde)
            if let since = row.historical_since { state.historical[row.ags] = HistoricalRecord(since: since, successor: row.successor_ags) }
        }
        return state
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
            let updatedUnits = Dictionary(uniqueKeysWithValues: changes.updatedUnits.map { ($0.key, $0) })
            try await update(Array(updatedUnits.keys), on: db, as: GebietseinheitModel.self) { model in
                if let id = model.id, let unit = updatedUnits[id] { model.update(from: unit) }
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

private struct UnitRow: Decodable {
    var key: String
    var kind: String
    var name: String
    var seat: String
    var type_code: Int?
    var historical_since: String?
}

private struct GemeindeRow: Decodable {
    var ags: String
    var ars: String
    var name: String
    var type_code: Int
    var area_ha: Int
    var population: Int
    var population_male: Int
    var postcode: String
    var several_postcodes: Bool
    var lat: Double?
    var lon: Double?
    var historical_since: String?
    var successor_ags: String?

    var gemeinde: Gemeinde {
        Gemeinde(
            ags: ags, ars: ars, name: name, typeCode: type_code, areaHectares: area_ha, population: population,
            populationMale: population_male, postcode: postcode, hasSeveralPostcodes: several_postcodes,
            coordinate: lat.flatMap { lat in lon.map { GeoPoint(latitude: lat, longitude: $0) } })
    }
}
