/// Where a pitch application stands. The organisers decide on a submitted or waitlisted one; the
/// Anbieter may withdraw it — an accepted one too, as long as its pitch has not been on stage
/// (it then leaves the block).
public enum PitchApplicationStatus: String, Sendable, CaseIterable, Codable {
    case eingereicht
    case angenommen
    case warteliste
    case abgelehnt
    case zurueckgezogen

    public var label: String {
        switch self {
        case .eingereicht: "eingereicht"
        case .angenommen: "angenommen"
        case .warteliste: "auf der Warteliste"
        case .abgelehnt: "abgelehnt"
        case .zurueckgezogen: "zurückgezogen"
        }
    }

    /// Still waiting for the organisers' decision (a waitlisted one may still be accepted).
    public var isOpen: Bool { self == .eingereicht || self == .warteliste }

    /// The decisions the organisers may take from here.
    public var decisions: [PitchApplicationDecision.Choice] {
        switch self {
        case .eingereicht: [.annehmen, .warteliste, .ablehnen]
        case .warteliste: [.annehmen, .ablehnen]
        case .angenommen, .abgelehnt, .zurueckgezogen: []
        }
    }

    /// The Anbieter may withdraw an application that is open or accepted (not a declined one).
    public var mayWithdraw: Bool { isOpen || self == .angenommen }
}
