/// What the atlas knows of one Gemeinde (public facts, see `AtlasFacts`), in one Handlungsfeld or all.
public struct GemeindeActivity: Sendable, Equatable {
    /// Someone of its administration is a verified member.
    public var member = false
    public var items = 0
    public var cooperations = 0
    public var verbuende = 0
    /// Counts the membership only across all Handlungsfelder (a membership has no field).
    var countsMembership = true

    public init(member: Bool = false, items: Int = 0, cooperations: Int = 0, verbuende: Int = 0) {
        self.member = member
        self.items = items
        self.cooperations = cooperations
        self.verbuende = verbuende
    }

    /// On Aufwind: a verified member or a published item (in the Handlungsfeld: an item in it).
    public var isActive: Bool { (countsMembership && member) || items > 0 }

    /// No item, no cooperation and no Verbund (in the Handlungsfeld, if one is chosen).
    public var isIsolated: Bool { items == 0 && cooperations == 0 && verbuende == 0 }
}
