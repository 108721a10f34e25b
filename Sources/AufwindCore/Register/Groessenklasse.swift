/// Size classes of German municipalities as planners use them (BBSR).
public enum Groessenklasse: String, Sendable, Codable, CaseIterable, Comparable {
    case landgemeinde = "landgemeinde"
    case kleineKleinstadt = "kleine-kleinstadt"
    case groessereKleinstadt = "groessere-kleinstadt"
    case mittelstadt = "mittelstadt"
    case grossstadt = "grossstadt"

    public init(population: Int) {
        switch population {
        case ..<5_000: self = .landgemeinde
        case ..<10_000: self = .kleineKleinstadt
        case ..<20_000: self = .groessereKleinstadt
        case ..<100_000: self = .mittelstadt
        default: self = .grossstadt
        }
    }

    public var label: String {
        switch self {
        case .landgemeinde: "Landgemeinde (unter 5.000)"
        case .kleineKleinstadt: "kleine Kleinstadt (5.000–9.999)"
        case .groessereKleinstadt: "größere Kleinstadt (10.000–19.999)"
        case .mittelstadt: "Mittelstadt (20.000–99.999)"
        case .grossstadt: "Großstadt (ab 100.000)"
        }
    }

    public var shortLabel: String {
        switch self {
        case .landgemeinde: "Landgemeinde"
        case .kleineKleinstadt: "kleine Kleinstadt"
        case .groessereKleinstadt: "größere Kleinstadt"
        case .mittelstadt: "Mittelstadt"
        case .grossstadt: "Großstadt"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}
