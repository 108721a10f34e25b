/// What a row of the change log says was written, so that every instance's in-memory copies follow
/// (issue 18). The database writes the rows itself (triggers), in the transaction of the change.
public enum ChangeKind: String, Sendable, CaseIterable {
    /// The register (Gemeinden, Gebietseinheiten, imports): read anew as a whole.
    case register
    /// The funding catalogue: read anew as a whole.
    case foerderkatalog
    /// One item (key: its id): the match engine and the item search follow it.
    case eintrag
    /// A town's answered interest requests (key: the town key), a figure of the partner search.
    case anfragen
    /// An event's published programme or what it shows (key: the event id).
    case programm
    /// Solutions and their references: the solution search and "who uses it near me".
    case loesungen
    /// Cooperations, Verbünde, their members or memberships: the atlas's figures.
    case atlas
    /// A person, their memberships or a session of theirs ended (key: the user id).
    case person
    /// A person's notifications (key: the user id): the unread count in the navigation.
    case benachrichtigungen
}

/// One row of the change log.
public struct Change: Sendable, Equatable {
    public var sequence: Int64
    public var kind: ChangeKind
    public var key: String

    public init(sequence: Int64, kind: ChangeKind, key: String) {
        self.sequence = sequence
        self.kind = kind
        self.key = key
    }
}
