import AufwindCore
import Foundation

/// The programmes with their rules, as the server answers from them (immutable, swapped whole).
struct FundingCatalog: Sendable {
    var programmes: [FundingProgramme]
    var rules: [String: ProgrammeRules]

    static let empty = FundingCatalog(programmes: [], rules: [:])

    func programme(_ id: String) -> FundingProgramme? { programmes.first { $0.id == id } }

    /// Reads one programme's rule entry (`{"id": …, "regeln": […]}`) with the file's parser.
    static func parseRules(_ json: String, programmeID: String) -> Result<ProgrammeRules, ValidationMessage> {
        guard let entry = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return .failure("Die Regeln sind kein JSON-Objekt ({\"id\": …, \"regeln\": […]}).")
        }
        guard entry["id"] as? String == programmeID else {
            return .failure("Die Regeln gehören zu „\(entry["id"] ?? "?")“, nicht zu „\(programmeID)“.")
        }
        let file: [String: Any] = ["format": FundingRuleFile.format, "version": 1, "stand": "2026-01-01", "programme": [entry]]
        guard let data = try? JSONSerialization.data(withJSONObject: file) else { return .failure("Die Regeln lassen sich nicht lesen.") }
        return FundingRuleFile.parse(data).map { $0.programmes[0] }
    }

    /// The facts of one programme as JSON text (snake_case, like the catalogue file).
    static func factsJSON(_ programme: FundingProgramme) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(programme), as: UTF8.self)
    }

    static func parseFacts(_ json: String) -> Result<FundingProgramme, ValidationMessage> {
        FundingProgramme.catalogue(Data(("[" + json + "]").utf8)).flatMap { list in
            list.count == 1 ? .success(list[0]) : .failure("Genau ein Programm erwartet.")
        }
    }
}
