/// The cost-sharing form as typed: the shared cost, the expected funding, how to split (by the
/// form value of the method), the base amount and the expected usage per member. Amounts are
/// read with `EuroAmount`, so `80.000`, `80000` and `80.000,00 €` are the same.
public struct CostSharingInput: Sendable, Equatable {
    public var amount: String
    public var funding: String
    public var method: String
    public var base: String
    /// Member key → expected usage (e.g. cases per year), read like an amount.
    public var usage: [String: String]

    public init(amount: String = "", funding: String = "", method: String = "einwohner", base: String = "", usage: [String: String] = [:]) {
        self.amount = amount
        self.funding = funding
        self.method = method
        self.base = base
        self.usage = usage
    }

    /// The ways to split, by their form value.
    public static let methods: [(id: String, label: String)] = [
        ("einwohner", "nach Einwohnern"), ("gleich", "zu gleichen Teilen"), ("nutzung", "nach erwarteter Nutzung"),
        ("sockel", "Sockelbetrag plus pro Kopf"),
    ]

    /// The split between `members`, or every German message that stands in its way.
    public func split(members: [VerbundMember]) -> Result<CostSplit, ValidationMessages> {
        let total: EuroAmount
        switch EuroAmount.parse(amount) {
        case .failure(let message): return .failure(ValidationMessages(messages: [message]))
        case .success(let parsed): total = parsed
        }
        var funded = EuroAmount.zero
        if !funding.trimmingSpaces.isEmpty {
            switch EuroAmount.parse(funding) {
            case .failure(let message): return .failure(ValidationMessages(messages: [message]))
            case .success(let parsed): funded = parsed
            }
        }
        let chosen: CostSplitMethod
        switch splitMethod(members: members) {
        case .failure(let message): return .failure(ValidationMessages(messages: [message]))
        case .success(let parsed): chosen = parsed
        }
        return CostSharing.split(totalCost: total.euros, funding: funded.euros, members: members, method: chosen)
            .map { CostSplit(shares: $0, method: chosen) }.mapError { ValidationMessages(messages: [$0]) }
    }

    private func splitMethod(members: [VerbundMember]) -> Result<CostSplitMethod, ValidationMessage> {
        switch method {
        case "einwohner": return .success(.byPopulation)
        case "gleich": return .success(.equally)
        case "nutzung":
            // A member without a readable usage is missing; `CostSharing` names it.
            var values: [String: Double] = [:]
            for member in members {
                if let typed = usage[member.key], case .success(let value) = EuroAmount.parse(typed) { values[member.key] = value.euros }
            }
            return .success(.byUsage(values))
        case "sockel":
            guard !base.trimmingSpaces.isEmpty else { return .failure("Bitte einen Sockelbetrag je Mitglied angeben.") }
            return EuroAmount.parse(base).map { .basePlusPerCapita(base: $0.euros) }
        default:
            return .failure("Unbekannte Aufteilung „\(method)“.")
        }
    }
}

/// A cost split: a line per member that bears costs, and how it was split.
public struct CostSplit: Sendable, Equatable {
    public var shares: [CostShare]
    public var method: CostSplitMethod
}
