import AufwindCore
import Fluent
import Vapor

/// The organiser's planning grid: optimise, move, pin, publish.
struct PlanningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let planning = routes.grouped("veranstaltungen", ":id", "planung")
        planning.get(use: show)
        planning.post("optimieren", use: optimise)
        planning.post("verschieben", use: move)
        planning.post("festlegen", use: pin)
        planning.post("veroeffentlichen", use: publish)
    }

    struct MoveForm: Content {
        var session: String?
        var zelle: String?
    }
    struct PinForm: Content {
        var session: String?
        var festlegen: String?
    }

    private func organiserAccess(_ request: Request) async throws -> EventAccess {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        return access
    }

    @Sendable func show(request: Request) async throws -> Response {
        try await render(request, organiserAccess(request))
    }

    func render(_ request: Request, _ access: EventAccess, errors: [String] = [], status: HTTPStatus = .ok) async throws
        -> Response
    {
        let service = PlanningService(database: request.db)
        let board = try await service.board(access.event)
        let instance = board.instance
        let optimiser = try? ScheduleOptimizer(instance)
        let conflicts = optimiser.map { service.conflicts(board, optimiser: $0) } ?? []
        let conflicted = Set(conflicts.flatMap(\.sessions))
        var interest: [String: Int] = [:]
        for participant in instance.participants { for id in participant.interests { interest[id, default: 0] += 1 } }
        func card(_ session: EventSessionModel) -> PlanningPage.Card {
            .init(
                id: session.key, title: session.title, interest: interest[session.key] ?? 0,
                hosts: (board.hosts[session.id!] ?? []).map(\.userName).joined(separator: ", "),
                pinned: board.assignments[session.id!]?.pinned ?? false, conflicted: conflicted.contains(session.key))
        }
        var cells: [String: [PlanningPage.Card]] = [:]
        var unscheduled: [PlanningPage.Card] = []
        for session in board.active {
            if let a = board.assignments[session.id!] {
                cells["\(a.roomID.uuidString.lowercased())|\(a.slotID.uuidString.lowercased())", default: []].append(card(session))
            } else {
                unscheduled.append(card(session))
            }
        }
        let score = board.assignments.isEmpty ? nil : optimiser?.evaluate(board.plan)
        let page = PlanningPage(
            eventPath: access.event.path, eventTitle: access.event.title, phase: access.event.phaseValue,
            rooms: board.rooms.map { ($0.id!.uuidString.lowercased(), $0.name, $0.capacity) },
            slots: board.slots.map { ($0.id!.uuidString.lowercased(), $0.label) },
            cells: cells, unscheduled: unscheduled, conflicts: conflicts.map(\.message), score: score,
            latestVersion: try await service.latestVersion(access.eventID)?.number, csrf: CSRF.token(for: request), errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    private func planningAllowed(_ request: Request, _ access: EventAccess) throws {
        if let refusal = access.event.phaseValue.refusal(for: .plan) { throw EventService.refused(refusal) }
    }

    @Sendable func optimise(request: Request) async throws -> Response {
        let access = try await organiserAccess(request)
        try planningAllowed(request, access)
        let service = PlanningService(database: request.db)
        let board = try await service.board(access.event)
        guard !board.rooms.isEmpty, !board.slots.isEmpty else {
            return try await render(
                request, access, errors: ["Bitte zuerst Räume und Zeitfenster für Sessions anlegen."], status: .unprocessableEntity)
        }
        do {
            let (schedule, moved) = try await service.optimise(board, threadPool: request.application.threadPool)
            // The page shows the plan, its score and what found no place; the notice says how
            // many sessions were placed (or, for a new plan, moved): a number, never text.
            let path = access.event.path + "/planung"
            if board.assignments.isEmpty { return request.redirect(to: path, notice: .planComputed, count: schedule.assignments.count) }
            return request.redirect(to: path, notice: .planRecomputed, count: moved.count)
        } catch let problem as ProblemDetails where problem.status == 422 {
            return try await render(request, access, errors: [problem.detail], status: .unprocessableEntity)
        }
    }

    @Sendable func move(request: Request) async throws -> Response {
        let access = try await organiserAccess(request)
        try planningAllowed(request, access)
        let form = try request.content.decode(MoveForm.self)
        let service = PlanningService(database: request.db)
        let board = try await service.board(access.event)
        guard let session = board.active.first(where: { $0.key == form.session }) else {
            return try await render(
                request, access, errors: ["Diese Session gibt es hier nicht (oder sie ist abgesagt)."], status: .unprocessableEntity)
        }
        var cell: (UUID, UUID)?
        if let text = form.zelle, !text.isEmpty {
            let parts = text.split(separator: "|").map(String.init)
            guard parts.count == 2, let room = UUID(uuidString: parts[0]), let slot = UUID(uuidString: parts[1]) else {
                return try await render(
                    request, access, errors: ["Dieses Feld des Planungsrasters gibt es nicht; bitte Raum und Zeitfenster aus der Liste wählen."],
                    status: .unprocessableEntity)
            }
            cell = (room, slot)
        }
        do {
            try await service.move(board, session: session, to: cell)
        } catch let problem as ProblemDetails where problem.status == 409 || problem.status == 422 {
            return try await render(request, access, errors: [problem.detail], status: HTTPStatus(statusCode: problem.status))
        }
        return request.redirect(to: access.event.path + "/planung", notice: .sessionMoved)
    }

    @Sendable func pin(request: Request) async throws -> Response {
        let access = try await organiserAccess(request)
        try planningAllowed(request, access)
        let form = try request.content.decode(PinForm.self)
        let service = PlanningService(database: request.db)
        let board = try await service.board(access.event)
        guard let session = board.active.first(where: { $0.key == form.session }), ["ja", "nein"].contains(form.festlegen ?? "") else {
            return try await render(request, access, errors: ["Bitte eine eingeplante Session wählen."], status: .unprocessableEntity)
        }
        do {
            try await service.pin(board, session: session, pinned: form.festlegen == "ja")
        } catch let problem as ProblemDetails where problem.status == 409 || problem.status == 422 {
            return try await render(request, access, errors: [problem.detail], status: HTTPStatus(statusCode: problem.status))
        }
        return request.redirect(to: access.event.path + "/planung", notice: .pinSaved)
    }

    @Sendable func publish(request: Request) async throws -> Response {
        let access = try await organiserAccess(request)
        try planningAllowed(request, access)
        let service = PlanningService(database: request.db)
        let board = try await service.board(access.event)
        guard !board.assignments.isEmpty else {
            return try await render(request, access, errors: ["Es ist noch keine Session eingeplant."], status: .unprocessableEntity)
        }
        let organiser = try request.requireUser()
        let baseURL = request.application.aufwindConfig.baseURL
        let event = access.event
        _ = try await service.publish(board, by: organiser.displayName) { version, db in
            try await EventNotices(database: db, baseURL: baseURL).published(version, of: event, by: organiser.id)
        }
        request.application.scheduleCache.invalidate(access.eventID)
        return request.redirect(to: access.event.path + "/planung", notice: .programmePublished)
    }
}
