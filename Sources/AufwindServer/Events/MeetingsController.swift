import AufwindCore
import Fluent
import Vapor

/// 1:1 meetings between confirmed participants in the organiser's meeting windows.
struct MeetingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let meetings = routes.grouped("veranstaltungen", ":id", "treffen")
        meetings.get(use: show)
        meetings.post(use: request)
        meetings.post(":mid", "entscheidung", use: decide)
        meetings.post(":mid", "zurueckziehen", use: withdraw)
    }

    struct RequestForm: Content {
        var mit: String?
        var zeitfenster: String?
        var anlass: String?
        var nachricht: String?
    }
    struct DecisionForm: Content { var entscheidung: String? }

    @Sendable func show(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        _ = try access.requireParticipant(request)
        return try await render(
            request, access, person: request.query[String.self, at: "mit"] ?? "",
            context: request.query[String.self, at: "anlass"] ?? "Teilnehmerliste")
    }

    private func render(
        _ request: Request, _ access: EventAccess, person: String = "", context: String = "Teilnehmerliste", errors: [String] = [],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let me = try request.requireUser().requireID()
        let now = request.now
        let people = try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .filter(\.$status == EventRegistrationModel.Status.bestaetigt.rawValue).filter(\.$userID != me).sort(\.$userName).all()
        let slots = try await EventSlotModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(
            \.$kind == SlotGrid.Kind.treffen.rawValue
        )
        .sort(\.$day).sort(\.$startMinute).all()
        let bySlot = Dictionary(uniqueKeysWithValues: slots.map { ($0.id!, $0) })
        let meetings = try await MeetingModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .group(.or) { $0.filter(\.$requesterID == me).filter(\.$inviteeID == me) }.sort(\.$createdAt, .descending).all()
        func row(_ m: MeetingModel, other: String) -> MeetingsPage.Row {
            .init(
                id: m.id!.uuidString.lowercased(), other: other, when: bySlot[m.slotID]?.label ?? "", context: m.context, message: m.message,
                status: m.label(at: now) + (m.statusValue == .angefragt && !m.isExpired(at: now) ? " bis \(GermanFormat.dateTime(m.expiresAt))" : ""),
                open: m.statusValue == .angefragt && !m.isExpired(at: now), table: m.statusValue == .angenommen ? m.tableNumber : nil)
        }
        let safeContext = String(context.prefix(120)).containsControlCharacters() ? "Teilnehmerliste" : String(context.prefix(120))
        let page = MeetingsPage(
            eventPath: access.event.path, eventTitle: access.event.title,
            people: people.map { ($0.userID.uuidString.lowercased(), "\($0.userName) (\($0.orgName))") },
            windows: slots.filter { ($0.interval?.start ?? .distantPast) > now }.map { ($0.id!.uuidString.lowercased(), $0.label) },
            selectedPerson: person.lowercased(), context: safeContext, tables: access.event.meetingTables,
            incoming: meetings.filter { $0.inviteeID == me }.map { row($0, other: $0.requesterName) },
            outgoing: meetings.filter { $0.requesterID == me }.map { row($0, other: $0.inviteeName) },
            csrf: CSRF.token(for: request), errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func request(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let me = try access.requireParticipant(request)
        let form = try request.content.decode(RequestForm.self)
        var check = InputChecker()
        let message = check.text(form.nachricht, "Worum geht es?", required: false, length: 0...500, multiline: true)
        let context = check.text(form.anlass, "Anlass", required: false, length: 0...120)
        let invitee = try await form.mit.flatMap(UUID.init(uuidString:)).asyncFlatMap {
            try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$userID == $0).first()
        }
        let slot = try await form.zeitfenster.flatMap(UUID.init(uuidString:)).asyncFlatMap { try await EventSlotModel.find($0, on: request.db) }
        if invitee == nil { check.fail("Bitte eine angemeldete Person wählen.") }
        if slot == nil || slot?.eventID != access.eventID { check.fail("Bitte ein Zeitfenster für 1:1-Treffen wählen.") }
        guard check.errors.isEmpty, let invitee, let slot else {
            return try await render(request, access, person: form.mit ?? "", errors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        let baseURL = request.application.aufwindConfig.baseURL
        let event = access.event
        let requesterName = me.userName
        let inviteeID = invitee.userID
        do {
            _ = try await MeetingService(database: request.db).request(
                access.event, slot: slot, from: me, to: invitee,
                context: context.isEmpty ? "Teilnehmerliste" : context, message: message, now: request.now
            ) { db in
                try await Notifier(database: db, baseURL: baseURL).notify(
                    users: [inviteeID],
                    NotificationMessage(
                        category: .veranstaltungen, subject: "Anfrage für ein 1:1-Treffen: \(requesterName)",
                        text: "\(requesterName) fragt ein 1:1-Treffen bei „\(event.title)“ an (\(slot.label)).",
                        detail: message.isEmpty ? nil : message, link: event.path + "/treffen", action: "Anfrage beantworten"))
            }
        } catch let problem as ProblemDetails where problem.status == 409 || problem.status == 422 {
            return try await render(request, access, person: form.mit ?? "", errors: [problem.detail], status: HTTPStatus(statusCode: problem.status))
        }
        return request.redirect(to: access.event.path + "/treffen", notice: .meetingRequested)
    }

    private func meeting(_ request: Request, _ access: EventAccess) async throws -> MeetingModel {
        guard let meeting = try await MeetingModel.find(try request.uuid("mid"), on: request.db), meeting.eventID == access.eventID else {
            throw ProblemDetails.notFound("Diese Anfrage gibt es nicht.")
        }
        return meeting
    }

    @Sendable func decide(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let me = try access.requireParticipant(request)
        let meeting = try await meeting(request, access)
        try request.authorize(.answerMeetingRequest, meeting.resource)
        let choice = try request.content.decode(DecisionForm.self).entscheidung
        guard choice == "annehmen" || choice == "ablehnen" else {
            return try await render(request, access, errors: ["Bitte annehmen oder ablehnen."], status: .unprocessableEntity)
        }
        let decision: MeetingService.Decision
        let baseURL = request.application.aufwindConfig.baseURL
        let event = access.event
        let deciderName = me.userName
        let requesterID = meeting.requesterID
        do {
            decision = try await MeetingService(database: request.db).decide(
                meeting, accept: choice == "annehmen", tables: access.event.meetingTables, now: request.now
            ) { decision, db in
                let text: String
                let subject: String
                switch decision {
                case .accepted(let table):
                    text = "\(deciderName) hat Ihr 1:1-Treffen bei „\(event.title)“ angenommen (Tisch \(table))."
                    subject = "1:1-Treffen vereinbart: \(deciderName)"
                case .declined:
                    text = "\(deciderName) hat Ihre Anfrage für ein 1:1-Treffen bei „\(event.title)“ abgelehnt."
                    subject = "1:1-Treffen abgelehnt: \(deciderName)"
                }
                try await Notifier(database: db, baseURL: baseURL).notify(
                    users: [requesterID],
                    NotificationMessage(
                        category: .veranstaltungen, subject: subject, text: text, link: event.path + "/treffen", action: "Treffen ansehen"))
            }
        } catch let problem as ProblemDetails where [409, 410].contains(problem.status) {
            return try await render(request, access, errors: [problem.detail], status: HTTPStatus(statusCode: problem.status))
        }
        if case .accepted = decision { return request.redirect(to: access.event.path + "/treffen", notice: .meetingAccepted) }
        return request.redirect(to: access.event.path + "/treffen", notice: .meetingDeclined)
    }

    @Sendable func withdraw(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        _ = try access.requireParticipant(request)
        let meeting = try await meeting(request, access)
        try request.authorize(.withdrawMeeting, meeting.resource)
        try await MeetingService(database: request.db).withdraw(meeting)
        return request.redirect(to: access.event.path + "/treffen", notice: .meetingWithdrawn)
    }
}
