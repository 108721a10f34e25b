import AufwindCore
import Fluent
import Vapor

/// An event as the requesting person stands in it. What they may do there is the policy's
/// decision (`Policy`, resource `.event`); this only loads the facts it decides on.
struct EventAccess {
    var event: EventModel
    var registration: EventRegistrationModel?
    /// The facts the policy decides about.
    var standing: EventStanding
    var isOrganiser: Bool
    var isInside: Bool
    var isParticipant: Bool

    var eventID: UUID { event.id! }
    var resource: Resource { .event(standing) }

    static func load(_ request: Request) async throws -> EventAccess {
        guard let id = request.parameters.get("id", as: UUID.self), let event = try await EventModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Veranstaltung gibt es nicht.")
        }
        let registration = try await EventService(database: request.db).registration(of: request.currentUser?.id, in: event)
        let standing = EventStanding(
            title: event.title, organiser: event.organiser, registration: registration.flatMap { EventParticipation(rawValue: $0.status) })
        return EventAccess(
            event: event, registration: registration, standing: standing,
            isOrganiser: request.may(.organiseEvent, .event(standing)), isInside: request.may(.enterEvent, .event(standing)),
            isParticipant: request.may(.participateInEvent, .event(standing)))
    }

    /// Refuses unless the person is in the event's team (checked on the server for every action).
    func requireOrganiser(_ request: Request) throws {
        try request.authorize(.organiseEvent, resource)
    }

    /// Refuses unless the person is in the team or a registered participant with a seat.
    func requireInside(_ request: Request) throws {
        try request.authorize(.enterEvent, resource)
    }

    /// Refuses unless the person is a registered participant with a seat; their registration.
    func requireParticipant(_ request: Request) throws -> EventRegistrationModel {
        try request.authorize(.participateInEvent, resource)
        // The policy allows it only with a registration.
        guard let registration else { throw ProblemDetails.notFound("Ihre Anmeldung zu dieser Veranstaltung gibt es nicht.") }
        return registration
    }
}

extension EventModel {
    /// The organiser as the policy knows it.
    var organiser: EventOrganiser {
        switch organiserTypeValue {
        case .kommune: .town(organiserKey)
        case .veranstalter: .organisation(organiserKey)
        }
    }
}

extension Request {
    /// The ids of path parameters, 404 for anything that is no UUID.
    func uuid(_ name: String) throws -> UUID {
        guard let id = parameters.get(name, as: UUID.self) else { throw ProblemDetails.notFound("Diese Seite gibt es nicht.") }
        return id
    }
}
