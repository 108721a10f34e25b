import Foundation

/// The programmes with their rules, as the server answers from them (immutable, swapped whole).
public struct FundingCatalog: Sendable {
    public var programmes: [FundingProgramme]
    public var rules: [String: ProgrammeRules]

    public init(programmes: [FundingProgramme], rules: [String: ProgrammeRules]) {
        self.programmes = programmes
        self.rules = rules
    }

    public static let empty = FundingCatalog(programmes: [], rules: [:])

    public func programme(_ id: String) -> FundingProgramme? { programmes.first { $0.id == id } }

    /// The rules of a programme; none when the catalogue has none for it.
    public func rules(of programmeID: String) -> ProgrammeRules { rules[programmeID] ?? ProgrammeRules(programmeID: programmeID, rules: []) }

    /// A programme chosen in a form: its id, nil for "none yet" (empty), or a German message.
    public func choice(_ typed: String?) -> Result<String?, ValidationMessage> {
        let id = (typed ?? "").trimmingSpaces
        if id.isEmpty { return .success(nil) }
        return programme(id) == nil ? .failure("Unbekanntes Förderprogramm „\(id)“.") : .success(id)
    }

    /// Reads one programme's rule entry (`{"id": …, "regeln": […]}`) with the file's parser.
    public static func parseRules(_ json: String, programmeID: String) -> Result<ProgrammeRules, ValidationMessage> {
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
    public static func factsJSON(_ programme: FundingProgramme) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(programme), as: UTF8.self)
    }

    public static func parseFacts(_ json: String) -> Result<FundingProgramme, ValidationMessage> {
        FundingProgramme.catalogue(Data(("[" + json + "]").utf8)).flatMap { list in
            list.count == 1 ? .success(list[0]) : .failure("Genau ein Programm erwartet.")
        }
    }
}
