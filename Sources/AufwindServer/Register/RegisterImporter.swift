import AufwindCore
import Fluent
import Foundation
import Logging

/// What an import did, for the terminal and the log.
struct RegisterImportSummary: Sendable {
    var gebietsstand: String
    var statistics: GV100ADStatistics
    var changes: RegisterChanges
    var catalog: RegisterCatalog

    var lines: [String] {
        var lines = [
            "Gebietsstand \(GermanFormat.date(iso: gebietsstand)): "
                + [10, 20, 30, 40, 50, 60].map {
                    "Satzart \($0): \(GermanFormat.integer(statistics.recordsBySatzart[$0] ?? 0))"
                }.joined(separator: ", ")
        ]
        if changes.isEmpty {
            lines.append("Keine Änderungen: das Register entspricht bereits dieser Datei.")
        } else {
            lines.append(
                "Neu: \(changes.insertedUnits.count + changes.insertedGemeinden.count), geändert: "
                    + "\(changes.updatedUnits.count + changes.updatedGemeinden.count), historisch geworden: "
                    + "\(changes.vanishedUnits.count + changes.vanishedGemeinden.count)")
        }
        lines.append(
            "Gemeinden: \(GermanFormat.integer(catalog.gemeinden.count)), Kreise: \(catalog.units(of: .kreis).count), "
                + "Gemeindeverbände: \(GermanFormat.integer(catalog.units(of: .gemeindeverband).count)), "
                + "Regierungsbezirke/Regionen: \(catalog.units(of: .regierungsbezirk).count), Länder: \(catalog.units(of: .land).count)")
        for land in catalog.units(of: .land) {
            let totals = catalog.totals(of: land.key)
            lines.append(
                "  \(land.name): \(GermanFormat.integer(totals.gemeinden)) \(totals.gemeinden == 1 ? "Gemeinde" : "Gemeinden"), \(GermanFormat.integer(totals.population)) Einwohner"
            )
        }
        return lines
    }
}

/// Imports a GV100AD file (with coordinates) into the database: idempotent, all or nothing,
/// vanished entries kept as historical.
struct RegisterImporter {
    let database: any Database
    let logger: Logger
    var progress: @Sendable (String) -> Void = { _ in }

    func importFiles(_ files: ReferenceDataFiles) async throws -> RegisterImportSummary {
        let text = try read(files.gv100ad)
        var coordinates: [String: GeoPoint] = [:]
        if let url = files.coordinates {
            coordinates = try CoordinatesParser(fileName: url.lastPathComponent).parse(read(url))
        }
        return try await importText(text, fileName: files.gv100ad.lastPathComponent, coordinates: coordinates)
    }

    func importText(_ text: String, fileName: String, coordinates: [String: GeoPoint]) async throws -> RegisterImportSummary {
        let progress = self.progress
        let (parsed, statistics) = try GV100ADParser(fileName: fileName).parse(text) { statistics in
            let perSatzart = statistics.recordsBySatzart.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            progress("\(statistics.totalRecords) Datensätze gelesen (Satzart \(perSatzart.joined(separator: ", ")))")
        }
        let data = parsed.withCoordinates(coordinates)
        let repository = RegisterRepository(database: database)
        let changes = RegisterDiff.changes(from: try await repository.loadState(), to: data)
        if !changes.isEmpty {
            try await repository.apply(changes, gebietsstand: data.gebietsstand, fileName: fileName)
        }
        let catalog = try await repository.loadCatalog()
        return RegisterImportSummary(gebietsstand: data.gebietsstand, statistics: statistics, changes: changes, catalog: catalog)
    }

    private func read(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RegisterFileError(file: url.path, reason: "Datei kann nicht gelesen werden (fehlt sie, oder ist sie nicht UTF-8?).")
        }
    }
}
