/// How staff is shared between towns.
public enum StaffForm: String, Sendable, Codable, CaseIterable {
    case abordnung
    case gemeinsameStelle = "gemeinsame-stelle"
    case dienstleistung

    public var label: String {
        switch self {
        case .abordnung: "Abordnung"
        case .gemeinsameStelle: "gemeinsame Stelle"
        case .dienstleistung: "Dienstleistung"
        }
    }
}

/// The details of a staff offer or need ("Personal teilen").
public struct StaffSharing: Sendable, Equatable, Codable {
    /// The role, e.g. "Digitalisierungsbeauftragte:r".
    public var role: String
    public var hoursPerWeek: Int
    /// e.g. "2 Jahre", "ab sofort, unbefristet".
    public var duration: String
    public var form: StaffForm
    /// A proposal how to split the cost, e.g. "nach Einwohnern".
    public var costSplit: String

    public init(role: String, hoursPerWeek: Int, duration: String, form: StaffForm, costSplit: String) {
        self.role = role
        self.hoursPerWeek = hoursPerWeek
        self.duration = duration
        self.form = form
        self.costSplit = costSplit
    }
}
