import AufwindCore
import Fluent
import Foundation

/// Imports the catalogue (`foerderprogramme.json` from the data directory) with the project's
/// rule file. All or nothing: a catalogue or rule error names the programme, rule and field and
/// imports nothing; every rule must cite one of its programme's sources.
struct FundingImporter {
    let database: any Database

    static let fileName = "foerderprogramme.json"

    static func locate(candidates: [String]) -> URL? {
        candidates.map { URL(fileURLWithPath: $0).appendingPathComponent(fileName) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Returns how many programmes were written.
    @discardableResult
    func importCatalogue(from url: URL, rules ruleFile: FundingRuleFile) async throws -> Int {
        let programmes: [FundingProgramme]
        switch FundingProgramme.catalogue(try Data(contentsOf: url)) {
        case .failure(let message): throw FundingImportError(message: message.text)
        case .success(let list): programmes = list
        }
        let problems = ruleFile.citationProblems(catalogue: programmes)
        guard problems.isEmpty else { throw FundingImportError(message: problems.joined(separator: " ")) }
        let texts = FundingRuleFile.bundledEntryTexts()
        let rows = try programmes.map { programme in
            FundingProgrammeModel(
                id: programme.id, facts: try FundingCatalog.factsJSON(programme),
                rules: texts[programme.id] ?? "{\n  \"id\" : \"\(programme.id)\",\n  \"regeln\" : [\n\n  ]\n}")
        }
        try await database.transaction { db in
            try await FundingProgrammeModel.query(on: db).delete()
            for row in rows { try await row.create(on: db) }
        }
        return rows.count
    }
}

struct FundingImportError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
