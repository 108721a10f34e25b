/// Who may see an item.
public enum Visibility: String, Sendable, Codable, CaseIterable {
    /// Everyone, also without an account; in the feeds.
    case oeffentlich
    /// Only signed-in members of a town (and the platform administration).
    case kommunen

    public var label: String {
        switch self {
        case .oeffentlich: "öffentlich"
        case .kommunen: "nur für Kommunen"
        }
    }
}
