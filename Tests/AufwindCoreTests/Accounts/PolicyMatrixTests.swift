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
    /// Verbünde by how Ahlen (or the startup org-1) stands in them; Münster is always in and leads
    /// unless Ahlen does.
    static func verbund(ahlen: VerbundStanding? = nil, startup: VerbundStanding? = nil, lead: String = "05515000") -> Resource {
        var towns: [String: VerbundStanding] = ["05515000": .dabei]
        towns["05570004"] = ahlen
        var organisations: [String: VerbundStanding] = ["org-2": .dabei]
        organisations["org-1"] = startup
        return .verbund(VerbundParticipants(towns: towns, organisations: organisations, leadKey: lead))
    }
    static let verbundAhlenDabei = verbund(ahlen: .dabei)
    static let verbundAhlenEingeladen = verbund(ahlen: .eingeladen)
    static let verbundAhlenAbgelehnt = verbund(ahlen: .abgelehnt)
    static let verbundAhlenAbgelaufen = verbund(ahlen: .abgelaufen)
    static let verbundOhneAhlen = verbund()
    static let verbundStartupDabei = verbund(startup: .dabei)
    static let verbundStartupEingeladen = verbund(startup: .eingeladen)
    static let verbundStartupAbgelehnt = verbund(startup: .abgelehnt)
    static let verbundAhlenFuehrt = verbund(ahlen: .dabei, lead: "05570004")
    /// An answer of the startup org-1 to a Bedarf of Ahlen.
    static let answerToAhlen = Resource.needAnswer(townKey: "05570004", organisationID: "org-1")
    static let resources: [(String, Resource)] = [
        ("eigene Kommune", ahlen), ("andere Kommune", muenster), ("Kreis", kreisWarendorf), ("Land", landNRW), ("Plattform", .platform),
        ("eigene Organisation", ownStartup), ("andere Organisation", otherStartup),
        ("Verbund, Ahlen dabei", verbundAhlenDabei), ("Verbund, Ahlen eingeladen", verbundAhlenEingeladen),
        ("Verbund, Ahlen abgelehnt", verbundAhlenAbgelehnt), ("Verbund, Ahlens Einladung abgelaufen", verbundAhlenAbgelaufen),
        ("Verbund ohne Ahlen", verbundOhneAhlen), ("Verbund, Startup dabei", verbundStartupDabei),
        ("Verbund, Startup eingeladen", verbundStartupEingeladen), ("Verbund, Startup abgelehnt", verbundStartupAbgelehnt),
        ("Verbund unter Führung Ahlens", verbundAhlenFuehrt), ("Antwort von org-1 an Ahlen", answerToAhlen),
    ]
    /// What a member of a Verbund may do in it: see it whole, keep its dates, make its calendar link.
    static func memberOf(_ verbund: Resource) -> Set<String> {
        [
            key(.viewVerbund, verbund), key(.viewVerbundInvitation, verbund), key(.manageVerbundDates, verbund),
            key(.createVerbundCalendarLink, verbund),
        ]
    }
    /// What a member of Ahlen (any role) may see and do in Verbünde: as a member where Ahlen is
    /// in, the invitation where it is invited, and the lead's choices where Ahlen leads.
    static let ahlenVerbuende: Set<String> =
        memberOf(verbundAhlenDabei) ∪ memberOf(verbundAhlenFuehrt)
        ∪ [
            key(.viewVerbundInvitation, verbundAhlenEingeladen), key(.manageVerbund, verbundAhlenFuehrt),
            key(.withdrawVerbundInvitation, verbundAhlenFuehrt),
        ]
    /// What a member of the startup (any role) may see and do in Verbünde; a provider never leads.
    static let startupVerbuende: Set<String> = memberOf(verbundStartupDabei) ∪ [key(.viewVerbundInvitation, verbundStartupEingeladen)]
    /// What every user with a confirmed address may do.
    static var confirmedUser: Set<String> {
        everywhere(.viewPublicPages) ∪ everywhere(.manageOwnAccount) ∪ everywhere(.createOrganisation)
            ∪ everywhere(.requestRegionalAccess) ∪ everywhere(.reportContent)
    }

    /// The roles, each with exactly what it may do; everything else must be refused.
    static let roles: [(name: String, actor: Actor, allowed: Set<String>)] = [
        ("anonym", .anonymous, everywhere(.viewPublicPages)),
        ("unbestätigte E-Mail", Actor(userID: "u1"), everywhere(.viewPublicPages) ∪ everywhere(.manageOwnAccount)),
        (
            "angemeldet, ohne Kommune", Actor(userID: "u2", emailConfirmed: true),
            confirmedUser ∪ joinAnyOrganisation
                ∪ [key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster)]
        ),
        (
            "Mitglied in Ahlen", Actor(userID: "u3", emailConfirmed: true, townRoles: ["05570004": .mitglied]),
            confirmedUser ∪ joinAnyOrganisation ∪ everywhere(.createItem)
                ∪ ahlenVerbuende ∪ [
                    key(.requestTownMembership, muenster), key(.viewTownMembers, ahlen), key(.actForTown, ahlen),
                    key(.speakForTownAboutSolution, ahlen), key(.takePartInAnswerConversation, answerToAhlen),
                    key(.decideOnAnswers, ahlen),
                ]
        ),
        (
            "Verwalter in Ahlen", Actor(userID: "u4", emailConfirmed: true, townRoles: ["05570004": .verwalter]),
            confirmedUser ∪ joinAnyOrganisation ∪ everywhere(.createItem)
                ∪ ahlenVerbuende ∪ [
                    key(.requestTownMembership, muenster), key(.viewTownMembers, ahlen), key(.actForTown, ahlen), key(.decideTownMembership, ahlen),
                    key(.changeTownMemberRole, ahlen), key(.editTownProfile, ahlen), key(.speakForTownAboutSolution, ahlen),
                    key(.takePartInAnswerConversation, answerToAhlen), key(.decideOnAnswers, ahlen),
                ]
        ),
        (
            "Regionalbehörde Kreis Warendorf", Actor(userID: "u5", emailConfirmed: true, regionalKeys: ["05570"]),
            confirmedUser ∪ joinAnyOrganisation
                ∪ [key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster), key(.viewRegionalOverview, kreisWarendorf)]
        ),
        (
            "Regionalbehörde Land NRW", Actor(userID: "u6", emailConfirmed: true, regionalKeys: ["05"]),
            confirmedUser ∪ joinAnyOrganisation
                ∪ [
                    key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster),
                    key(.viewRegionalOverview, kreisWarendorf), key(.viewRegionalOverview, landNRW),
                ]
        ),
        (
            "Mitglied eines Startups", Actor(userID: "u7", emailConfirmed: true, organisationRoles: ["org-1": .mitglied]),
            confirmedUser ∪ startupVerbuende ∪ [
                key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster),
                key(.requestOrganisationMembership, otherStartup), key(.viewOrganisationMembers, ownStartup),
                key(.actForOrganisation, ownStartup), key(.answerNeed, ownStartup), key(.takePartInAnswerConversation, answerToAhlen),
                key(.applyForPitch, ownStartup),
            ]
        ),
        (
            "Verwalter eines Startups", Actor(userID: "u8", emailConfirmed: true, organisationRoles: ["org-1": .verwalter]),
            confirmedUser ∪ startupVerbuende ∪ [
                key(.requestTownMembership, ahlen), key(.requestTownMembership, muenster),
                key(.requestOrganisationMembership, otherStartup), key(.viewOrganisationMembers, ownStartup),
                key(.manageOrganisation, ownStartup), key(.actForOrganisation, ownStartup), key(.answerNeed, ownStartup),
                key(.takePartInAnswerConversation, answerToAhlen), key(.applyForPitch, ownStartup),
            ]
        ),
        (
            "Plattform-Admin", Actor(userID: "admin", isPlatformAdmin: true, emailConfirmed: true),
            // Everything but what only the person concerned does, and items, which are not among these resources.
            Set(Action.allCases.filter { !$0.isPersonal && $0 != .viewItem }.flatMap { action in resources.map { key(action, $0.1) } })
        ),
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
        #expect(Policy.decide(member, .editTownProfile, Self.ahlen).reason == "Nur Verwalter:innen dieser Kommune dürfen das.")
        #expect(
            Policy.decide(member, .viewVerbund, Self.verbundAhlenEingeladen).reason.hasPrefix(
                "Ihre Kommune ist in diesen Verbund eingeladen, aber noch nicht dabei"))
        #expect(
            Policy.decide(member, .viewVerbundInvitation, Self.verbundAhlenAbgelehnt).reason
                == "Ihre Kommune hat die Einladung in diesen Verbund abgelehnt; den Verbund sehen nur seine Mitglieder.")
        #expect(
            Policy.decide(member, .viewVerbund, Self.verbundAhlenAbgelaufen).reason
                == "Die Einladung Ihrer Kommune in diesen Verbund ist abgelaufen; den Verbund sehen nur seine Mitglieder.")
        #expect(Policy.decide(member, .viewVerbund, Self.verbundOhneAhlen).reason == "Diesen Verbund sehen nur seine Mitglieder.")
        let startup = Actor(userID: "s", emailConfirmed: true, organisationRoles: ["org-1": .mitglied])
        #expect(Policy.decide(startup, .viewVerbund, Self.verbundStartupAbgelehnt).reason.hasPrefix("Ihre Organisation hat die Einladung"))
        #expect(Policy.decide(member, .manageVerbund, Self.verbundAhlenDabei).reason == "Das entscheidet die federführende Kommune des Verbunds.")
        #expect(
            Policy.decide(member, .withdrawVerbundInvitation, Self.verbundAhlenDabei).reason
                == "Einladungen zieht die federführende Kommune des Verbunds zurück.")
        #expect(
            Policy.decide(member, .manageVerbundDates, Self.verbundAhlenEingeladen).reason == "Termine legen und pflegen die Mitglieder des Verbunds."
        )
        #expect(
            Policy.decide(startup, .createVerbundCalendarLink, Self.verbundOhneAhlen).reason
                == "Den Link für das Kalender-Abo erzeugen Mitglieder des Verbunds.")
        #expect(Policy.decide(member, .manageVerbund, Self.ahlen).reason == "Unbekannter Verbund.")
    }

    @Test("the lead's choices belong to the lead town alone, whoever else is in the Verbund")
    func leadDecides() {
        let ahlen = Actor(userID: "a", emailConfirmed: true, townRoles: ["05570004": .mitglied])
        // a Verbund whose lead is not listed among its towns still belongs to the lead
        let unlisted = Resource.verbund(VerbundParticipants(towns: ["05515000": .dabei], leadKey: "05570004"))
        #expect(Policy.decide(ahlen, .manageVerbund, unlisted).isAllowed)
        #expect(Policy.decide(ahlen, .withdrawVerbundInvitation, unlisted).isAllowed)
        #expect(!Policy.decide(ahlen, .manageVerbundDates, unlisted).isAllowed)
        #expect(!Policy.decide(ahlen, .manageVerbund, .verbund(VerbundParticipants(towns: ["05570004": .dabei]))).isAllowed)
    }

    @Test("a user acting for several towns of a Verbund sees it as the best-placed one")
    func bestStandingWins() {
        let both = Actor(userID: "b", emailConfirmed: true, townRoles: ["05570004": .mitglied, "05570036": .mitglied])
        let declinedAndIn = Resource.verbund(VerbundParticipants(towns: ["05570004": .abgelehnt, "05570036": .dabei]))
        let declinedAndInvited = Resource.verbund(VerbundParticipants(towns: ["05570004": .abgelehnt, "05570036": .eingeladen]))
        #expect(Policy.decide(both, .viewVerbund, declinedAndIn).isAllowed)
        #expect(!Policy.decide(both, .viewVerbund, declinedAndInvited).isAllowed)
        #expect(Policy.decide(both, .viewVerbundInvitation, declinedAndInvited).isAllowed)
        // a pending (unconfirmed) membership does not count: the actor holds confirmed ones only
        #expect(!Policy.decide(Actor(userID: "p", emailConfirmed: true), .viewVerbundInvitation, declinedAndInvited).isAllowed)
    }
}

infix operator ∪ : AdditionPrecedence
private func ∪ (lhs: Set<String>, rhs: Set<String>) -> Set<String> { lhs.union(rhs) }
