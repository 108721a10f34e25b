import Foundation

/// A funding programme's facts as the catalogue (`foerderprogramme.json`) gives them: mostly
/// prose, with sources and the date of the facts. The machine-checkable part is in the rules.
public struct FundingProgramme: Sendable, Equatable, Codable, Identifiable {
    public struct PopulationLimits: Sendable, Equatable, Codable {
        public var min: Int?
        public var max: Int?
        public var text: String?
    }

    public struct FundingRate: Sendable, Equatable, Codable {
        public var minPercent: Double?
        public var maxPercent: Double?
        public var notes: String?
    }

    public var id: String
    public var name: String
    public var shortName: String?
    public var funder: String?
    /// bund, land, eu.
    public var level: String?
    public var land: String?
    /// The catalogue's own theme ids ("verwaltung_digital"); see `handlungsfelder`.
    public var themes: [String]
    public var fundingType: String?
    public var eligibleApplicants: [String]?
    /// required, allowed, favoured, not_allowed, not_mentioned.
    public var jointApplication: String?
    public var jointRules: String?
    public var populationLimits: PopulationLimits?
    public var fundingRate: FundingRate?
    public var maxAmountEur: Int?
    public var minAmountEur: Int?
    public var deadlines: [String]?
    /// open, closed, ended (or nil).
    public var status: String?
    public var summary: String?
    public var sourceUrls: [String]
    /// "2024-11-15", "2020-09" or "2022".
    public var sourceDate: String?
    public var notes: String?

    public var displayName: String { shortName ?? name }

    public init(
        id: String, name: String, shortName: String? = nil, themes: [String], sourceUrls: [String], sourceDate: String? = nil, status: String? = nil
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.themes = themes
        self.sourceUrls = sourceUrls
        self.sourceDate = sourceDate
        self.status = status
    }

    /// The catalogue's themes on Aufwind's Handlungsfelder.
    public var handlungsfelder: [Handlungsfeld] {
        let map: [String: Handlungsfeld] = [
            "verwaltung_digital": .digitaleVerwaltung, "smart_city": .digitaleVerwaltung, "arbeit_wirtschaft": .arbeitWirtschaft,
            "kultur_tourismus": .kulturTourismus, "klima_energie": .klimaEnergie, "mobilitaet": .mobilitaet,
            "innenstadt_ortskern": .innenstadtOrtskern, "engagement_ehrenamt": .engagementEhrenamt, "laendliche_entwicklung": .daseinsvorsorge,
            "wohnen": .wohnen, "schule_bildung": .schuleBildung, "gesundheit_pflege": .gesundheitPflege, "sicherheit": .sicherheit,
        ]
        var fields: [Handlungsfeld] = []
        for theme in themes { if let field = map[theme], !fields.contains(field) { fields.append(field) } }
        return fields
    }

    public var statusLabel: String {
        switch status {
        case "open": "offen"
        case "closed": "derzeit geschlossen"
        case "ended": "beendet"
        default: "unbekannt"
        }
    }

    /// The last day the facts can refer to ("2022" → 2022-12-31, "2020-09" → 2020-09-30).
    public var factsDate: String? {
        guard let date = sourceDate else { return nil }
        let parts = date.split(separator: "-").map(String.init)
        switch parts.count {
        case 3: return date
        case 2:
            guard let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
            let days = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return month >= 1 && month <= 12 ? "\(parts[0])-\(parts[1])-\(days[month - 1])" : nil
        case 1: return Int(parts[0]) != nil ? "\(parts[0])-12-31" : nil
        default: return nil
        }
    }

    /// Warnings every programme page shows: a passed deadline, old or undated facts.
    public func warnings(today: String, rules: ProgrammeRules?) -> [String] {
        var warnings: [String] = []
        let passed =
            rules?.rules.compactMap { rule -> String? in
                if case .deadline(let until?, false) = rule.kind, until < today { return until }
                return nil
            } ?? []
        if let date = passed.max() {
            warnings.append("Die Antragsfrist ist am \(GermanFormat.date(iso: date)) abgelaufen.")
        } else if status == "closed" || status == "ended" {
            warnings.append("Das Programm ist laut Quelle \(statusLabel); derzeit sind keine Anträge möglich.")
        }
        return warnings + factsWarnings(today: today)
    }

    /// The warnings about the facts themselves: older than a year, or undated.
    public func factsWarnings(today: String) -> [String] {
        var warnings: [String] = []
        if let factsDate {
            let year = Int(today.prefix(4)) ?? 0
            let aYearAgo = "\(year - 1)" + today.dropFirst(4)
            if factsDate < aYearAgo {
                warnings.append(
                    "Die Angaben stammen von \(GermanFormat.date(iso: sourceDate ?? factsDate)) und sind älter als ein Jahr – bitte bei der Quelle prüfen."
                )
            }
        } else {
            warnings.append("Das Datum der Angaben ist unbekannt – bitte bei der Quelle prüfen.")
        }
        return warnings
    }

    /// Reads the catalogue; an error names the programme and the field.
    public static func catalogue(_ data: Data) -> Result<[FundingProgramme], ValidationMessage> {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            let programmes = try decoder.decode([FundingProgramme].self, from: data)
            var seen = Set<String>()
            for programme in programmes where !seen.insert(programme.id).inserted {
                return .failure("Das Programm „\(programme.id)“ steht doppelt im Katalog.")
            }
            return .success(programmes)
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure("Förderkatalog: Feld „\(key.stringValue)“ fehlt (\(path(context.codingPath))).")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            return .failure("Förderkatalog: falscher Wert bei \(path(context.codingPath)).")
        } catch {
            return .failure("Förderkatalog: kein gültiges JSON (\(error.localizedDescription)).")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "Programm Nr. \($0 + 1)" } ?? $0.stringValue }.joined(separator: ", ")
    }
}
