import AufwindCore
import Fluent
import Vapor

/// The organiser's meeting windows: meeting length (15/20/30 minutes) and tables per window,
/// what is planned in each, and a re-plan of all windows with minimal change.
struct MeetingWindowsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let windows = routes.grouped("veranstaltungen", ":id", "treffen", "fenster")
        windows.get(use: show)
        windows.post("planen", use: planAll)
        windows.post(":slot", use: configure)
    }

    struct WindowForm: Content {
        var laenge: String?
        var tische: String?
    }

    private func organiserAccess(_ request: Request) async throws -> EventAccess {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        return access
    }

    @Sendable func show(request: Request) async throws -> Response {
        try await render(request, organiserAccess(request))
    }

    private func render(
        _ request: Request, _ access: EventAccess, errors: [String: [String]] = [:], typed: [String: WindowForm] = [:], status: HTTPStatus = .ok
    ) async throws -> Response {
        let windows = try await EventSlotModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .filter(\.$kind == SlotGrid.Kind.treffen.rawValue).sort(\.$day).sort(\.$startMinute).all()
        let meetings = try await MeetingModel.query(on: request.db).filter(\.$eventID == access.eventID).all()
        let now = request.now
        let rows = windows.map { window -> MeetingWindowsPage.Row in
            let id = window.id!.uuidString.lowercased()
            let inWindow = meetings.filter { $0.slotID == window.id }
            let accepted = inWindow.filter { $0.statusValue == .angenommen }
            let tables = window.meetingTables ?? access.event.meetingTables
            let cut = MeetingWindows(windows: [window.meetingWindow(eventTables: access.event.meetingTables)]).slots
            return .init(
                id: id, label: window.label, length: typed[id]?.laenge ?? String(window.meetingLength), tables: typed[id]?.tische ?? String(tables),
                places: cut.count * tables, slots: cut.count, planned: accepted.filter { $0.plannedStart != nil }.count,
                unplanned: accepted.filter { $0.plannedStart == nil }.map { "\($0.requesterName) und \($0.inviteeName)" },
                open: inWindow.filter { $0.statusValue == .angefragt && !$0.isExpired(at: now) }.count, errors: errors[id] ?? [])
        }
        let page = MeetingWindowsPage(
            eventPath: access.event.path, eventTitle: access.event.title, rows: rows, csrf: CSRF.token(for: request))
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func configure(request: Request) async throws -> Response {
        let access = try await organiserAccess(request)
        let slotID = try request.uuid("slot")
        guard let window = try await EventSlotModel.find(slotID, on: request.db), window.eventID == access.eventID,
            window.kind == SlotGrid.Kind.treffen.rawValue
        else { throw ProblemDetails.notFound("Dieses Zeitfenster für 1:1-Treffen gibt es nicht.") }
        let form = try request.content.decode(WindowForm.self)
        var check = InputChecker()
        let length = check.number(form.laenge ?? "", "Dauer eines Treffens", in: 15...30)
        let tables = check.number(form.tische ?? "", "Tische", in: 1...200)
        let key = slotID.uuidString.lowercased()
        if check.errors.isEmpty, !MeetingWindows.lengths.contains(length) { check.fail("Ein Treffen dauert 15, 20 oder 30 Minuten.") }
        guard check.errors.isEmpty else {
            return try await render(request, access, errors: [key: check.errors.map(\.text)], typed: [key: form], status: .unprocessableEntity)
        }
        do {
            _ = try await MeetingService(database: request.db, baseURL: request.application.aufwindConfig.baseURL).configure(
                window, length: length, tables: tables, event: access.event)
        } catch let problem as ProblemDetails where [409, 422].contains(problem.status) {
            return try await render(
                request, access, errors: [key: [problem.detail]], typed: [key: form], status: HTTPStatus(statusCode: problem.status))
        }
        return request.redirect(to: access.event.path + "/treffen/fenster", notice: .meetingWindowSaved)
    }

    @Sendable func planAll(request: Request) async throws -> Response {
        let access = try await organiserAccess(request)
        let result = try await MeetingService(database: request.db, baseURL: request.application.aufwindConfig.baseURL).planAll(
            access.event, now: request.now)
        return request.redirect(to: access.event.path + "/treffen/fenster", notice: .meetingsPlanned, count: result.changes)
    }
}
