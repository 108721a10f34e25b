/// The eligibility check's input as typed: members, lead, costs.
public enum EligibilityInput {
    public static func parse(members typed: String, lead: String, costs: String, catalog: RegisterCatalog) -> Result<VerbundFacts, ValidationMessages>
    {
        let resolver = VerbundResolver(catalog: catalog)
        var errors: [ValidationMessage] = []
        var members: [VerbundMember] = []
        switch resolver.members(typed) {
        case .failure(let problems): errors += problems.messages
        case .success(let list): members = list
        }
        var leadKey: String?
        let leadText = lead.trimmingSpaces
        if !leadText.isEmpty {
            switch TownChoices(catalog: catalog).lookup(leadText) {
            case .town(let key):
                leadKey = key
            case .choose(let options, let more):
                // Of the towns the name may mean, the one among the members is meant.
                let amongMembers = options.filter { option in members.contains { $0.key == option.key } }
                if amongMembers.count == 1 {
                    leadKey = amongMembers[0].key
                } else {
                    errors.append(ValidationMessage("Federführende Kommune: " + VerbundResolver.ambiguity(leadText, options, more: more).text))
                }
            case .notFound:
                errors.append("Federführende Kommune „\(leadText)“: keine Gemeinde und kein Kreis gefunden.")
            }
        }
        var eligibleCosts: Double?
        if !costs.trimmingSpaces.isEmpty {
            switch EuroAmount.parse(costs) {
            case .failure(let message): errors.append(message)
            case .success(let amount) where amount == .zero: errors.append("Die zuwendungsfähigen Ausgaben müssen größer als 0 € sein.")
            case .success(let amount): eligibleCosts = amount.euros
            }
        }
        guard errors.isEmpty else { return .failure(ValidationMessages(messages: errors)) }
        let verbund = VerbundFacts(members: members, leadKey: leadKey, eligibleCosts: eligibleCosts)
        let problems = verbund.problems
        return problems.isEmpty ? .success(verbund) : .failure(ValidationMessages(messages: problems.map { ValidationMessage($0) }))
    }
}
