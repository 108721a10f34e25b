/// What a user asks of the Kommunenverzeichnis: search text, filters, order and page.
public struct GemeindeQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        case relevance = "relevanz"
        case nameAscending = "name"
        case nameDescending = "-name"
        case populationAscending = "einwohner"
        case populationDescending = "-einwohner"
        case areaAscending = "flaeche"
        case areaDescending = "-flaeche"
        case distance = "entfernung"

        public var label: String {
            switch self {
            case .relevance: "Relevanz"
            case .nameAscending: "Name (A–Z)"
            case .nameDescending: "Name (Z–A)"
            case .populationAscending: "Einwohner (aufsteigend)"
            case .populationDescending: "Einwohner (absteigend)"
            case .areaAscending: "Fläche (aufsteigend)"
            case .areaDescending: "Fläche (absteigend)"
            case .distance: "Entfernung"
            }
        }
    }

    public static let maximumPerPage = 100
    public static let defaultPerPage = 20

    public var text: String?
    public var land: String?
    public var regierungsbezirk: String?
    public var kreis: String?
    public var groessenklasse: Groessenklasse?
    /// Nil: by relevance when searching, else by name.
    public var sort: Sort?
    /// AGS of the Gemeinde distances are measured from.
    public var distanceFrom: String?
    public var page: Int
    public var perPage: Int

    public init(
        text: String? = nil, land: String? = nil, regierungsbezirk: String? = nil, kreis: String? = nil,
        groessenklasse: Groessenklasse? = nil, sort: Sort? = nil, distanceFrom: String? = nil,
        page: Int = 1, perPage: Int = GemeindeQuery.defaultPerPage
    ) {
        self.text = text
        self.land = land
        self.regierungsbezirk = regierungsbezirk
        self.kreis = kreis
        self.groessenklasse = groessenklasse
        self.sort = sort
        self.distanceFrom = distanceFrom
        self.page = page
        self.perPage = perPage
    }

    /// The order actually applied. Distance needs a reference Gemeinde; without one the
    /// listing is by name (and pages say so).
    public var effectiveSort: Sort {
        if sort == .distance, distanceFrom == nil { return .nameAscending }
        if let sort { return sort }
        if distanceFrom != nil { return .distance }
        return (text?.isEmpty == false) ? .relevance : .nameAscending
    }
}

/// A query parameter that cannot be understood; `message` is German and says what is expected.
public struct GemeindeQueryError: Error, Sendable, Equatable {
    public var parameter: String
    public var message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }
}

extension GemeindeQuery {
    /// Reads the query from URL parameters (`q`, `land`, `regbez`, `kreis`, `groesse`, `sort`,
    /// `von`, `page`, `per_page`); empty values count as absent.
    public init(parameters: [String: String]) throws(GemeindeQueryError) {
        func value(_ name: String) -> String? {
            guard let raw = parameters[name]?.trimmingSpaces, !raw.isEmpty else { return nil }
            return raw
        }
        func digits(_ name: String, count: Int, label: String) throws(GemeindeQueryError) -> String? {
            guard let raw = value(name) else { return nil }
            guard raw.utf8.count == count, raw.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw GemeindeQueryError(parameter: name, message: "„\(name)“ muss \(label) aus \(count) Ziffern sein.")
            }
            return raw
        }
        func positive(_ name: String, default defaultValue: Int, maximum: Int) throws(GemeindeQueryError) -> Int {
            guard let raw = value(name) else { return defaultValue }
            guard let number = Int(raw), number >= 1, number <= maximum else {
                throw GemeindeQueryError(parameter: name, message: "„\(name)“ muss eine ganze Zahl von 1 bis \(maximum) sein.")
            }
            return number
        }
        let text = value("q")
        // Counted in code points, as JSON Schema counts maxLength.
        if let text, text.unicodeScalars.count > 100 {
            throw GemeindeQueryError(parameter: "q", message: "Der Suchbegriff ist zu lang (höchstens 100 Zeichen).")
        }
        var groesse: Groessenklasse?
        if let raw = value("groesse") {
            guard let parsed = Groessenklasse(rawValue: raw) else {
                let allowed = Groessenklasse.allCases.map(\.rawValue).joined(separator: ", ")
                throw GemeindeQueryError(parameter: "groesse", message: "Unbekannte Größenklasse „\(raw)“. Erlaubt: \(allowed).")
            }
            groesse = parsed
        }
        var sort: Sort?
        if let raw = value("sort") {
            guard let parsed = Sort(rawValue: raw) else {
                let allowed = Sort.allCases.map(\.rawValue).joined(separator: ", ")
                throw GemeindeQueryError(parameter: "sort", message: "Unbekannte Sortierung „\(raw)“. Erlaubt: \(allowed).")
            }
            sort = parsed
        }
        let from = try digits("von", count: 8, label: "ein Gemeindeschlüssel (AGS)")
        self.init(
            text: text,
            land: try digits("land", count: 2, label: "ein Landesschlüssel"),
            regierungsbezirk: try digits("regbez", count: 3, label: "ein Regierungsbezirksschlüssel"),
            kreis: try digits("kreis", count: 5, label: "ein Kreisschlüssel"),
            groessenklasse: groesse, sort: sort, distanceFrom: from,
            page: try positive("page", default: 1, maximum: 100_000),
            perPage: try positive("per_page", default: Self.defaultPerPage, maximum: Self.maximumPerPage))
    }
}

extension String {
    /// Without leading and trailing white space (line breaks included).
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
