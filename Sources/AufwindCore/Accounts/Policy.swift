/// Everything a user can try to do that authorisation decides.
public enum Action: String, Sendable, CaseIterable {
    case viewPublicPages
    case manageOwnAccount
    case requestTownMembership
    case viewTownMembers
    /// Confirm or decline a pending member of a town that already has members.
    case decideTownMembership
    /// Confirm the very first member of a town (verification by the platform).
    case verifyFirstTownMember
    case changeTownMemberRole
    case editTownProfile
    case viewAdminQueue
    case viewOutbox
    case viewRegionalOverview
    /// Ask, as a Regionalbehörde, for read access to a region's overviews.
    case requestRegionalAccess
    /// Found an Anbieter or Veranstalter organisation (confirmed by the platform afterwards).
    case createOrganisation
    /// Confirm or decline a newly founded organisation.
    case confirmOrganisation
    case requestOrganisationMembership
    case viewOrganisationMembers
    /// Confirm or decline a member of an organisation, change roles, edit it.
    case manageOrganisation
    /// Act for a town as one of its confirmed members: create and edit its items, express its
    /// interest, decide requests to it, write in its cooperations.
    case actForTown
    /// Create and edit funding programmes and their rules.
    case editFundingProgrammes
    /// Act for an organisation as one of its confirmed members (e.g. answer a Verbund invitation).
    case actForOrganisation
    /// Lead a Verbund: invite to it, enter a Zweckverband, set its status, choose its programme,
    /// rename and describe it. Only members of the lead town (Konsortialführung).
    case manageVerbund
    /// Withdraw an invitation to a Verbund (the invited town or provider is no longer in it):
    /// only members of the lead town.
    case withdrawVerbundInvitation
    /// Add dates (deadlines, milestones, tasks) to a Verbund and mark them done: its members.
    case manageVerbundDates
    /// Make the secret calendar link of a Verbund (the old one stops working): its members.
    case createVerbundCalendarLink
    /// See a Verbund whole: its members, dates, costs and calendar, on its pages and in the API.
    /// Only towns and providers that are in it (`VerbundStanding.dabei`).
    case viewVerbund
    /// See what an invited town or provider needs to decide: the Verbund's name and description,
    /// lead, Vorhaben, programme and its own invitation. Declined and expired invitations see nothing.
    case viewVerbundInvitation

    // Vorhaben, Bedarfe, Angebote
    /// Create an item: confirmed members of a town (for which town is `actForTown`).
    case createItem
    /// See one item, as `ItemAudience` says; drafts stay hidden from everybody else (404).
    case viewItem
    /// Read and write the messages of a cooperation: members of the towns in it.
    case takePartInCooperation

    // Veranstaltungen
    /// Create an event for a town one acts for or a confirmed Veranstalter one belongs to.
    case createEvent
    /// Run an event: change it, plan and publish its programme, run its pitch stage, export its participants.
    case organiseEvent
    /// What an event keeps for the people in it (its team and registered participants with a
    /// seat): the participant list, proposing sessions, the agenda.
    case enterEvent
    /// Vote for sessions, ask for 1:1 meetings: registered participants with a seat.
    case participateInEvent
    /// Change a session (hosts, availability, cancel): its hosts and the event's team.
    case editEventSession
    /// Record a session's result and carry it on as an item: its hosts only.
    case leadEventSession
    /// Accept or decline a 1:1 meeting request: only the person asked.
    case answerMeetingRequest
    /// Withdraw one's meeting request, or cancel an accepted meeting as either person.
    case withdrawMeeting

    // Lösungen
    /// Publish a solution for, or change a solution of, an Anbieter or town one is a confirmed member of.
    case publishSolution
    /// Propose that a town uses a solution (the town confirms or declines): its publisher's members.
    case proposeSolutionReference
    /// Say for a town that it uses a solution — record, confirm, decline, renew, remove a reference:
    /// only the town's own confirmed members (a reference is the town's word, not the platform's).
    case speakForTownAboutSolution
    /// Answer a published Bedarf with one of the organisation's solutions: its confirmed members.
    case answerNeed
    /// Apply for a pitch at an event with one of the organisation's solutions, and withdraw the
    /// application: its confirmed members.
    case applyForPitch
    /// See the answers to a Bedarf ranked, mark one "passt nicht", switch answers off or on: the
    /// town's own confirmed members (the Anbieter's answers are the town's business, not the platform's).
    case decideOnAnswers
    /// Read and write the conversation about an answer: the members of the town that published
    /// the Bedarf and of the Anbieter that answered (no one else, not even the administration).
    case takePartInAnswerConversation

    // Moderation
    /// Report content (a solution, item, answer or message) to the platform administration.
    case reportContent
    /// Decide on reported content and on objections: the platform administration only.
    case moderateContent
    /// See a moderation decision with its statement of reasons: the people it concerns (and the administration).
    case viewModerationDecision
    /// Object once against a decision: the author (or, without one, the content's town or Anbieter).
    case objectToModeration

    // Konto
    /// End a membership or withdraw a membership request: one's own only.
    case endMembership
    /// Read a notification and mark it read: its own recipient only (everybody else: not found).
    case readNotification

    /// Actions that depend on the person's own standing — their registration, the sessions they
    /// lead, requests addressed to them, their memberships, the towns they act for. The platform
    /// administration has no standing of its own there; it may do everything else.
    public var isPersonal: Bool {
        [
            .createItem, .participateInEvent, .leadEventSession, .answerMeetingRequest, .withdrawMeeting, .endMembership, .readNotification,
            .proposeSolutionReference, .speakForTownAboutSolution, .answerNeed, .decideOnAnswers, .takePartInAnswerConversation, .objectToModeration,
            .applyForPitch,
        ]
        .contains(self)
    }
}

/// What an action is done to.
public enum Resource: Sendable, Equatable {
    case platform
    /// A Gemeinde (AGS) or Kreis (5-digit key).
    case town(String)
    /// A Kreis, Regierungsbezirk or Land key.
    case region(String)
    /// An Anbieter or Veranstalter organisation, by id.
    case organisation(String)
    /// A Verbund, as its towns and providers stand in it.
    case verbund(VerbundParticipants)
    /// A Vorhaben, Bedarf or Angebot.
    case item(ItemFacts)
    /// A cooperation between towns, by the towns in it.
    case cooperation(towns: Set<String>)
    /// An event to be created, for this organiser (nil: the person acts for no possible organiser).
    case newEvent(EventOrganiserChoice?)
    /// An event, as the acting person stands in it.
    case event(EventStanding)
    /// A session of an event.
    case eventSession(EventSessionStanding)
    /// A 1:1 meeting request at an event.
    case meeting(MeetingStanding)
    /// A membership or membership request of the user with this id.
    case membership(userID: String)
    /// An in-app notification, by the id of the user it is for.
    case notification(recipientID: String)
    /// A solution (or one to be published), by its publisher.
    case solution(SolutionPublisher)
    /// An Anbieter's answer to a Bedarf, by the town that published the Bedarf and the organisation that answered.
    case needAnswer(townKey: String, organisationID: String)
    /// A moderation decision, by the people it concerns.
    case moderationCase(ModerationParties)
}

/// The answer, with a German reason to show when it is no.
public struct Decision: Sendable, Equatable {
    public var isAllowed: Bool
    public var reason: String
    /// A refusal that must not even reveal that the resource exists (answered as "not found").
    public var concealsExistence: Bool

    static let allowed = Decision(isAllowed: true, reason: "erlaubt", concealsExistence: false)
    static func denied(_ reason: String) -> Decision { Decision(isAllowed: false, reason: reason, concealsExistence: false) }
    static func concealed(_ reason: String) -> Decision { Decision(isAllowed: false, reason: reason, concealsExistence: true) }
}

/// The one place that answers "may this actor do this action on this resource?".
/// Every route asks it; pages use it to hide what the user may not do.
public enum Policy {
    public static func decide(_ actor: Actor, _ action: Action, _ resource: Resource) -> Decision {
        if action == .viewPublicPages { return .allowed }
        if action == .viewItem { return item(actor, resource) }
        guard actor.isAuthenticated else { return .denied("Bitte melden Sie sich an.") }
        if action == .createEvent, case .newEvent(nil) = resource {
            return .denied("Veranstaltungen legen Mitglieder einer Kommune oder eines bestätigten Veranstalters an.")
        }
        if actor.isPlatformAdmin && !action.isPersonal { return .allowed }
        switch action {
        case .viewPublicPages, .manageOwnAccount:
            return .allowed
        case .requestTownMembership:
            guard actor.emailConfirmed else { return .denied("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.") }
            guard case .town(let key) = resource else { return .denied("Unbekannte Kommune.") }
            return actor.townRoles[key] == nil ? .allowed : .denied("Sie sind bereits Mitglied dieser Kommune.")
        case .viewTownMembers:
            return role(of: actor, in: resource) != nil ? .allowed : .denied("Nur Mitglieder dieser Kommune sehen ihre Mitglieder.")
        case .decideTownMembership, .changeTownMemberRole, .editTownProfile:
            return role(of: actor, in: resource) == .verwalter
                ? .allowed : .denied("Nur Verwalter:innen dieser Kommune dürfen das.")
        case .verifyFirstTownMember, .viewAdminQueue, .viewOutbox, .confirmOrganisation, .editFundingProgrammes, .moderateContent:
            return .denied("Nur die Plattform-Administration darf das.")
        case .createOrganisation, .requestRegionalAccess:
            return actor.emailConfirmed ? .allowed : .denied("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.")
        case .requestOrganisationMembership:
            guard actor.emailConfirmed else { return .denied("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.") }
            guard case .organisation(let id) = resource else { return .denied("Unbekannte Organisation.") }
            return actor.organisationRoles[id] == nil ? .allowed : .denied("Sie sind bereits Mitglied dieser Organisation.")
        case .viewOrganisationMembers:
            return organisationRole(of: actor, in: resource) != nil
                ? .allowed : .denied("Nur Mitglieder dieser Organisation sehen ihre Mitglieder.")
        case .actForOrganisation:
            return organisationRole(of: actor, in: resource) != nil
                ? .allowed : .denied("Nur Mitglieder dieser Organisation dürfen für sie handeln.")
        case .manageOrganisation:
            return organisationRole(of: actor, in: resource) == .verwalter
                ? .allowed : .denied("Nur Verwalter:innen dieser Organisation dürfen das.")
        case .actForTown:
            return role(of: actor, in: resource) != nil
                ? .allowed : .denied("Nur bestätigte Mitglieder dieser Kommune dürfen für sie handeln.")
        case .viewVerbund, .viewVerbundInvitation, .manageVerbund, .withdrawVerbundInvitation, .manageVerbundDates, .createVerbundCalendarLink:
            guard case .verbund(let participants) = resource else { return .denied("Unbekannter Verbund.") }
            return verbundAction(actor, action, participants)
        case .createItem:
            return actor.townRoles.isEmpty
                ? .denied("Einträge legen bestätigte Mitglieder einer Kommune an. Fragen Sie unter „Mein Konto“ die Mitgliedschaft Ihrer Kommune an.")
                : .allowed
        case .viewItem:  // decided before the sign-in check (drafts stay concealed from everybody)
            return item(actor, resource)
        case .takePartInCooperation:
            guard case .cooperation(let towns) = resource else { return .denied("Unbekannte Kooperation.") }
            return towns.contains(where: { actor.townRoles[$0] != nil })
                ? .allowed : .denied("Nur Mitglieder der beteiligten Kommunen lesen diese Nachrichten.")
        case .createEvent, .organiseEvent, .enterEvent, .participateInEvent, .editEventSession, .leadEventSession,
            .answerMeetingRequest, .withdrawMeeting:
            return event(actor, action, resource)
        case .publishSolution, .proposeSolutionReference:
            return solution(actor, action, resource)
        case .decideOnAnswers:
            return role(of: actor, in: resource) != nil
                ? .allowed
                : .denied("Über Antworten auf einen Bedarf entscheiden die bestätigten Mitglieder der Kommune, die ihn veröffentlicht hat.")
        case .speakForTownAboutSolution:
            return role(of: actor, in: resource) != nil
                ? .allowed : .denied("Ob eine Kommune eine Lösung nutzt, sagen nur ihre bestätigten Mitglieder.")
        case .answerNeed:
            return organisationRole(of: actor, in: resource) != nil
                ? .allowed : .denied("Auf Bedarfe antworten die bestätigten Mitglieder eines Anbieters mit einer seiner Lösungen.")
        case .applyForPitch:
            return organisationRole(of: actor, in: resource) != nil
                ? .allowed : .denied("Um einen Pitch bewerben sich die bestätigten Mitglieder eines Anbieters mit einer seiner Lösungen.")
        case .takePartInAnswerConversation:
            guard case .needAnswer(let townKey, let organisationID) = resource else { return .denied("Unbekannte Antwort.") }
            return actor.townRoles[townKey] != nil || actor.organisationRoles[organisationID] != nil
                ? .allowed : .concealed("Diese Antwort gibt es nicht.")
        case .reportContent:
            return actor.emailConfirmed ? .allowed : .denied("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.")
        case .viewModerationDecision, .objectToModeration:
            guard case .moderationCase(let parties) = resource, parties.concern(actor) else {
                return .concealed("Diese Entscheidung gibt es nicht.")
            }
            return .allowed
        case .endMembership:
            guard case .membership(let userID) = resource, userID == actor.userID else {
                return .denied("Beenden können Sie nur Ihre eigene Mitgliedschaft.")
            }
            return .allowed
        case .readNotification:
            guard case .notification(let recipientID) = resource, recipientID == actor.userID else {
                return .concealed("Diese Benachrichtigung gibt es nicht.")
            }
            return .allowed
        case .viewRegionalOverview:
            guard case .region(let key) = resource else { return .denied("Unbekannte Region.") }
            return actor.regionalKeys.contains(where: { key.hasPrefix($0) })
                ? .allowed : .denied("Diese Übersicht ist der zuständigen Regionalbehörde vorbehalten.")
        }
    }

    /// A Verbund's actions: seeing it follows how the actor's towns and providers stand in it, the
    /// lead's choices are the lead town's, dates and the calendar link are for those that are in it.
    private static func verbundAction(_ actor: Actor, _ action: Action, _ participants: VerbundParticipants) -> Decision {
        let isIn = participants.standing(of: actor)?.standing == .dabei
        switch action {
        case .manageVerbund:
            guard let lead = participants.leadKey, actor.townRoles[lead] != nil else {
                return .denied("Das entscheidet die federführende Kommune des Verbunds.")
            }
            return .allowed
        case .withdrawVerbundInvitation:
            guard let lead = participants.leadKey, actor.townRoles[lead] != nil else {
                return .denied("Einladungen zieht die federführende Kommune des Verbunds zurück.")
            }
            return .allowed
        case .manageVerbundDates:
            return isIn ? .allowed : .denied("Termine legen und pflegen die Mitglieder des Verbunds.")
        case .createVerbundCalendarLink:
            return isIn ? .allowed : .denied("Den Link für das Kalender-Abo erzeugen Mitglieder des Verbunds.")
        default:
            return verbund(actor, action, participants)
        }
    }

    /// Access to a Verbund follows the membership state of the towns and providers the actor acts for.
    private static func verbund(_ actor: Actor, _ action: Action, _ participants: VerbundParticipants) -> Decision {
        guard let found = participants.standing(of: actor) else {
            return .denied("Diesen Verbund sehen nur seine Mitglieder.")
        }
        let (standing, isTown) = (found.standing, found.isTown)
        let yours = isTown ? "Ihre Kommune" : "Ihre Organisation"
        let of = isTown ? "Ihrer Kommune" : "Ihrer Organisation"
        switch standing {
        case .dabei:
            return .allowed
        case .eingeladen:
            return action == .viewVerbundInvitation
                ? .allowed
                : .denied(
                    "\(yours) ist in diesen Verbund eingeladen, aber noch nicht dabei: Mitglieder, Termine und Kosten sehen Sie, sobald die Einladung angenommen ist."
                )
        case .abgelehnt:
            return .denied("\(yours) hat die Einladung in diesen Verbund abgelehnt; den Verbund sehen nur seine Mitglieder.")
        case .abgelaufen:
            return .denied("Die Einladung \(of) in diesen Verbund ist abgelaufen; den Verbund sehen nur seine Mitglieder.")
        }
    }

    private static func organisationRole(of actor: Actor, in resource: Resource) -> MemberRole? {
        guard case .organisation(let id) = resource else { return nil }
        return actor.organisationRoles[id]
    }

    private static func role(of actor: Actor, in resource: Resource) -> MemberRole? {
        guard case .town(let key) = resource else { return nil }
        return actor.townRoles[key]
    }
}
