/// Who organises an event: a town (AGS or Kreis key) or a Veranstalter organisation (id).
public enum EventOrganiser: Sendable, Equatable {
    case town(String)
    case organisation(String)
}

/// Whether the acting person is registered for an event, and how.
public enum EventParticipation: String, Sendable, CaseIterable {
    /// Has a seat.
    case bestaetigt
    /// Waits for a seat.
    case warteliste
}

/// An event as the acting person stands in it: the resource the policy decides event actions
/// about. `registration` is the actor's own registration (nil when not registered).
public struct EventStanding: Sendable, Equatable, CustomStringConvertible {
    public var title: String
    public var organiser: EventOrganiser
    public var registration: EventParticipation?

    public init(title: String, organiser: EventOrganiser, registration: EventParticipation? = nil) {
        self.title = title
        self.organiser = organiser
        self.registration = registration
    }

    public var description: String { "Veranstaltung „\(title)“ (\(organiser), \(registration?.rawValue ?? "nicht angemeldet"))" }
}

/// For whom an event is to be created: a town, or an organisation with what the platform knows
/// of it (only confirmed Veranstalter organisations organise events). nil: the person acts for
/// nobody who could organise one.
public enum EventOrganiserChoice: Sendable, Equatable {
    case town(String)
    case organisation(String, isConfirmedVeranstalter: Bool)
}

/// One proposed session of an event, with the user ids of the people who lead it.
public struct EventSessionStanding: Sendable, Equatable {
    public var event: EventStanding
    public var hostIDs: Set<String>

    public init(event: EventStanding, hostIDs: Set<String>) {
        self.event = event
        self.hostIDs = hostIDs
    }
}

/// A 1:1 meeting request between two participants of an event.
public struct MeetingStanding: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable { case angefragt, angenommen, abgelehnt, zurueckgezogen, abgesagt }

    public var requesterID: String
    public var inviteeID: String
    public var state: State

    public init(requesterID: String, inviteeID: String, state: State) {
        self.requesterID = requesterID
        self.inviteeID = inviteeID
        self.state = state
    }
}
