/// The public facts the Kooperationsatlas counts, keyed by AGS (a Gemeinde) or Kreis key: what
/// anyone may know. Published public items that no moderation decision hid, without demo data;
/// cooperations on such items; Verbünde past their founding (not "in Gründung", not "abgelehnt")
/// with the towns that accepted; towns with a verified member. Nothing private is counted.
public struct AtlasFacts: Sendable, Equatable {
    /// Items of one owner with the same Handlungsfelder, counted together.
    public struct ItemGroup: Sendable, Equatable {
        public var ownerKey: String
        public var fields: Set<Handlungsfeld>
        public var count: Int

        public init(ownerKey: String, fields: Set<Handlungsfeld>, count: Int) {
            self.ownerKey = ownerKey
            self.fields = fields
            self.count = count
        }
    }

    /// Two towns (or a town and a Kreis) cooperating on an item.
    public struct Cooperation: Sendable, Equatable {
        public var ownerKey: String
        public var partnerKey: String
        public var fields: Set<Handlungsfeld>

        public init(ownerKey: String, partnerKey: String, fields: Set<Handlungsfeld>) {
            self.ownerKey = ownerKey
            self.partnerKey = partnerKey
            self.fields = fields
        }
    }

    /// A Verbund with the keys of the towns and Kreise in it.
    public struct Verbund: Sendable, Equatable {
        public var memberKeys: [String]
        public var fields: Set<Handlungsfeld>

        public init(memberKeys: [String], fields: Set<Handlungsfeld>) {
            self.memberKeys = memberKeys
            self.fields = fields
        }
    }

    public var memberTowns: Set<String>
    public var items: [ItemGroup]
    public var cooperations: [Cooperation]
    public var verbuende: [Verbund]

    public init(memberTowns: Set<String> = [], items: [ItemGroup] = [], cooperations: [Cooperation] = [], verbuende: [Verbund] = []) {
        self.memberTowns = memberTowns
        self.items = items
        self.cooperations = cooperations
        self.verbuende = verbuende
    }
}
