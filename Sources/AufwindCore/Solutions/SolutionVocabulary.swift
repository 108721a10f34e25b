/// How a solution is licensed: open source (with a repository and a licence id) or proprietary.
public enum SolutionLicence: String, Sendable, Codable, CaseIterable {
    case openSource = "open-source"
    case proprietaer

    public var label: String { self == .openSource ? "Open Source" : "proprietär" }
}

/// How a town can run a solution.
public enum SolutionOperation: String, Sendable, Codable, CaseIterable {
    case saas
    case vorOrt = "vor-ort"
    case itDienstleister = "it-dienstleister"

    public var label: String {
        switch self {
        case .saas: "als Dienst aus dem Netz (SaaS)"
        case .vorOrt: "im eigenen Rechenzentrum (on-premises)"
        case .itDienstleister: "über einen kommunalen IT-Dienstleister"
        }
    }

    /// The short form for lists and filters.
    public var shortLabel: String {
        switch self {
        case .saas: "SaaS"
        case .vorOrt: "on-premises"
        case .itDienstleister: "über IT-Dienstleister"
        }
    }
}

/// Where a town stands with a solution it records as used.
public enum ReferenceStatus: String, Sendable, Codable, CaseIterable {
    case geplant
    case inErprobung = "in-erprobung"
    case imEinsatz = "im-einsatz"
    case abgeloest = "abgeloest"

    public var label: String {
        switch self {
        case .geplant: "geplant"
        case .inErprobung: "in Erprobung"
        case .imEinsatz: "im Einsatz"
        case .abgeloest: "abgelöst"
        }
    }
}

/// Whether the town stands behind a reference: an Anbieter's proposal waits for the town; only
/// confirmed references are public.
public enum ReferenceState: String, Sendable, Codable, CaseIterable {
    case vorgeschlagen
    case bestaetigt
    case abgelehnt

    public var label: String {
        switch self {
        case .vorgeschlagen: "wartet auf Bestätigung der Kommune"
        case .bestaetigt: "von der Kommune bestätigt"
        case .abgelehnt: "von der Kommune abgelehnt"
        }
    }
}
