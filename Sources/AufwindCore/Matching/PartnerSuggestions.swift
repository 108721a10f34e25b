/// Partners in two groups, each ranked by score: those within the reach the item asks for, and
/// those farther away that share its theme (a sub-theme, or a Handlungsfeld when the item has no
/// sub-themes). As a collection: the first group, then the second; so no partner out of reach
/// ever precedes one within it.
public struct PartnerSuggestions<Match: Sendable & Equatable>: Sendable, Equatable, RandomAccessCollection {
    /// Whether there is a second group at all: not when the reach is bundesweit (everything is within it).
    public var hasFartherGroup: Bool
    /// „In Ihrer Reichweite“.
    public var inReach: [Match]
    /// „Weiter entfernt, gleiches Thema“; empty without a second group.
    public var farther: [Match]

    public init(hasFartherGroup: Bool, inReach: [Match], farther: [Match]) {
        self.hasFartherGroup = hasFartherGroup
        self.inReach = inReach
        self.farther = farther
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { inReach.count + farther.count }
    public subscript(position: Int) -> Match {
        position < inReach.count ? inReach[position] : farther[position - inReach.count]
    }
}

extension CooperationItem {
    /// Whether a partner item out of reach shares this item's theme: one of its sub-themes or,
    /// when it has none, one of its Handlungsfelder.
    public func sharesTheme(with other: CooperationItem) -> Bool {
        unterthemen.isEmpty ? !handlungsfelder.isDisjoint(with: other.handlungsfelder) : !unterthemen.isDisjoint(with: other.unterthemen)
    }
}
