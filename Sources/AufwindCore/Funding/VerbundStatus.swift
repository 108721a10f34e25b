/// Where a Verbund stands, from forming to the end of the funded project.
public enum VerbundStatus: String, Sendable, Codable, CaseIterable {
    case inBildung = "in-bildung"
    case antragInVorbereitung = "antrag-in-vorbereitung"
    case eingereicht
    case bewilligt
    case abgelehnt
    case laufend
    case abgeschlossen

    public var label: String {
        switch self {
        case .inBildung: "in Gründung"
        case .antragInVorbereitung: "Antrag in Vorbereitung"
        case .eingereicht: "eingereicht"
        case .bewilligt: "bewilligt"
        case .abgelehnt: "abgelehnt"
        case .laufend: "laufend"
        case .abgeschlossen: "abgeschlossen"
        }
    }

    /// The statuses that may follow this one (a step forward, or the decision on the application).
    public var next: [VerbundStatus] {
        switch self {
        case .inBildung: [.antragInVorbereitung]
        case .antragInVorbereitung: [.inBildung, .eingereicht]
        case .eingereicht: [.bewilligt, .abgelehnt]
        case .bewilligt: [.laufend]
        case .abgelehnt: [.antragInVorbereitung]
        case .laufend: [.abgeschlossen]
        case .abgeschlossen: []
        }
    }

    /// The status asked for (its raw value), if it may follow this one; else a German message
    /// naming the ones that may.
    public func step(to requested: String?) -> Result<VerbundStatus, ValidationMessage> {
        guard let next = requested.flatMap(VerbundStatus.init(rawValue:)), self.next.contains(next) else {
            return .failure("Von „\(label)“ geht es weiter zu: \(self.next.map(\.label).joined(separator: ", ")).")
        }
        return .success(next)
    }
}

/// A member's role in a Verbund.
public enum VerbundRole: String, Sendable, Codable, CaseIterable {
    case konsortialfuehrung
    case partner
    case assoziiert

    public var label: String {
        switch self {
        case .konsortialfuehrung: "federführend"
        case .partner: "Partner"
        case .assoziiert: "assoziiert"
        }
    }
}
