/// How a town or provider organisation stands in a Verbund. What it may see follows from this
/// alone (see `Policy`): members see everything, invited ones what they need to decide, the rest
/// nothing.
public enum VerbundStanding: String, Sendable, CaseIterable {
    /// Invited, and the invitation is still open.
    case eingeladen
    /// Said yes, or leads the Verbund.
    case dabei
    /// Declined the invitation.
    case abgelehnt
    /// Invited, but nobody decided before the invitation ran out.
    case abgelaufen

    /// Better standings win when a user acts for several towns of one Verbund.
    var rank: Int {
        switch self {
        case .dabei: 3
        case .eingeladen: 2
        case .abgelaufen: 1
        case .abgelehnt: 0
        }
    }
}

/// Who stands how in one Verbund, and which town leads it: the resource the policy decides the
/// Verbund's actions about. Towns or organisations that are not listed (never invited, or no
/// longer in it) stand nowhere.
public struct VerbundParticipants: Sendable, Equatable, CustomStringConvertible {
    /// Town key (AGS or Kreis key) → standing.
    public var towns: [String: VerbundStanding]
    /// Organisation id (a provider) → standing.
    public var organisations: [String: VerbundStanding]
    /// The town that leads the Verbund (Konsortialführung), when it matters for the decision.
    public var leadKey: String?

    public init(towns: [String: VerbundStanding] = [:], organisations: [String: VerbundStanding] = [:], leadKey: String? = nil) {
        self.towns = towns
        self.organisations = organisations
        self.leadKey = leadKey
    }

    /// The best standing among the towns and organisations the actor acts for (confirmed
    /// memberships), and whether it is a town's; nil when the actor acts for none of them.
    func standing(of actor: Actor) -> (standing: VerbundStanding, isTown: Bool)? {
        var best: (standing: VerbundStanding, isTown: Bool)?
        for (key, standing) in towns where actor.townRoles[key] != nil && standing.rank > (best?.standing.rank ?? -1) {
            best = (standing, true)
        }
        for (id, standing) in organisations where actor.organisationRoles[id] != nil && standing.rank > (best?.standing.rank ?? -1) {
            best = (standing, false)
        }
        return best
    }

    public var description: String {
        let towns = self.towns.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.rawValue)" }
        let organisations = self.organisations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.rawValue)" }
        let lead = leadKey.map { "geführt von \($0); " } ?? ""
        return "Verbund(\(lead)\((towns + organisations).joined(separator: ", ")))"
    }
}
