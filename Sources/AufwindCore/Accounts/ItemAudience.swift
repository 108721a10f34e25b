/// What the policy needs to know of a cooperation item (Vorhaben, Bedarf, Angebot) to decide who sees it.
public struct ItemFacts: Sendable, Equatable {
    public var ownerKey: String
    public var visibility: Visibility
    public var published: Bool

    public init(ownerKey: String, visibility: Visibility, published: Bool) {
        self.ownerKey = ownerKey
        self.visibility = visibility
        self.published = published
    }
}

/// Which items an actor sees — the one item-visibility rule, for single items (through
/// `Policy`, action `viewItem`) and for lists and database queries alike:
/// - published public items: everybody, also without an account (and the feeds);
/// - published items shared only with towns: members of any town;
/// - drafts: the members of the owning town;
/// - the platform administration: everything.
public struct ItemAudience: Sendable, Equatable {
    /// Sees published items that are shared with towns only.
    public var seesMembersOnly: Bool
    /// Towns whose drafts the actor sees.
    public var draftTowns: Set<String>
    /// Sees every draft (the platform administration).
    public var seesAllDrafts: Bool

    /// Everybody: what anonymous visitors, feeds and exports see.
    public static let everybody = ItemAudience(seesMembersOnly: false, draftTowns: [], seesAllDrafts: false)

    public init(seesMembersOnly: Bool, draftTowns: Set<String>, seesAllDrafts: Bool) {
        self.seesMembersOnly = seesMembersOnly
        self.draftTowns = draftTowns
        self.seesAllDrafts = seesAllDrafts
    }

    public static func of(_ actor: Actor) -> ItemAudience {
        guard actor.isAuthenticated else { return .everybody }
        if actor.isPlatformAdmin { return ItemAudience(seesMembersOnly: true, draftTowns: [], seesAllDrafts: true) }
        return ItemAudience(seesMembersOnly: !actor.townRoles.isEmpty, draftTowns: Set(actor.townRoles.keys), seesAllDrafts: false)
    }

    /// Only public items (searches and suggestions filter with this).
    public var publicOnly: Bool { !seesMembersOnly }

    public func sees(_ item: ItemFacts) -> Bool {
        guard item.published else { return seesAllDrafts || draftTowns.contains(item.ownerKey) }
        return item.visibility == .oeffentlich || seesMembersOnly
    }
}
