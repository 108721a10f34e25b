/// What a date of a Verbund is.
public enum VerbundDateKind: String, Sendable, CaseIterable {
    case frist, meilenstein, aufgabe

    public var label: String {
        switch self {
        case .frist: "Frist"
        case .meilenstein: "Meilenstein"
        case .aufgabe: "Aufgabe"
        }
    }
}

/// A deadline, milestone or task of a Verbund, with a due day and the member responsible for it.
public struct VerbundDate: Sendable, Equatable {
    /// The stored row's id (lower-case UUID).
    public var id: String
    /// The Verbund's id (lower-case UUID).
    public var verbundID: String
    /// A `VerbundDateKind` raw value.
    public var kind: String
    public var title: String
    /// ISO day (JJJJ-MM-TT).
    public var due: String
    public var ownerKey: String
    public var done: Bool

    public init(id: String, verbundID: String, kind: String, title: String, due: String, ownerKey: String, done: Bool) {
        self.id = id
        self.verbundID = verbundID
        self.kind = kind
        self.title = title
        self.due = due
        self.ownerKey = ownerKey
        self.done = done
    }

    public var kindLabel: String { VerbundDateKind(rawValue: kind)?.label ?? kind }
}

/// A new date as the form gives it, checked: every problem in German at once.
public struct VerbundDateInput: Sendable, Equatable {
    public var kind: VerbundDateKind
    public var title: String
    public var due: String
    public var ownerKey: String

    public init(kind: VerbundDateKind, title: String, due: String, ownerKey: String) {
        self.kind = kind
        self.title = title
        self.due = due
        self.ownerKey = ownerKey
    }

    /// `owner` must be a member that is in the Verbund.
    public static func parse(kind: String?, title: String?, due: String?, owner: String?, members: [VerbundMembership]) -> Result<
        VerbundDateInput, ValidationMessages
    > {
        var errors: [ValidationMessage] = []
        let kind = VerbundDateKind(rawValue: kind ?? "")
        if kind == nil { errors.append("Bitte wählen Sie Frist, Meilenstein oder Aufgabe.") }
        let title = (title ?? "").trimmingSpaces
        if title.isEmpty || title.unicodeScalars.count > 120 || title.containsControlCharacters() {
            errors.append("„Was“ muss 1 bis 120 Zeichen lang sein (ohne Steuerzeichen).")
        }
        let due = (due ?? "").trimmingSpaces
        if !ISODay.isValid(due) { errors.append("„\(due)“ ist kein Datum (JJJJ-MM-TT).") }
        let owner = owner ?? ""
        if !members.contains(where: { $0.key == owner && $0.status == .accepted }) {
            errors.append("Verantwortlich ist eine Kommune, die im Verbund dabei ist.")
        }
        guard let kind, errors.isEmpty else { return .failure(ValidationMessages(messages: errors)) }
        return .success(VerbundDateInput(kind: kind, title: title, due: due, ownerKey: owner))
    }
}
