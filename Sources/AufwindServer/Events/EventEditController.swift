import AufwindCore
import Fluent
import Vapor

/// Editing an event after its creation (organising team): its facts, and its rooms — renamed,
/// resized, or removed after the team said what happens to their sessions.
struct EventEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let event = routes.grouped("veranstaltungen", ":id")
        event.get("bearbeiten", use: editForm)
        event.post("bearbeiten", use: save)
        event.post("raeume", ":room", use: saveRoom)
        event.get("raeume", ":room", "entfernen", use: removalForm)
        event.post("raeume", ":room", "entfernen", use: removeRoom)
    }

    struct EditForm: Content {
        var version: String?, titel: String?, beschreibung: String?, erster_tag: String?, letzter_tag: String?
        var ort: String?, online: String?, plaetze: String?, tische: String?
    }
    struct RoomForm: Content {
        var name: String?
        var kapazitaet: String?
    }
    struct RemovalForm: Content {
        var sessions: String?
        var ziel: String?
    }

    private func service(_ request: Request) -> EventEditService {
        EventEditService(database: request.db, baseURL: request.application.aufwindConfig.baseURL)
    }

    // MARK: The event's facts

    @Sendable func editForm(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let event = access.event
        let values = [
            "titel": event.title, "beschreibung": event.description, "erster_tag": event.firstDay,
            "letzter_tag": event.lastDay == event.firstDay ? "" : event.lastDay, "ort": event.place, "online": event.onlineURL,
            "plaetze": String(event.capacity), "tische": String(event.meetingTables),
        ]
        return try await render(request, access, version: event.version, values: values)
    }

    private func render(
        _ request: Request, _ access: EventAccess, version: Int, values: [String: String], sentRoom: (id: UUID, form: RoomForm)? = nil,
        errors: [String] = [], status: HTTPStatus = .ok
    ) async throws -> Response {
        let rooms = try await EventRoomModel.query(on: request.db).filter(\.$eventID == access.eventID).sort(\.$createdAt).all()
        let assignments = try await EventAssignmentModel.query(on: request.db).filter(\.$eventID == access.eventID).all()
        let page = EventEditPage(
            path: access.event.path, name: access.event.title, version: version, values: values,
            rooms: rooms.map { room in
                let sent = sentRoom?.id == room.id ? sentRoom?.form : nil
                return .init(
                    id: room.key, name: sent?.name ?? room.name, capacity: sent?.kapazitaet ?? String(room.capacity),
                    sessions: assignments.filter { $0.roomID == room.id }.count)
            },
            csrf: CSRF.token(for: request), errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func save(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let user = try request.requireUser()
        let form = try request.content.decode(EditForm.self)
        let event = access.event
        // The form comes back with everything as sent, whatever was wrong.
        let values = [
            "titel": form.titel, "beschreibung": form.beschreibung, "erster_tag": form.erster_tag, "letzter_tag": form.letzter_tag,
            "ort": form.ort, "online": form.online, "plaetze": form.plaetze, "tische": form.tische,
        ].compactMapValues { $0 }
        let sentVersion = form.version.flatMap { Int($0) } ?? event.version
        let raw = EventInput.Raw(
            title: form.titel, description: form.beschreibung, firstDay: form.erster_tag, lastDay: form.letzter_tag, place: form.ort,
            onlineURL: form.online, capacity: form.plaetze, meetingTables: form.tische)
        let slots = try await EventSlotModel.query(on: request.db).filter(\.$eventID == access.eventID).all()
        let checked = EventInput.validate(raw).flatMap { input in
            EventEdit.check(
                input, storedFirstDay: event.firstDay, storedLastDay: event.lastDay, storedPlace: event.place, storedOnlineURL: event.onlineURL,
                slots: slots.map { .init(id: $0.key, day: $0.day, label: $0.label) }, today: request.todayISO)
        }
        switch checked {
        case .failure(let problems):
            return try await render(
                request, access, version: sentVersion, values: values, errors: problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let edit):
            switch try await service(request).edit(event, edit, expectedVersion: sentVersion, by: user) {
            case .stale:
                // Another change came first (a registration counts too): the person's input stays,
                // with the version the next attempt will be checked against.
                let fresh = try await EventModel.find(access.eventID, on: request.db)
                return try await render(
                    request, access, version: fresh?.version ?? event.version, values: values,
                    errors: [
                        "Die Veranstaltung wurde inzwischen geändert (etwa durch eine Anmeldung). Ihre Eingaben stehen noch im Formular; bitte prüfen und erneut speichern."
                    ], status: .conflict)
            case .saved:
                request.application.scheduleCache.invalidate(access.eventID)
                // Windows without their own number of tables follow the event's, and days may have
                // moved: the meeting windows are re-planned (meetings stay where they still fit).
                if let saved = try await EventModel.find(access.eventID, on: request.db) {
                    _ = try await MeetingService(database: request.db, baseURL: request.application.aufwindConfig.baseURL).planAll(
                        saved, now: request.now)
                }
                return request.redirect(to: event.path, notice: .eventSaved)
            }
        }
    }

    // MARK: Rooms

    private func room(_ request: Request, _ access: EventAccess) async throws -> EventRoomModel {
        guard let room = try await EventRoomModel.find(try request.uuid("room"), on: request.db), room.eventID == access.eventID else {
            throw ProblemDetails.notFound("Diesen Raum gibt es nicht.")
        }
        return room
    }

    @Sendable func saveRoom(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let room = try await room(request, access)
        let form = try request.content.decode(RoomForm.self)
        var check = InputChecker()
        let name = check.text(form.name, "Raum", length: 1...80)
        let capacity = check.number(form.kapazitaet, "Plätze im Raum", in: 1...5000)
        let event = access.event
        let current = ["titel": event.title, "beschreibung": event.description, "erster_tag": event.firstDay, "letzter_tag": event.lastDay]
            .merging(["ort": event.place, "online": event.onlineURL, "plaetze": String(event.capacity), "tische": String(event.meetingTables)]) {
                $1
            }
        guard check.errors.isEmpty else {
            return try await render(
                request, access, version: event.version, values: current, sentRoom: (try room.requireID(), form),
                errors: check.errors.map { "Raum „\(room.name)“: \($0.text)" }, status: .unprocessableEntity)
        }
        do {
            try await service(request).editRoom(event, room: room, name: name, capacity: capacity, by: request.requireUser())
        } catch let problem as ProblemDetails where problem.status == 409 {
            return try await render(
                request, access, version: event.version, values: current, sentRoom: (try room.requireID(), form), errors: [problem.detail],
                status: .conflict)
        }
        request.application.scheduleCache.invalidate(access.eventID)
        return request.redirect(to: event.path + "/bearbeiten", notice: .roomSaved)
    }

    @Sendable func removalForm(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        return try await renderRemoval(request, access, try await room(request, access))
    }

    private func renderRemoval(
        _ request: Request, _ access: EventAccess, _ room: EventRoomModel, sent: RemovalForm? = nil, errors: [String] = [],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let sessions = try await service(request).sessions(in: room)
        let others = try await EventRoomModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$id != room.requireID())
            .sort(\.$createdAt).all()
        let page = RoomRemovalPage(
            path: access.event.path, eventName: access.event.title, roomID: room.key, roomName: room.name,
            sessions: sessions.map { ($0.session.title, $0.slot?.label ?? "") },
            otherRooms: others.map { ($0.key, "\($0.name) (\(GermanFormat.count($0.capacity, "Platz", "Plätze")))") },
            chosen: sent?.sessions ?? (others.isEmpty ? "ausplanen" : "verschieben"), target: sent?.ziel ?? "",
            csrf: CSRF.token(for: request), errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func removeRoom(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let room = try await room(request, access)
        let form = try request.content.decode(RemovalForm.self)
        let disposal: EventEditService.Disposal
        switch form.sessions {
        case "verschieben":
            guard let target = form.ziel.flatMap(UUID.init(uuidString:)) else {
                return try await renderRemoval(
                    request, access, room, sent: form, errors: ["Bitte wählen Sie den Raum, in den die Sessions ziehen."],
                    status: .unprocessableEntity)
            }
            disposal = .move(to: target)
        case "ausplanen":
            disposal = .unschedule
        default:
            // Without sessions there is nothing to decide; with sessions nothing is lost unasked.
            guard try await service(request).sessions(in: room).isEmpty else {
                return try await renderRemoval(
                    request, access, room, sent: form,
                    errors: ["Bitte wählen Sie, was mit den Sessions dieses Raums geschieht."], status: .unprocessableEntity)
            }
            disposal = .unschedule
        }
        if case .failure(let problems) = try await service(request).removeRoom(
            access.event, room: room, disposal: disposal, by: request.requireUser())
        {
            return try await renderRemoval(request, access, room, sent: form, errors: problems.messages.map(\.text), status: .conflict)
        }
        request.application.scheduleCache.invalidate(access.eventID)
        return request.redirect(to: access.event.path + "/bearbeiten", notice: .roomRemoved)
    }
}

extension EventRoomModel {
    var key: String { id?.uuidString.lowercased() ?? "" }
}

extension EventSlotModel {
    var key: String { id?.uuidString.lowercased() ?? "" }
}
