import AufwindCore
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// The funding catalogue the server answers from; reloaded after imports and admin edits.
final class FundingStore: Sendable {
    private let box = NIOLockedValueBox((catalog: FundingCatalog.empty, generation: 0))

    var catalog: FundingCatalog { box.withLockedValue { $0.catalog } }

    /// The catalogue with the number of times it was replaced (read together).
    var current: (catalog: FundingCatalog, generation: Int) { box.withLockedValue { $0 } }

    func replace(with catalog: FundingCatalog) { box.withLockedValue { $0 = (catalog, $0.generation + 1) } }
}

extension Application {
    private struct FundingStoreKey: StorageKey { typealias Value = FundingStore }

    var fundingStore: FundingStore {
        get {
            guard let store = storage[FundingStoreKey.self] else { fatalError("configure(_:) sets the funding store") }
            return store
        }
        set { storage[FundingStoreKey.self] = newValue }
    }

    /// Imports the catalogue on first start (empty table, file present), then loads it.
    func prepareFunding() async throws {
        try await importFundingIfEmpty()
        try await reloadFunding()
    }

    /// Imports the catalogue when the table is empty and the file is in the data directory.
    func importFundingIfEmpty() async throws {
        if try await FundingProgrammeModel.query(on: db).count() == 0 {
            if let url = FundingImporter.locate(candidates: aufwindConfig.dataDirectoryCandidates) {
                switch FundingRuleFile.bundled() {
                case .failure(let message): logger.error("Förderregeln: \(message.text)")
                case .success(let rules):
                    do {
                        let count = try await FundingImporter(database: db).importCatalogue(from: url, rules: rules)
                        logger.info("Förderkatalog importiert: \(count) Programme aus \(url.path)")
                    } catch let error as FundingImportError {
                        logger.error("Förderkatalog nicht importiert: \(error.message)")
                    }
                }
            } else {
                logger.warning("Kein \(FundingImporter.fileName) im Datenverzeichnis: der Förderkatalog bleibt leer.")
            }
        }
    }

    func reloadFunding() async throws {
        var programmes: [FundingProgramme] = []
        var rules: [String: ProgrammeRules] = [:]
        for row in try await FundingProgrammeModel.query(on: db).all() {
            guard let id = row.id, case .success(let facts) = FundingCatalog.parseFacts(row.facts) else {
                logger.error("Förderprogramm \(row.id ?? "?"): die gespeicherten Angaben sind ungültig und werden übergangen.")
                continue
            }
            programmes.append(facts)
            if case .success(let parsed) = FundingCatalog.parseRules(row.rules, programmeID: id) { rules[id] = parsed }
        }
        programmes.sort { $0.displayName.localizedCompare($1.displayName) == .orderedAscending }
        fundingStore.replace(with: FundingCatalog(programmes: programmes, rules: rules))
    }
}

extension Request {
    var funding: FundingCatalog { application.fundingStore.catalog }

    /// Deadlines and warnings are computed against today in Germany.
    var todayISO: String { FundingDates.today(now) }
}

enum FundingDates {
    static func today(_ date: Date) -> String { ISODay.today(date) }
}
