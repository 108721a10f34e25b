/// What kind of member a Verbund has; providers take part but never apply.
public enum MemberType: String, Sendable, Codable, CaseIterable {
    case gemeinde, kreis, zweckverband, anbieter

    public var label: String {
        switch self {
        case .gemeinde: "Gemeinde"
        case .kreis: "Kreis"
        case .zweckverband: "Zweckverband"
        case .anbieter: "Anbieter"
        }
    }

    /// Providers are partners, not applicants.
    public var canApply: Bool { self != .anbieter }
}

/// One member of a Verbund as the eligibility check sees it.
public struct VerbundMember: Sendable, Equatable {
    /// AGS of a Gemeinde, key of a Kreis, or an id for Zweckverbände and providers.
    public var key: String
    public var name: String
    public var type: MemberType
    /// Two-digit Land code ("" when unknown, e.g. for a provider).
    public var landCode: String
    public var population: Int
    /// The Kreis the member belongs to (a Kreis: itself).
    public var kreisKey: String
    /// The kind of town the register gives ("Stadt", "Gemeinde", "Landkreis"); nil for members
    /// from outside the register.
    public var registerKind: String?

    public init(
        key: String, name: String, type: MemberType, landCode: String, population: Int, kreisKey: String, registerKind: String? = nil
    ) {
        self.key = key
        self.name = name
        self.type = type
        self.landCode = landCode
        self.population = population
        self.kreisKey = kreisKey
        self.registerKind = registerKind
    }

    /// "Telgte (Stadt)", "Warendorf (Kreis)", "Wasserverband (Zweckverband)": the name with the
    /// kind the register gives, else the kind of member.
    public var nameWithKind: String { RegisterNames.withKind(name, registerKind ?? type.label) }
}

/// A Verbund: its members, the lead partner (Konsortialführung) and its Handlungsfelder.
public struct VerbundFacts: Sendable, Equatable {
    public var members: [VerbundMember]
    public var leadKey: String?
    public var handlungsfelder: Set<Handlungsfeld>
    /// Eligible costs in euro, for the funding estimate (optional).
    public var eligibleCosts: Double?

    public init(members: [VerbundMember], leadKey: String?, handlungsfelder: Set<Handlungsfeld> = [], eligibleCosts: Double? = nil) {
        self.members = members
        self.leadKey = leadKey
        self.handlungsfelder = handlungsfelder
        self.eligibleCosts = eligibleCosts
    }

    public var applicants: [VerbundMember] { members.filter(\.type.canApply) }
    public var lead: VerbundMember? { leadKey.flatMap { key in members.first { $0.key == key } } }

    /// Inhabitants of the whole Verbund: a Kreis counts once, its member Gemeinden not again.
    public var totalPopulation: Int {
        let kreise = Set(members.filter { $0.type == .kreis }.map(\.key))
        return members.reduce(0) { sum, member in
            switch member.type {
            case .kreis: sum + member.population
            case .gemeinde: kreise.contains(member.kreisKey) ? sum : sum + member.population
            case .zweckverband, .anbieter: sum
            }
        }
    }

    /// The distinct Kreise the Verbund covers.
    public var kreisCount: Int { Set(members.filter { $0.type == .gemeinde || $0.type == .kreis }.map(\.kreisKey)).count }

    /// Problems with the Verbund itself (not with a programme), in German.
    public var problems: [String] {
        var problems: [String] = []
        var seen = Set<String>()
        for member in members where !seen.insert(member.key).inserted {
            problems.append("\(member.name) ist doppelt im Verbund.")
        }
        if let leadKey, !members.contains(where: { $0.key == leadKey }) {
            problems.append("Die federführende Kommune (\(leadKey)) gehört nicht zum Verbund.")
        }
        if let lead, !lead.type.canApply {
            problems.append("\(lead.name) ist Anbieter und kann nicht federführende Kommune sein.")
        }
        return problems
    }
}
