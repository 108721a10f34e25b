import AufwindCore
import Testing

/// The policy for items, cooperations, events, sessions, 1:1 meetings and memberships: every
/// actor against every action on every such resource, with the German reason of each refusal.
@Suite("Authorisation policy: items, cooperations, events, meetings")
struct PolicyEventsAndItemsTests {
    static let ahlen = "05570004"
    static let muenster = "05515000"

    static let anonym = Actor.anonymous
    static let ohneKommune = Actor(userID: "u-ohne", emailConfirmed: true)
    static let mitgliedAhlen = Actor(userID: "u-ahlen", emailConfirmed: true, townRoles: [ahlen: .mitglied])
    static let mitgliedMuenster = Actor(userID: "u-muenster", emailConfirmed: true, townRoles: [muenster: .mitglied])
    static let veranstalterin = Actor(userID: "u-org", emailConfirmed: true, organisationRoles: ["org-1": .mitglied])
    static let admin = Actor(userID: "u-admin", isPlatformAdmin: true, emailConfirmed: true)

    // MARK: Items

    static let oeffentlich = Resource.item(ItemFacts(ownerKey: ahlen, visibility: .oeffentlich, published: true))
    static let nurKommunen = Resource.item(ItemFacts(ownerKey: ahlen, visibility: .kommunen, published: true))
    static let entwurf = Resource.item(ItemFacts(ownerKey: ahlen, visibility: .oeffentlich, published: false))

    @Test(
        "who sees which item: public for all, shared with towns for town members, drafts for the own town only",
        arguments: [
            (anonym, [true, false, false]), (ohneKommune, [true, false, false]), (veranstalterin, [true, false, false]),
            (mitgliedMuenster, [true, true, false]), (mitgliedAhlen, [true, true, true]), (admin, [true, true, true]),
        ])
    func itemVisibility(actor: Actor, expected: [Bool]) {
        for (resource, allowed) in zip([Self.oeffentlich, Self.nurKommunen, Self.entwurf], expected) {
            #expect(Policy.decide(actor, .viewItem, resource).isAllowed == allowed, "\(actor.userID ?? "anonym") → \(resource)")
        }
    }

    @Test("a draft is concealed, an item for towns says who may see it")
    func itemReasons() {
        let draft = Policy.decide(Self.mitgliedMuenster, .viewItem, Self.entwurf)
        #expect(draft.concealsExistence && draft.reason == "Diesen Eintrag gibt es nicht.")
        let anonymousDraft = Policy.decide(Self.anonym, .viewItem, Self.entwurf)
        #expect(anonymousDraft.concealsExistence, "anonymous visitors must not learn that a draft exists")
        let membersOnly = Policy.decide(Self.ohneKommune, .viewItem, Self.nurKommunen)
        #expect(!membersOnly.concealsExistence && membersOnly.reason == "Dieser Eintrag ist nur für Mitglieder von Kommunen sichtbar.")
        #expect(Policy.decide(Self.anonym, .viewItem, Self.nurKommunen).reason == "Bitte melden Sie sich an.")
    }

    @Test("the item audience filters lists by the same rule as single items")
    func audienceMatchesPolicy() {
        let facts = [
            ItemFacts(ownerKey: Self.ahlen, visibility: .oeffentlich, published: true),
            ItemFacts(ownerKey: Self.ahlen, visibility: .kommunen, published: true),
            ItemFacts(ownerKey: Self.ahlen, visibility: .kommunen, published: false),
            ItemFacts(ownerKey: Self.muenster, visibility: .oeffentlich, published: false),
        ]
        for actor in [Self.anonym, Self.ohneKommune, Self.mitgliedAhlen, Self.mitgliedMuenster, Self.veranstalterin, Self.admin] {
            for item in facts {
                #expect(ItemAudience.of(actor).sees(item) == Policy.decide(actor, .viewItem, .item(item)).isAllowed)
            }
        }
        #expect(ItemAudience.of(Self.anonym) == .everybody)
        #expect(ItemAudience.everybody.publicOnly && !ItemAudience.of(Self.mitgliedAhlen).publicOnly)
    }

    @Test("items are created by members of a town")
    func createItem() {
        #expect(Policy.decide(Self.mitgliedAhlen, .createItem, .platform).isAllowed)
        #expect(!Policy.decide(Self.admin, .createItem, .platform).isAllowed, "the administration acts for no town of its own")
        #expect(
            Policy.decide(Self.veranstalterin, .createItem, .platform).reason
                == "Einträge legen bestätigte Mitglieder einer Kommune an. Fragen Sie unter „Mein Konto“ die Mitgliedschaft Ihrer Kommune an.")
        #expect(Policy.decide(Self.anonym, .createItem, .platform).reason == "Bitte melden Sie sich an.")
    }

    // MARK: Cooperations

    @Test("a cooperation's messages belong to the towns in it")
    func cooperation() {
        let cooperation = Resource.cooperation(towns: [Self.ahlen, Self.muenster])
        #expect(Policy.decide(Self.mitgliedAhlen, .takePartInCooperation, cooperation).isAllowed)
        #expect(Policy.decide(Self.mitgliedMuenster, .takePartInCooperation, cooperation).isAllowed)
        #expect(Policy.decide(Self.admin, .takePartInCooperation, cooperation).isAllowed)
        let other = Actor(userID: "u-beckum", emailConfirmed: true, townRoles: ["05570008": .verwalter])
        #expect(
            Policy.decide(other, .takePartInCooperation, cooperation).reason == "Nur Mitglieder der beteiligten Kommunen lesen diese Nachrichten.")
        #expect(!Policy.decide(Self.anonym, .takePartInCooperation, cooperation).isAllowed)
    }

    // MARK: Events

    static func event(_ registration: EventParticipation? = nil, by organiser: EventOrganiser = .town(ahlen)) -> Resource {
        .event(EventStanding(title: "Kleinstadt-Barcamp Münsterland", organiser: organiser, registration: registration))
    }

    /// (actor, its registration) → may organise, enter, participate.
    @Test(
        "the event's team organises, team and seated participants are inside, only seated participants take part",
        arguments: [
            (anonym, nil, [false, false, false]),
            (ohneKommune, nil, [false, false, false]),
            (mitgliedAhlen, nil, [true, true, false]),
            (mitgliedAhlen, .bestaetigt, [true, true, true]),
            (mitgliedMuenster, .bestaetigt, [false, true, true]),
            (mitgliedMuenster, .warteliste, [false, false, false]),
            (admin, nil, [true, true, false]),
            (admin, .bestaetigt, [true, true, true]),
        ] as [(Actor, EventParticipation?, [Bool])])
    func eventRoles(actor: Actor, registration: EventParticipation?, expected: [Bool]) {
        let resource = Self.event(registration)
        for (action, allowed) in zip([Action.organiseEvent, .enterEvent, .participateInEvent], expected) {
            #expect(Policy.decide(actor, action, resource).isAllowed == allowed, "\(actor.userID ?? "anonym") \(action)")
        }
    }

    @Test("a Veranstalter organisation's members are the team of its events")
    func organisationEvents() {
        #expect(Policy.decide(Self.veranstalterin, .organiseEvent, Self.event(by: .organisation("org-1"))).isAllowed)
        #expect(!Policy.decide(Self.veranstalterin, .organiseEvent, Self.event(by: .organisation("org-2"))).isAllowed)
        #expect(!Policy.decide(Self.mitgliedAhlen, .organiseEvent, Self.event(by: .organisation("org-1"))).isAllowed)
    }

    @Test("event refusals name the event")
    func eventReasons() {
        #expect(
            Policy.decide(Self.mitgliedMuenster, .organiseEvent, Self.event()).reason
                == "Nur das Veranstaltungsteam von „Kleinstadt-Barcamp Münsterland“ darf das.")
        #expect(
            Policy.decide(Self.mitgliedMuenster, .enterEvent, Self.event(.warteliste)).reason
                == "Das ist den angemeldeten Teilnehmer:innen von „Kleinstadt-Barcamp Münsterland“ vorbehalten.")
        #expect(
            Policy.decide(Self.mitgliedAhlen, .participateInEvent, Self.event()).reason
                == "Dafür müssen Sie zu „Kleinstadt-Barcamp Münsterland“ angemeldet (und nicht auf der Warteliste) sein.")
        #expect(Policy.decide(Self.anonym, .organiseEvent, Self.event()).reason == "Bitte melden Sie sich an.")
    }

    @Test("events are created for one's own town or confirmed Veranstalter only; with neither, by nobody")
    func createEvent() {
        #expect(Policy.decide(Self.mitgliedAhlen, .createEvent, .newEvent(.town(Self.ahlen))).isAllowed)
        #expect(
            Policy.decide(Self.mitgliedAhlen, .createEvent, .newEvent(.town(Self.muenster))).reason
                == "Sie können nur für eine eigene Kommune oder einen eigenen Veranstalter anlegen.")
        #expect(Policy.decide(Self.veranstalterin, .createEvent, .newEvent(.organisation("org-1", isConfirmedVeranstalter: true))).isAllowed)
        #expect(!Policy.decide(Self.veranstalterin, .createEvent, .newEvent(.organisation("org-1", isConfirmedVeranstalter: false))).isAllowed)
        #expect(!Policy.decide(Self.veranstalterin, .createEvent, .newEvent(.organisation("org-2", isConfirmedVeranstalter: true))).isAllowed)
        for actor in [Self.ohneKommune, Self.admin] {
            #expect(
                Policy.decide(actor, .createEvent, .newEvent(nil)).reason
                    == "Veranstaltungen legen Mitglieder einer Kommune oder eines bestätigten Veranstalters an.")
        }
        #expect(Policy.decide(Self.admin, .createEvent, .newEvent(.town(Self.muenster))).isAllowed)
    }

    // MARK: Sessions

    @Test("hosts and the event's team change a session; only hosts record its result")
    func sessions() {
        let host = Actor(userID: "u-host", emailConfirmed: true)
        let session = Resource.eventSession(
            EventSessionStanding(event: EventStanding(title: "Barcamp", organiser: .town(Self.ahlen)), hostIDs: ["u-host"]))
        let expectations: [(Actor, edit: Bool, lead: Bool)] = [
            (host, true, true), (Self.mitgliedAhlen, true, false), (Self.mitgliedMuenster, false, false),
            (Self.admin, true, false), (Self.anonym, false, false),
        ]
        for (actor, edit, lead) in expectations {
            #expect(Policy.decide(actor, .editEventSession, session).isAllowed == edit, "\(actor.userID ?? "anonym") bearbeitet")
            #expect(Policy.decide(actor, .leadEventSession, session).isAllowed == lead, "\(actor.userID ?? "anonym") dokumentiert")
        }
        #expect(
            Policy.decide(Self.mitgliedMuenster, .editEventSession, session).reason
                == "Das dürfen nur die Leitung dieser Session und das Veranstaltungsteam.")
        #expect(Policy.decide(Self.mitgliedAhlen, .leadEventSession, session).reason == "Das dürfen nur die Leitung dieser Session.")
    }

    // MARK: 1:1 meetings

    @Test(
        "the person asked answers; the requester withdraws, either cancels an accepted meeting",
        arguments: MeetingStanding.State.allCases)
    func meetings(state: MeetingStanding.State) {
        let requester = Actor(userID: "u-a", emailConfirmed: true)
        let invitee = Actor(userID: "u-b", emailConfirmed: true)
        let meeting = Resource.meeting(MeetingStanding(requesterID: "u-a", inviteeID: "u-b", state: state))
        #expect(Policy.decide(invitee, .answerMeetingRequest, meeting).isAllowed)
        #expect(Policy.decide(requester, .answerMeetingRequest, meeting).reason == "Nur die angefragte Person entscheidet.")
        #expect(!Policy.decide(Self.admin, .answerMeetingRequest, meeting).isAllowed, "nobody answers for the person asked")
        let open = state == .angefragt || state == .angenommen
        #expect(Policy.decide(requester, .withdrawMeeting, meeting).isAllowed == open)
        #expect(Policy.decide(invitee, .withdrawMeeting, meeting).isAllowed == (state == .angenommen))
        #expect(!Policy.decide(Self.admin, .withdrawMeeting, meeting).isAllowed)
        if !open { #expect(Policy.decide(requester, .withdrawMeeting, meeting).reason == "Diese Anfrage können Sie nicht zurückziehen.") }
    }

    // MARK: Memberships

    @Test("a membership is ended by its own member only")
    func endMembership() {
        let own = Resource.membership(userID: "u-ahlen")
        #expect(Policy.decide(Self.mitgliedAhlen, .endMembership, own).isAllowed)
        #expect(Policy.decide(Self.mitgliedMuenster, .endMembership, own).reason == "Beenden können Sie nur Ihre eigene Mitgliedschaft.")
        #expect(!Policy.decide(Self.admin, .endMembership, own).isAllowed)
    }
}
