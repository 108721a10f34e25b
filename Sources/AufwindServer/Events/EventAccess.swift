import AufwindCore
import Fluent
import Vapor

/// Who the requesting user is for an event: organiser, registered participant, or neither.
struct EventAccess {
    var event: EventModel
    var registration: EventRegistrationModel?
    var isOrganiser: Bool

    var isParticipant: Bool { registration?.statusValue == .bestaetigt }
    /// Organisers and confirmed participants see the participant list and make requests.
    var isInside: Bool { isOrganiser || isParticipant }
    var eventID: UUID { event.id! }

    static func load(_ request: Request) async throws -> EventAccess {
        guard let id = request.parameters.get("id", as: UUID.self), let event = try await EventModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Veranstaltung gibt es nicht.")
        }
        let registration = try await EventService(database: request.db).registration(of: request.currentUser?.id, in: event)
        return EventAccess(event: event, registration: registration, isOrganiser: organises(request, event))
    }

    static func organises(_ request: Request, _ event: EventModel) -> Bool {
        if request.actor.isPlatformAdmin { return true }
        switch event.organiserTypeValue {
        case .kommune: return request.may(.actForTown, .town(event.organiserKey))
        case .veranstalter: return request.may(.actForOrganisation, .organisation(event.organiserKey))
        }
    }

    /// Refuses unless the user organises the event (checked on the server for every action).
    func requireOrganiser(_ request: Request) throws {
        guard isOrganiser else {
            try request.authorize(.manageOwnAccount)  // 401 when not signed in
            throw ProblemDetails(title: "Nicht erlaubt", status: 403, detail: "Nur das Veranstaltungsteam von „\(event.title)“ darf das.")
        }
    }

    /// Refuses unless the user is a confirmed participant (or organiser).
    func requireInside(_ request: Request) throws {
        guard isInside else {
            try request.authorize(.manageOwnAccount)
            throw ProblemDetails(
                title: "Nicht erlaubt", status: 403, detail: "Das ist den angemeldeten Teilnehmenden von „\(event.title)“ vorbehalten.")
        }
    }

    func requireParticipant(_ request: Request) throws -> EventRegistrationModel {
        try request.authorize(.manageOwnAccount)
        guard let registration, registration.statusValue == .bestaetigt else {
            throw ProblemDetails(
                title: "Nicht erlaubt", status: 403, detail: "Dafür müssen Sie zu „\(event.title)“ angemeldet (und nicht auf der Warteliste) sein.")
        }
        return registration
    }
}

extension Request {
    /// The ids of path parameters, 404 for anything that is no UUID.
    func uuid(_ name: String) throws -> UUID {
        guard let id = parameters.get(name, as: UUID.self) else { throw ProblemDetails.notFound("Diese Seite gibt es nicht.") }
        return id
    }
}
