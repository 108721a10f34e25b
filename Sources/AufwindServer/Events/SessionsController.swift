import AufwindCore
import Fluent
import Vapor

/// Session proposals, votes, hosts, availability, results and "als Vorhaben übernehmen".
struct SessionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let sessions = routes.grouped("veranstaltungen", ":id", "sessions")
        sessions.get(use: list)
        sessions.post(use: propose)
        sessions.get(":sid", use: show)
        sessions.post(":sid", "stimme", use: vote)
        sessions.post(":sid", "leitung", use: addHost)
        sessions.post(":sid", "leitung", ":uid", "entfernen", use: removeHost)
        sessions.post(":sid", "verfuegbarkeit", use: setAvailability)
        sessions.post(":sid", "ergebnis", use: saveResult)
        sessions.post(":sid", "vorhaben", use: adopt)
        sessions.post(":sid", "absagen", use: cancel)
    }

    struct ProposalForm: Content {
        var titel: String?
        var kurzbeschreibung: String?
        var handlungsfeld: String?
        var format: String?
    }
    struct VoteForm: Content { var interesse: String? }
    struct HostForm: Content { var person: String? }
    struct AvailabilityForm: Content { var nicht_verfuegbar: [String]? }
    struct ResultForm: Content { var ergebnis: String? }
    struct AdoptForm: Content { var kommune: String? }

    // MARK: List and ballot

    @Sendable func list(request: Request) async throws -> Response {
        try await renderList(request, EventAccess.load(request))
    }

    private func renderList(
        _ request: Request, _ access: EventAccess, values: [String: String] = [:], errors: [String] = [],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let phase = access.event.phaseValue
        let loaded = try await SessionService(database: request.db).load(access.eventID, includeCancelled: false)
        let me = request.currentUser?.id
        let mine =
            me == nil
            ? Set<UUID>()
            : Set(try await EventVoteModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$userID == me!).all().map(\.sessionID))
        var sessions = loaded.sessions
        if phase == .abstimmen {
            // The ballot: shuffled once per person, so a vote never moves anything on the list.
            let order = BallotOrder.order(sessions.map(\.key), for: me?.uuidString ?? "anonym")
            let byKey = Dictionary(uniqueKeysWithValues: sessions.map { ($0.key, $0) })
            sessions = order.compactMap { byKey[$0] }
        }
        // Counts are shown once voting is over (or to organisers), so they do not steer votes.
        let showCounts = access.isOrganiser || phase == .planen || phase == .veroeffentlicht
        let page = SessionListPage(
            eventPath: access.event.path, eventTitle: access.event.title, phase: phase,
            entries: sessions.map { session in
                .init(
                    id: session.key, title: session.title, summary: session.summary, field: session.fieldValue?.label ?? session.handlungsfeld,
                    format: session.formatValue.label, hosts: (loaded.hosts[session.id!] ?? []).map(\.userName).joined(separator: ", "),
                    votes: showCounts ? loaded.votes[session.id!] ?? 0 : nil, mine: mine.contains(session.id!))
            },
            canPropose: access.isInside && phase.allowsProposals, canVote: access.isParticipant && phase.allowsVoting,
            formValues: values, errors: errors, csrf: request.currentUser == nil ? nil : CSRF.token(for: request))
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func propose(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireInside(request)
        if let refusal = access.event.phaseValue.refusal(for: .propose) { throw EventService.refused(refusal) }
        let form = try request.content.decode(ProposalForm.self)
        switch SessionProposalInput.validate(
            title: form.titel, summary: form.kurzbeschreibung, handlungsfeld: form.handlungsfeld, format: form.format)
        {
        case .failure(let problems):
            let values = ["titel": form.titel, "kurzbeschreibung": form.kurzbeschreibung, "handlungsfeld": form.handlungsfeld, "format": form.format]
                .compactMapValues { $0 }
            return try await renderList(request, access, values: values, errors: problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let input):
            let session = try await SessionService(database: request.db).propose(access.event, input: input, by: request.requireUser())
            return request.redirect(to: "\(access.event.path)/sessions/\(session.key)", notice: .sessionProposed)
        }
    }

    @Sendable func vote(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let registration = try access.requireParticipant(request)
        let session = try await loadSession(request, access)
        let form = try request.content.decode(VoteForm.self)
        guard ["ja", "nein"].contains(form.interesse ?? "") else {
            throw ProblemDetails(title: "Ungültige Angaben", status: 422, detail: "Bitte „ja“ oder „nein“ senden.")
        }
        guard !session.cancelled else { throw EventService.refused("Diese Session ist abgesagt.") }
        let interested = form.interesse == "ja"
        try await SessionService(database: request.db).vote(access.event, session: session, userID: registration.userID, interested: interested)
        if request.wantsToggleAnswer { return try await ToggleAnswer(an: interested).encodeResponse(for: request) }
        // Back to the same place on the list (the anchor after the notice's query).
        return request.redirect(to: SuccessNotice.voteSaved.path("\(access.event.path)/sessions") + "#session-\(session.key)", redirectType: .normal)
    }

    // MARK: One session

    private func loadSession(_ request: Request, _ access: EventAccess) async throws -> EventSessionModel {
        let id = try request.uuid("sid")
        guard let session = try await EventSessionModel.find(id, on: request.db), session.eventID == access.eventID else {
            throw ProblemDetails.notFound("Diese Session gibt es nicht.")
        }
        return session
    }

    private func hosts(_ request: Request, _ session: EventSessionModel) async throws -> [EventSessionHostModel] {
        try await EventSessionHostModel.query(on: request.db).filter(\.$sessionID == session.requireID()).all()
    }

    /// The session as the policy decides about it.
    private func standing(_ request: Request, _ access: EventAccess, _ session: EventSessionModel) async throws -> Resource {
        let hostIDs = try await hosts(request, session).map { $0.userID.uuidString }
        return .eventSession(EventSessionStanding(event: access.standing, hostIDs: Set(hostIDs)))
    }

    /// Refuses unless the person leads the session (or, for `organiserToo`, is in the event's team).
    private func requireHost(_ request: Request, _ access: EventAccess, _ session: EventSessionModel, organiserToo: Bool = true) async throws {
        try request.authorize(organiserToo ? .editEventSession : .leadEventSession, try await standing(request, access, session))
    }

    @Sendable func show(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        return try await render(request, access, try await loadSession(request, access))
    }

    /// What the person sent in a form of the session page, shown again when it comes back with errors.
    struct SentValues {
        var person: String?
        var unavailable: [String]?
        var result: String?
    }

    private func render(
        _ request: Request, _ access: EventAccess, _ session: EventSessionModel, sent: SentValues = .init(), errors: [String] = [],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let hosts = try await hosts(request, session)
        let me = request.currentUser?.id
        let isHost = hosts.contains { $0.userID == me }
        let slots = try await EventSlotModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .filter(\.$kind == SlotGrid.Kind.session.rawValue).sort(\.$day).sort(\.$startMinute).all()
        let participants =
            (isHost || access.isOrganiser)
            ? try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID)
                .filter(\.$status == EventRegistrationModel.Status.bestaetigt.rawValue).sort(\.$userName).all()
                .filter { p in !hosts.contains { $0.userID == p.userID } } : []
        let latest = try await PlanningService(database: request.db).latestVersion(access.eventID)
        let placement = latest?.placementList.first { $0.session == session.key }.map { "\($0.room), \($0.slotLabel)" }
        let directory = TownDirectory(catalog: request.register)
        let page = SessionPage(
            eventPath: access.event.path, id: session.key, name: session.title, summary: session.summary, field: session.fieldValue?.label ?? "",
            format: session.formatValue.label, cancelled: session.cancelled, hosts: hosts.map { ($0.userID.uuidString.lowercased(), $0.userName) },
            placement: placement, isHost: isHost, isOrganiser: access.isOrganiser,
            canRequestMeeting: access.isParticipant && access.event.meetingTables > 0 && !isHost,
            participants: participants.map { ($0.userID.uuidString.lowercased(), "\($0.userName) (\($0.orgName))") },
            sessionSlots: slots.map {
                ($0.id!.uuidString.lowercased(), $0.label, (sent.unavailable ?? session.unavailable).contains($0.id!.uuidString.lowercased()))
            },
            result: session.result, sentResult: sent.result, sentPerson: sent.person ?? "",
            itemPath: session.itemID.map { "/eintraege/\($0.uuidString.lowercased())" },
            towns: request.actor.townRoles.keys.sorted().map { ($0, directory.name(of: $0) ?? $0) },
            csrf: request.currentUser == nil ? nil : CSRF.token(for: request), errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func addHost(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let session = try await loadSession(request, access)
        try await requireHost(request, access, session)
        let form = try request.content.decode(HostForm.self)
        guard let userID = form.person.flatMap(UUID.init(uuidString:)),
            let registration = try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$userID == userID)
                .first(),
            registration.statusValue == .bestaetigt
        else {
            return try await render(
                request, access, session, sent: .init(person: form.person),
                errors: ["Als Leitung lassen sich nur bestätigte Teilnehmer:innen eintragen."], status: .unprocessableEntity)
        }
        try await SessionService(database: request.db).addHost(session, user: registration)
        request.application.scheduleCache.invalidate(access.eventID)
        return request.redirect(to: "\(access.event.path)/sessions/\(session.key)", notice: .hostAdded)
    }

    @Sendable func removeHost(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let session = try await loadSession(request, access)
        try await requireHost(request, access, session)
        do {
            try await SessionService(database: request.db).removeHost(session, userID: try request.uuid("uid"))
            request.application.scheduleCache.invalidate(access.eventID)
        } catch let problem as ProblemDetails where problem.status == 409 {
            return try await render(request, access, session, errors: [problem.detail], status: .conflict)
        }
        return request.redirect(to: "\(access.event.path)/sessions/\(session.key)", notice: .hostRemoved)
    }

    @Sendable func setAvailability(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let session = try await loadSession(request, access)
        try await requireHost(request, access, session)
        let chosen = try request.content.decode(AvailabilityForm.self).nicht_verfuegbar ?? []
        let slots = Set(
            try await EventSlotModel.query(on: request.db).filter(\.$eventID == access.eventID).all().map { $0.id!.uuidString.lowercased() })
        let unknown = chosen.filter { !slots.contains($0) }
        guard unknown.isEmpty else {
            return try await render(
                request, access, session, sent: .init(unavailable: chosen), errors: ["Unbekanntes Zeitfenster."], status: .unprocessableEntity)
        }
        // A pin into a slot the host now cannot make would contradict: refuse, nothing changes.
        if let assignment = try await EventAssignmentModel.find(session.requireID(), on: request.db), assignment.pinned,
            chosen.contains(assignment.slotID.uuidString.lowercased())
        {
            return try await render(
                request, access, session, sent: .init(unavailable: chosen),
                errors: ["Die Session ist in diesem Zeitfenster festgelegt; das Veranstaltungsteam muss die Festlegung erst lösen."],
                status: .conflict)
        }
        session.unavailableSlots = Array(Set(chosen)).sorted().joined(separator: ",")
        try await session.update(on: request.db)
        return request.redirect(to: "\(access.event.path)/sessions/\(session.key)", notice: .availabilitySaved)
    }

    @Sendable func saveResult(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let session = try await loadSession(request, access)
        try await requireHost(request, access, session, organiserToo: false)
        var check = InputChecker()
        let sent = try request.content.decode(ResultForm.self).ergebnis
        let result = check.text(sent, "Ergebnis", required: false, length: 0...5000, multiline: true)
        guard check.errors.isEmpty else {
            return try await render(
                request, access, session, sent: .init(result: sent), errors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        session.result = result
        try await session.update(on: request.db)
        return request.redirect(to: "\(access.event.path)/sessions/\(session.key)", notice: .resultSaved)
    }

    @Sendable func adopt(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let session = try await loadSession(request, access)
        try await requireHost(request, access, session, organiserToo: false)
        let town = try request.content.decode(AdoptForm.self).kommune ?? ""
        try request.authorize(.actForTown, .town(town))
        let itemID = try await SessionService(database: request.db).adoptAsVorhaben(
            session, event: access.event, town: town, by: request.requireUser(),
            items: ItemService(request), now: request.now)
        return request.redirect(to: "/eintraege/\(itemID.uuidString.lowercased())", notice: .sessionAdopted)
    }

    @Sendable func cancel(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let session = try await loadSession(request, access)
        try await requireHost(request, access, session)
        session.cancelled = true
        try await request.db.transaction { db in
            try await session.update(on: db)
            try await EventAssignmentModel.query(on: db).filter(\.$id == session.requireID()).delete()
        }
        request.application.scheduleCache.invalidate(access.eventID)
        return request.redirect(to: "\(access.event.path)/sessions/\(session.key)", notice: .sessionCancelled)
    }
}
