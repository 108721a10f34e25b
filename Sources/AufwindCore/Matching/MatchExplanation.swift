/// Why a partner fits. Topic comes before form: the topical fit (shared sub-themes, fields and
/// words) sets the level of the score; form and setting (need ↔ offer, size, place, activity)
/// raise or lower it by at most 40 %, and never make a fit on their own:
///
///     Passung = Themenbezug × (0.6 + 0.4 × Rahmen)
///
/// The topical fit lies in the band of its `TopicTier`, so a partner that shares a sub-theme
/// always scores above one that shares no Handlungsfeld.
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

        /// Handlungsfelder and Beschreibung make the topical fit; the others the setting.
        public var isTopical: Bool { self == .thema || self == .text }

        /// Documented weights within the setting (`Rahmen`); they add up to 1. (The topical
        /// components' weights depend on the tier: `TopicTier.weights`.)
        static func settingWeight(_ component: Component) -> Double {
            switch component {
            case .ergaenzung: 0.5
            case .struktur: 0.2
            case .geografie: 0.2
            case .aktivitaet: 0.1
            case .thema, .text: 0
            }
        }
    }

    /// How a partner relates to the item by topic; each tier has its band of the topical fit.
    public enum TopicTier: Int, Sendable, Comparable, CaseIterable {
        /// Only shared words, no shared Handlungsfeld: 0 up to 30.
        case begriffe
        /// A shared Handlungsfeld: 30 to 60.
        case handlungsfeld
        /// A shared sub-theme: 60 to 100.
        case unterthema

        public static func < (a: TopicTier, b: TopicTier) -> Bool { a.rawValue < b.rawValue }

        /// The band of the topical fit: its lowest value and its width.
        var band: (floor: Double, span: Double) {
            switch self {
            case .begriffe: (0, 0.3)
            case .handlungsfeld: (0.3, 0.3)
            case .unterthema: (0.6, 0.4)
            }
        }

        /// How the fields (`thema`) and the words (`text`) count within the band; without a
        /// shared field only the words count.
        var weights: (theme: Double, text: Double) { self == .begriffe ? (0, 1) : (0.5, 0.5) }

        public var label: String {
            switch self {
            case .begriffe: "nur ähnliche Begriffe, kein gemeinsames Handlungsfeld"
            case .handlungsfeld: "gemeinsames Handlungsfeld"
            case .unterthema: "gemeinsames Unterthema"
            }
        }
    }

    public struct Part: Sendable, Equatable {
        public var component: Component
        /// The weight within its stage (topical fit or setting).
        public var weight: Double
        /// 0…1 before weighting.
        public var value: Double
        public var reason: String
    }

    public var tier: TopicTier
    public var parts: [Part]

    /// The topical fit, 0…1, within the band of `tier`.
    public var topicalFit: Double { values.topicalFit }
    /// Form and setting, 0…1.
    public var setting: Double { values.setting }
    /// The score, computed exactly as the engine ranks.
    public var score: Double { values.score }

    var values: MatchValues {
        func value(_ component: Component) -> Double { parts.first { $0.component == component }?.value ?? 0 }
        return MatchValues(
            tier: tier, theme: value(.thema), text: value(.text), complement: value(.ergaenzung), structure: value(.struktur),
            geography: value(.geografie), activity: value(.aktivitaet))
    }
}

/// One ranked partner item.
public struct ItemMatch: Sendable, Equatable {
    public var item: CooperationItem
    public var score: Double
    public var explanation: MatchExplanation
    /// Between the two towns, in km; nil when a place is unknown.
    public var distanceKm: Double?
    /// Whether the partner lies within the reach the query item asks for (always, for bundesweit).
    public var inReach: Bool
}
