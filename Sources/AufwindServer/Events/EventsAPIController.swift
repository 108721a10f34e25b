import AufwindCore
import Fluent
import Vapor

/// `/api/v1/veranstaltungen`: the upcoming events, a page at a time, and one event with its
/// published programme. Only what the event pages show everybody: no participants, no working plan.
struct EventsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "veranstaltungen")
        api.get(use: list)
        api.get(":id", use: show)
    }

    struct ListParameters: Content {
        var page: String?
        var per_page: String?
    }

    struct EventSummaryDTO: Content {
        var id: String
        var titel: String
        var ersterTag: String
        var letzterTag: String
        var ort: String
        var online: String
        var veranstalter: String
        var phase: String
        var anmeldungOffen: Bool
        var link: String
    }

    struct EventListDTO: Content {
        var items: [EventSummaryDTO]
        var total: Int
        var page: Int
        var perPage: Int
        var pageCount: Int
    }

    struct SessionDTO: Content {
        var id: String
        var titel: String
        var raum: String
        var tag: String
        /// Local time in Europe/Berlin, "HH:MM".
        var beginn: String
        var ende: String
        /// Absent when the session names none.
        var handlungsfeld: String?
        var abgesagt: Bool
    }

    struct ProgrammeDTO: Content {
        var version: Int
        var zeitzone: String
        var sessions: [SessionDTO]
    }

    struct EventDTO: Content {
        var id: String
        var titel: String
        var beschreibung: String
        var ersterTag: String
        var letzterTag: String
        var ort: String
        var online: String
        var veranstalter: String
        var phase: String
        var anmeldungOffen: Bool
        var link: String
        var raeume: [String]
        /// null until a programme is published.
        @AlwaysEncoded var programm: ProgrammeDTO?
    }

    private func summary(_ event: EventModel, _ request: Request) -> EventSummaryDTO {
        EventSummaryDTO(
            id: event.id!.uuidString.lowercased(), titel: event.title, ersterTag: event.firstDay, letzterTag: event.lastDay, ort: event.place,
            online: event.onlineURL, veranstalter: event.organiserName, phase: event.phase, anmeldungOffen: event.registrationOpen,
            link: request.application.aufwindConfig.baseURL + event.path)
    }

    /// Events whose last day is today or later, the earliest first.
    @Sendable func list(request: Request) async throws -> EventListDTO {
        let p = try request.query.decode(ListParameters.self)
        let perPage = try ProblemDetails.integerParameter(p.per_page, "per_page", default: 20, range: 1...100)
        let page = try ProblemDetails.integerParameter(p.page, "page", default: 1, range: 1...10_000)
        let today = request.todayISO
        func upcoming() -> QueryBuilder<EventModel> { EventModel.query(on: request.db).filter(\.$lastDay >= today) }
        let total = try await upcoming().count()
        let events = try await upcoming().sort(\.$firstDay).sort(\.$title).sort(\.$id).range(((page - 1) * perPage)..<(page * perPage)).all()
        return EventListDTO(
            items: events.map { summary($0, request) }, total: total, page: page, perPage: perPage,
            pageCount: max(1, (total + perPage - 1) / perPage))
    }

    @Sendable func show(request: Request) async throws -> EventDTO {
        guard let id = request.parameters.get("id", as: UUID.self), let event = try await EventModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Veranstaltung gibt es nicht.")
        }
        let published = try await ScheduleController.loadPublished(event, on: request.db)
        // A published programme has read the rooms already.
        var rooms = published?.rooms ?? []
        if published == nil {
            rooms = try await EventRoomModel.query(on: request.db).filter(\.$eventID == id).sort(\.$createdAt).all().map(\.name)
        }
        var programme: ProgrammeDTO?
        if let published {
            let sessions = published.placements.compactMap { placement -> (SessionDTO, EventSlotModel)? in
                guard let slot = published.slots[placement.slot] else { return nil }
                let session = published.sessions[placement.session]
                return (
                    SessionDTO(
                        id: placement.session, titel: session?.title ?? placement.title, raum: placement.room, tag: slot.day,
                        beginn: SlotGrid.clock(slot.startMinute), ende: SlotGrid.clock(slot.endMinute),
                        handlungsfeld: session?.fieldValue?.rawValue, abgesagt: session?.cancelled ?? false),
                    slot
                )
            }.sorted { ($0.1.day, $0.1.startMinute, $0.0.raum, $0.0.titel) < ($1.1.day, $1.1.startMinute, $1.0.raum, $1.0.titel) }.map(\.0)
            programme = ProgrammeDTO(version: published.version.number, zeitzone: "Europe/Berlin", sessions: sessions)
        }
        let base = summary(event, request)
        return EventDTO(
            id: base.id, titel: base.titel, beschreibung: event.description, ersterTag: base.ersterTag, letzterTag: base.letzterTag, ort: base.ort,
            online: base.online, veranstalter: base.veranstalter, phase: base.phase, anmeldungOffen: base.anmeldungOffen, link: base.link,
            raeume: rooms, programm: programme)
    }
}
