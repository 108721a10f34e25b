extension Policy {
    /// Events, their sessions and 1:1 meetings. The event's team are the members of the
    /// organising town or Veranstalter; "inside" are the team and registered participants with a seat.
    static func event(_ actor: Actor, _ action: Action, _ resource: Resource) -> Decision {
        switch (action, resource) {
        case (.createEvent, .newEvent(let choice?)):
            return mayOrganise(actor, choice)
                ? .allowed : .denied("Sie können nur für eine eigene Kommune oder einen eigenen Veranstalter anlegen.")
        case (.organiseEvent, .event(let event)):
            return isTeam(actor, event) ? .allowed : .denied("Nur das Veranstaltungsteam von „\(event.title)“ darf das.")
        case (.enterEvent, .event(let event)):
            return isTeam(actor, event) || event.registration == .bestaetigt
                ? .allowed : .denied("Das ist den angemeldeten Teilnehmer:innen von „\(event.title)“ vorbehalten.")
        case (.participateInEvent, .event(let event)):
            return event.registration == .bestaetigt
                ? .allowed : .denied("Dafür müssen Sie zu „\(event.title)“ angemeldet (und nicht auf der Warteliste) sein.")
        case (.editEventSession, .eventSession(let session)):
            return isHost(actor, session) || isTeam(actor, session.event)
                ? .allowed : .denied("Das dürfen nur die Leitung dieser Session und das Veranstaltungsteam.")
        case (.leadEventSession, .eventSession(let session)):
            return isHost(actor, session) ? .allowed : .denied("Das dürfen nur die Leitung dieser Session.")
        case (.answerMeetingRequest, .meeting(let meeting)):
            return meeting.inviteeID == actor.userID
                ? .allowed : .denied("Nur die angefragte Person entscheidet.")
        case (.withdrawMeeting, .meeting(let meeting)):
            let mine = meeting.requesterID == actor.userID || (meeting.inviteeID == actor.userID && meeting.state == .angenommen)
            return mine && [.angefragt, .angenommen].contains(meeting.state)
                ? .allowed : .denied("Diese Anfrage können Sie nicht zurückziehen.")
        default:
            return .denied("Das ist hier nicht möglich.")
        }
    }

    /// The event's team: members of its organiser (the administration counts as team, too).
    private static func isTeam(_ actor: Actor, _ event: EventStanding) -> Bool {
        if actor.isPlatformAdmin { return true }
        switch event.organiser {
        case .town(let key): return actor.townRoles[key] != nil
        case .organisation(let id): return actor.organisationRoles[id] != nil
        }
    }

    private static func isHost(_ actor: Actor, _ session: EventSessionStanding) -> Bool {
        actor.userID.map(session.hostIDs.contains) ?? false
    }

    private static func mayOrganise(_ actor: Actor, _ choice: EventOrganiserChoice) -> Bool {
        switch choice {
        case .town(let key): actor.townRoles[key] != nil
        case .organisation(let id, let confirmed): confirmed && actor.organisationRoles[id] != nil
        }
    }
}
