/// What a batch of changes asks of an instance, each thing once: a register import of 16,000 rows
/// is one reload, ten edits of one item one look-up.
public struct ChangeSummary: Sendable, Equatable {
    public var register = false
    public var fundingCatalogue = false
    /// Item ids (as stored, lowercased).
    public var items: Set<String> = []
    /// Towns whose answered interest requests changed.
    public var answeringTowns: Set<String> = []
    /// Event ids (lowercased).
    public var programmes: Set<String> = []
    public var solutions = false
    /// The atlas's figures: dropped for any item, cooperation, Verbund or membership change.
    public var atlas = false
    /// User ids (lowercased) whose cached sign-in must be read again.
    public var people: Set<String> = []
    /// User ids (lowercased) whose unread notifications must be read again.
    public var notified: Set<String> = []

    public init() {}

    public init(_ changes: some Sequence<Change>) {
        for change in changes { add(change) }
    }

    public var isEmpty: Bool { self == ChangeSummary() }

    public mutating func add(_ change: Change) {
        let key = change.key.lowercased()
        switch change.kind {
        case .register: register = true
        case .foerderkatalog: fundingCatalogue = true
        case .eintrag:
            items.insert(key)
            atlas = true
        case .anfragen: answeringTowns.insert(change.key)
        case .programm: programmes.insert(key)
        case .loesungen: solutions = true
        case .atlas: atlas = true
        case .person: people.insert(key)
        case .benachrichtigungen: notified.insert(key)
        }
    }
}
