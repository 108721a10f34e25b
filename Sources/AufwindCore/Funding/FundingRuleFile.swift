import Foundation

/// The project's rule file (`foerderregeln.json`): a versioned list of rules per programme.
/// Parsing is strict: an unknown rule kind, an unknown or malformed field names the programme,
/// the rule and the field, and nothing is taken.
public struct FundingRuleFile: Sendable, Equatable {
    public static let format = "aufwind-foerderregeln"
    public static let supportedVersions = 1...1

    public var version: Int
    /// The date the rules were last reviewed (ISO).
    public var reviewed: String
    public var programmes: [ProgrammeRules]

    public init(version: Int, reviewed: String, programmes: [ProgrammeRules]) {
        self.version = version
        self.reviewed = reviewed
        self.programmes = programmes
    }

    public func rules(for programmeID: String) -> ProgrammeRules? { programmes.first { $0.programmeID == programmeID } }

    /// Reads the file; the error says where and what.
    public static func parse(_ data: Data) -> Result<FundingRuleFile, ValidationMessage> {
        do {
            guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                return .failure("Die Regeldatei ist kein JSON-Objekt.")
            }
            return try .success(parse(root))
        } catch let error as ValidationMessage {
            return .failure(error)
        } catch {
            return .failure("Die Regeldatei ist kein gültiges JSON: \(error.localizedDescription)")
        }
    }

    private static func parse(_ root: [String: Any]) throws -> FundingRuleFile {
        guard root["format"] as? String == format else { throw ValidationMessage("„format“ muss „\(format)“ sein.") }
        guard let version = root["version"] as? Int, supportedVersions.contains(version) else {
            throw ValidationMessage(
                "„version“ \(root["version"].map { "\($0)" } ?? "fehlt"): unterstützt wird Version \(supportedVersions.lowerBound).")
        }
        guard let reviewed = root["stand"] as? String, isDate(reviewed) else { throw ValidationMessage("„stand“ muss ein Datum JJJJ-MM-TT sein.") }
        guard let list = root["programme"] as? [[String: Any]] else { throw ValidationMessage("„programme“ muss eine Liste sein.") }
        var seen = Set<String>()
        let programmes = try list.enumerated().map { index, entry -> ProgrammeRules in
            guard let id = entry["id"] as? String, !id.isEmpty else { throw ValidationMessage("Programm Nr. \(index + 1): „id“ fehlt.") }
            guard seen.insert(id).inserted else { throw ValidationMessage("Programm „\(id)“ steht doppelt in der Regeldatei.") }
            guard let rules = entry["regeln"] as? [[String: Any]] else { throw ValidationMessage("Programm „\(id)“: „regeln“ muss eine Liste sein.") }
            var ruleIDs = Set<String>()
            return ProgrammeRules(
                programmeID: id,
                rules: try rules.enumerated().map { ruleIndex, raw in
                    let rule = try RuleReader(programme: id, index: ruleIndex, raw: raw).read()
                    guard ruleIDs.insert(rule.id).inserted else { throw ValidationMessage("Programm „\(id)“: Regel „\(rule.id)“ steht doppelt.") }
                    return rule
                })
        }
        return FundingRuleFile(version: version, reviewed: reviewed, programmes: programmes)
    }

    static func isDate(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
    }
}

/// Reads one rule, remembering which fields it used so that unknown ones are refused.
private struct RuleReader {
    let programme: String
    let index: Int
    let raw: [String: Any]
    private var ruleName: String { (raw["id"] as? String).map { "„\($0)“" } ?? "Nr. \(index + 1)" }

    private func fail(_ field: String?, _ message: String) -> ValidationMessage {
        ValidationMessage("Programm „\(programme)“, Regel \(ruleName)\(field.map { ", Feld „\($0)“" } ?? ""): \(message)")
    }

    static let kinds = [
        "antragsteller", "land", "partnerzahl", "einwohner", "streuung", "gemeinsamer-antrag", "handlungsfelder", "frist",
        "manuell", "festbetrag", "foerderquote",
    ]

    func read() throws -> FundingRule {
        guard let id = raw["id"] as? String, !id.isEmpty else { throw fail("id", "fehlt.") }
        guard let kind = raw["art"] as? String else { throw fail("art", "fehlt.") }
        guard let source = raw["quelle"] as? String, source.hasPrefix("https://") || source.hasPrefix("http://") else {
            throw fail("quelle", "muss die Adresse der Quelle sein (https://…).")
        }
        var allowed: Set<String> = ["id", "art", "quelle"]
        func field<T>(_ name: String, _ read: (Any) -> T?, _ expected: String) throws -> T? {
            allowed.insert(name)
            guard let value = raw[name], !(value is NSNull) else { return nil }
            guard let parsed = read(value) else { throw fail(name, "„\(value)“ ist \(expected).") }
            return parsed
        }
        func required<T>(_ name: String, _ read: (Any) -> T?, _ expected: String) throws -> T {
            guard let value = try field(name, read, expected) else { throw fail(name, "fehlt.") }
            return value
        }
        let int: (Any) -> Int? = { value in (value as? NSNumber).flatMap { n in Double(truncating: n) == Double(n.intValue) ? n.intValue : nil } }
        let nonNegativeInt: (Any) -> Int? = { int($0).flatMap { $0 >= 0 ? $0 : nil } }
        let fraction: (Any) -> Double? = { value in (value as? NSNumber).map { Double(truncating: $0) }.flatMap { (0...1).contains($0) ? $0 : nil } }
        let text: (Any) -> String? = { ($0 as? String).flatMap { $0.isEmpty ? nil : $0 } }
        let bool: (Any) -> Bool? = { value in value as? Bool }
        let scope: (Any) -> RuleScope? = { ($0 as? String).flatMap(RuleScope.init(rawValue:)) }
        let memberType: (Any) -> MemberType? = { ($0 as? String).flatMap(MemberType.init(rawValue:)) }
        let types: (Any) -> [MemberType]? = { value in
            guard let list = value as? [String], !list.isEmpty else { return nil }
            let parsed = list.compactMap(MemberType.init(rawValue:))
            return parsed.count == list.count ? parsed : nil
        }
        let landCode: (Any) -> String? = { ($0 as? String).flatMap { $0.count == 2 && $0.allSatisfy(\.isNumber) ? $0 : nil } }
        let landCodes: (Any) -> [String]? = { value in
            guard let list = value as? [String], !list.isEmpty, list.allSatisfy({ landCode($0) != nil }) else { return nil }
            return list
        }
        let typeList = "eine Liste aus \(MemberType.allCases.map(\.rawValue).joined(separator: ", "))"

        let parsed: FundingRule.Kind
        switch kind {
        case "antragsteller":
            parsed = .applicantTypes(
                allowed: try required("erlaubt", types, typeList),
                scope: try field("fuer", scope, "nicht antragsteller, konsortialfuehrung oder alle") ?? .antragsteller)
        case "land":
            parsed = .land(
                codes: try required("laender", landCodes, "keine Liste von Landesschlüsseln (zwei Ziffern)"),
                scope: try field("fuer", scope, "nicht antragsteller, konsortialfuehrung oder alle") ?? .antragsteller)
        case "partnerzahl":
            let min = try field("min", nonNegativeInt, "keine ganze Zahl ≥ 0")
            let max = try field("max", nonNegativeInt, "keine ganze Zahl ≥ 0")
            guard min != nil || max != nil else { throw fail("min", "min oder max muss angegeben sein.") }
            if let min, let max, min > max { throw fail("max", "ist kleiner als min.") }
            parsed = .partnerCount(
                min: min, max: max, scope: try field("zaehlt", scope, "nicht antragsteller oder alle") ?? .antragsteller,
                type: try field("typ", memberType, "kein Mitgliedstyp"), land: try field("land", landCode, "kein Landesschlüssel"))
        case "einwohner":
            let perMember: Bool
            switch try required("fuer", text, "kein Text") {
            case "je-mitglied": perMember = true
            case "gesamt": perMember = false
            case let other: throw fail("fuer", "„\(other)“ ist weder je-mitglied noch gesamt.")
            }
            let min = try field("min", nonNegativeInt, "keine ganze Zahl ≥ 0")
            let max = try field("max", nonNegativeInt, "keine ganze Zahl ≥ 0")
            guard min != nil || max != nil else { throw fail("min", "min oder max muss angegeben sein.") }
            parsed = .population(perMember: perMember, min: min, max: max, types: try field("typen", types, typeList) ?? [.gemeinde])
        case "streuung":
            let kreise = try field("min_kreise", nonNegativeInt, "keine ganze Zahl ≥ 0")
            let population = try field("oder_min_einwohner", nonNegativeInt, "keine ganze Zahl ≥ 0")
            guard kreise != nil || population != nil else { throw fail("min_kreise", "min_kreise oder oder_min_einwohner muss angegeben sein.") }
            parsed = .regionalSpread(minKreise: kreise, orMinPopulation: population)
        case "gemeinsamer-antrag":
            parsed = .joint(
                try required(
                    "wert", { ($0 as? String).flatMap(JointApplication.init(rawValue:)) },
                    "nicht erforderlich, erlaubt, bevorzugt oder ausgeschlossen"))
        case "handlungsfelder":
            parsed = .fields(
                try required(
                    "felder",
                    { value in
                        guard let list = value as? [String], !list.isEmpty else { return nil }
                        let fields = list.compactMap(Handlungsfeld.init(rawValue:))
                        return fields.count == list.count ? fields : nil
                    }, "keine Liste bekannter Handlungsfelder"))
        case "frist":
            let until = try field("bis", { ($0 as? String).flatMap { FundingRuleFile.isDate($0) ? $0 : nil } }, "kein Datum JJJJ-MM-TT")
            let rolling = try field("laufend", bool, "weder true noch false") ?? false
            guard (until != nil) != rolling else { throw fail("bis", "entweder „bis“ (Datum) oder „laufend“: true angeben.") }
            parsed = .deadline(until: until, rolling: rolling)
        case "manuell":
            parsed = .manual(
                text: try required("text", text, "kein Text"), decisive: try field("entscheidend", bool, "weder true noch false") ?? true)
        case "festbetrag":
            parsed = .fixedAmount(
                base: try required("grundbetrag", nonNegativeInt, "keine ganze Zahl ≥ 0"),
                basePartners: try required("grundpartner", nonNegativeInt, "keine ganze Zahl ≥ 0"),
                perFurther: try field("je_weiterem", nonNegativeInt, "keine ganze Zahl ≥ 0") ?? 0,
                land: try field("land", landCode, "kein Landesschlüssel"),
                maxRate: try field("hoechstquote", fraction, "kein Anteil zwischen 0 und 1"))
        case "foerderquote":
            parsed = .rate(
                rate: try required("quote", fraction, "kein Anteil zwischen 0 und 1"),
                maxAmount: try field("hoechstbetrag", nonNegativeInt, "keine ganze Zahl ≥ 0"))
        default:
            throw fail("art", "unbekannte Regelart „\(kind)“ (bekannt: \(Self.kinds.joined(separator: ", "))).")
        }
        if let unknown = raw.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw fail(unknown, "unbekanntes Feld für die Regelart „\(kind)“.")
        }
        return FundingRule(id: id, kind: parsed, source: source)
    }
}

extension FundingRuleFile {
    /// The rule file that ships with Aufwind (`Funding/foerderregeln.json`, reviewed like code).
    public static func bundled() -> Result<FundingRuleFile, ValidationMessage> {
        guard let url = Bundle.module.url(forResource: "foerderregeln", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            return .failure("Die mitgelieferte Regeldatei foerderregeln.json fehlt.")
        }
        return parse(data)
    }

    /// Each programme's entry of the shipped file as pretty JSON text, for storing and editing.
    public static func bundledEntryTexts() -> [String: String] {
        guard let url = Bundle.module.url(forResource: "foerderregeln", withExtension: "json"), let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let list = root["programme"] as? [[String: Any]]
        else { return [:] }
        var texts: [String: String] = [:]
        for entry in list {
            guard let id = entry["id"] as? String,
                let json = try? JSONSerialization.data(withJSONObject: entry, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            else { continue }
            texts[id] = String(decoding: json, as: UTF8.self)
        }
        return texts
    }

    /// Rules whose source is not among the programme's sources, or programmes the catalogue
    /// does not know: the rule file must cite the catalogue.
    public func citationProblems(catalogue: [FundingProgramme]) -> [String] {
        let byID = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0) })
        var problems: [String] = []
        for programme in programmes {
            guard let facts = byID[programme.programmeID] else {
                problems.append("Programm „\(programme.programmeID)“ steht nicht im Förderkatalog.")
                continue
            }
            for rule in programme.rules where !facts.sourceUrls.contains(rule.source) {
                problems.append("Programm „\(programme.programmeID)“, Regel „\(rule.id)“: die Quelle \(rule.source) ist keine Quelle des Programms.")
            }
        }
        return problems
    }
}
