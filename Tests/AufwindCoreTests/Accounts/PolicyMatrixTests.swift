import AufwindCore
import Testing

/// Walks every role × action × (own town / other town / region / platform) and pins the answer.
@Suite("Authorisation policy matrix")
struct PolicyMatrixTests {
    static let ahlen = Resource.town("05570004")
    static let muenster = Resource.town("05515000")
    static let kreisWarendorf = Resource.region("05570")
    static let landNRW = Resource.region("05")
    static let ownStartup = Resource.organisation("org-1")
    static let otherStartup = Resource.organisation("org-2")
    static let resources: [(String, Resource)] = [
        ("eigene Kommune", ahlen), ("andere Kommune", muenster), ("Kreis", kreisWarendorf), ("Land", landNRW), ("Plattform", .platform),
        ("eigene Organisation", ownStartup), ("andere Organisation", otherStartup),
    ]
    /// What every user with a confirmed address may do.
    static var confirmedUser: Set<String> {
        everywhere(.viewPublicPages) ∪ everywhere(.manageOwnAccount) ∪ everywhere(.createOrganisation)
            ∪ everywhere(.requestRegionalAccess)
    }

    /// The roles, each with exactly what it may do; everything else must be refused.
    static let roles: [(name: String, actor: Actor, allowed: Set<String>)] = [
        ("anonym", .anonymous, everywhere(.viewPublicPages)),
        ("unbestätigte E-Mail", Actor(userID: "u1"), everywhere(.viewPublicPages) ∪ everywhere(.manageOwnAccount)),
        ("angemeldet, ohne Kommune", Actor(userID: "u2", emailConfirmed: true),
         confirmedUser ∪ joinAnyOrganisation
            ∪ [key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster)]),
        ("Mitglied in Ahlen", Actor(userID: "u3", emailConfirmed: true, townRoles: ["05570004": .mitglied]),
         confirmedUser ∪ joinAnyOrganisation ∪ everywhere(.viewMembersOnlyItems)
            ∪ [key(.requestTownMembership, muenster), key(.viewTownMembers, ahlen), key(.actForTown, ahlen)]),
        ("Verwalter in Ahlen", Actor(userID: "u4", emailConfirmed: true, townRoles: ["05570004": .verwalter]),
         confirmedUser ∪ joinAnyOrganisation ∪ everywhere(.viewMembersOnlyItems)
            ∪ [key(.requestTownMembership, muenster), key(.viewTownMembers, ahlen), key(.actForTown, ahlen), key(.decideTownMembership, ahlen),
               key(.changeTownMemberRole, ahlen), key(.editTownProfile, ahlen)]),
        ("Regionalbehörde Kreis Warendorf", Actor(userID: "u5", emailConfirmed: true, regionalKeys: ["05570"]),
         confirmedUser ∪ joinAnyOrganisation
            ∪ [key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster), key(.viewRegionalOverview, kreisWarendorf)]),
        ("Regionalbehörde Land NRW", Actor(userID: "u6", emailConfirmed: true, regionalKeys: ["05"]),
         confirmedUser ∪ joinAnyOrganisation
            ∪ [key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster),
               key(.viewRegionalOverview, kreisWarendorf), key(.viewRegionalOverview, landNRW)]),
        ("Mitglied eines Startups", Actor(userID: "u7", emailConfirmed: true, organisationRoles: ["org-1": .mitglied]),
         confirmedUser ∪ [key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster),
                          key(.requestOrganisationMembership, otherStartup), key(.viewOrganisationMembers, ownStartup),
                          key(.actForOrganisation, ownStartup)]),
        ("Verwalter eines Startups", Actor(userID: "u8", emailConfirmed: true, organisationRoles: ["org-1": .verwalter]),
         confirmedUser ∪ [key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster),
                          key(.requestOrganisationMembership, otherStartup), key(.viewOrganisationMembers, ownStartup),
                          key(.manageOrganisation, ownStartup), key(.actForOrganisation, ownStartup)]),
        ("Plattform-Admin", Actor(userID: "admin", isPlatformAdmin: true, emailConfirmed: true),
         Set(Action.allCases.flatMap { action in resources.map { key(action, $0.1) } })),
    ]

    static var joinAnyOrganisation: Set<String> {
        [key(.requestOrganisationMembership, ownStartup), key(.requestOrganisationMembership, otherStartup)]
    }

    static func key(_ action: Action, _ resource: Resource) -> String { "\(action.rawValue) @ \(resource)" }
    static func everywhere(_ action: Action) -> Set<String> { Set(resources.map { key(action, $0.1) }) }

    @Test("every role × action × resource gets exactly its answer", arguments: roles.map(\.name))
    func matrix(role: String) {
        let entry = Self.roles.first { $0.name == role }!
        for action in Action.allCases {
            for (label, resource) in Self.resources {
                let decision = Policy.decide(entry.actor, action, resource)
                let expected = entry.allowed.contains(Self.key(action, resource))
                #expect(decision.isAllowed == expected, "\(role): \(action.rawValue) auf \(label)")
                if !decision.isAllowed { #expect(!decision.reason.isEmpty) }
            }
        }
    }

    @Test("a refusal says why, in German")
    func reasons() {
        #expect(Policy.decide(.anonymous, .editTownProfile, Self.ahlen).reason == "Bitte melden Sie sich an.")
        let member = Actor(userID: "u", emailConfirmed: true, townRoles: ["05570004": .mitglied])
        #expect(Policy.decide(member, .editTownProfile, Self.ahlen).reason == "Nur Verwalter dieser Kommune dürfen das.")
    }
}

infix operator ∪: AdditionPrecedence
private func ∪ (lhs: Set<String>, rhs: Set<String>) -> Set<String> { lhs.union(rhs) }
