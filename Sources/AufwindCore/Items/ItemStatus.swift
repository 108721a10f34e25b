/// Where a Vorhaben stands.
public enum ItemStatus: String, Sendable, Codable, CaseIterable {
    case idee
    case partnerGesucht = "partner-gesucht"
    case laufend
    case abgeschlossen

    public var label: String {
        switch self {
        case .idee: "Idee"
        case .partnerGesucht: "Partner gesucht"
        case .laufend: "Laufend"
        case .abgeschlossen: "Abgeschlossen"
        }
    }
}
