/// Why someone reports content (the categories of the report form).
public enum ReportCategory: String, Sendable, CaseIterable, Codable {
    case rechtswidrig
    case irrefuehrend
    case spam
    case sonstiges

    public var label: String {
        switch self {
        case .rechtswidrig: "Rechtswidrig"
        case .irrefuehrend: "Irreführend"
        case .spam: "Spam oder Werbung ohne Bezug"
        case .sonstiges: "Sonstiges"
        }
    }
}

/// What the platform administration decides about reported content.
public enum ModerationOutcome: String, Sendable, CaseIterable, Codable {
    /// The content stays as it is.
    case behalten
    /// The content is hidden from everybody but its author and the administration; it can be restored.
    case verbergen
    /// The content is deleted.
    case loeschen

    public var label: String {
        switch self {
        case .behalten: "behalten"
        case .verbergen: "verbergen"
        case .loeschen: "löschen"
        }
    }

    /// Whether the decision restricts the content (then a statement of reasons is owed, DSA Art. 17).
    public var restricts: Bool { self != .behalten }

    /// `decision_visibility` of the DSA transparency database.
    public var dsaVisibility: String? {
        switch self {
        case .behalten: nil
        case .verbergen: "DECISION_VISIBILITY_CONTENT_DISABLED"
        case .loeschen: "DECISION_VISIBILITY_CONTENT_REMOVED"
        }
    }
}

/// The ground of a restricting decision, as the DSA transparency database distinguishes them.
public enum DecisionGround: String, Sendable, CaseIterable, Codable {
    /// Illegal under a law (named in `legalGround`).
    case rechtswidrig
    /// Incompatible with Aufwind's terms of use (the rule named in `termsGround`).
    case nutzungsbedingungen

    public var label: String {
        switch self {
        case .rechtswidrig: "rechtswidriger Inhalt"
        case .nutzungsbedingungen: "Verstoß gegen die Nutzungsbedingungen"
        }
    }

    /// `decision_ground` of the DSA transparency database.
    public var dsaValue: String {
        switch self {
        case .rechtswidrig: "DECISION_GROUND_ILLEGAL_CONTENT"
        case .nutzungsbedingungen: "DECISION_GROUND_INCOMPATIBLE_CONTENT"
        }
    }
}

/// How an objection against a decision was decided (by another administrator).
public enum ObjectionOutcome: String, Sendable, CaseIterable, Codable {
    /// The decision stands.
    case bestaetigt
    /// The decision is lifted: hidden content is shown again.
    case aufgehoben

    public var label: String { self == .bestaetigt ? "Entscheidung bleibt" : "Entscheidung aufgehoben" }
}

/// What can be reported and moderated.
public enum ModeratedKind: String, Sendable, CaseIterable, Codable {
    case loesung
    case eintrag
    /// An Anbieter's answer to a Bedarf.
    case antwort
    /// A message in a cooperation between towns.
    case nachricht
    /// A message in the conversation about an answer.
    case antwortNachricht = "antwort-nachricht"
    /// A pitch on an event's stage (with the application's abstract, if it came from one).
    case pitch

    public var label: String {
        switch self {
        case .loesung: "Lösung"
        case .eintrag: "Eintrag"
        case .antwort: "Antwort auf einen Bedarf"
        case .nachricht: "Nachricht in einer Kooperation"
        case .antwortNachricht: "Nachricht zu einer Antwort"
        case .pitch: "Pitch"
        }
    }
}
