/// Why a partner fits: every component with its weight, its value and a German reason.
public struct MatchExplanation: Sendable, Equatable {
    public enum Component: String, Sendable, CaseIterable {
        case thema, text, ergaenzung, struktur, geografie, aktivitaet

        public var label: String {
            switch self {
            case .thema: "Handlungsfelder"
            case .text: "Beschreibung"
            case .ergaenzung: "Ergänzung (Bedarf ↔ Angebot)"
            case .struktur: "Größe"
            case .geografie: "Lage"
            case .aktivitaet: "Aktivität"
            }
        }

        /// Documented weights; they add up to 1.
        public var weight: Double {
            switch self {
            case .thema: 0.30
            case .text: 0.20
            case .ergaenzung: 0.25
            case .struktur: 0.10
            case .geografie: 0.10
            case .aktivitaet: 0.05
            }
        }
    }

    public struct Part: Sendable, Equatable {
        public var component: Component
        /// 0…1 before weighting.
        public var value: Double
        public var reason: String
    }

    public var parts: [Part]

    public var score: Double {
        parts.reduce(0) { $0 + $1.component.weight * $1.value }
    }
}

/// One ranked partner item.
public struct ItemMatch: Sendable, Equatable {
    public var item: CooperationItem
    public var score: Double
    public var explanation: MatchExplanation
}
