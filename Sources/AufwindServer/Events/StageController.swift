import AufwindCore
import Fluent
import Vapor

/// The pitch stage: blocks, the projector view, the moderator view and the live stream. The
/// clock lives in the database, so any instance serves any view; the live stream polls the
/// block's revision (a one-column query) and pushes the state whenever it changes, and every few
/// seconds anyway so clients can correct their clock against the server's.
struct StageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let stage = routes.grouped("veranstaltungen", ":id", "buehne")
        stage.get(use: list)
        stage.post(use: createBlock)
        stage.get(":block", use: stageView)
        stage.get(":block", "zustand", use: stateJSON)
        stage.get(":block", "live", use: live)
        stage.get(":block", "moderation", use: moderator)
        stage.post(":block", "befehl", use: command)
        stage.post(":block", "pitches", use: addPitch)
        stage.post(":block", "pitches", ":pitch", "verschieben", use: movePitch)
        stage.post(":block", "pitches", ":pitch", "entfernen", use: removePitch)
    }

    struct BlockForm: Content {
        var titel: String?
        var sekunden: String?
    }
    struct CommandForm: Content { var befehl: String? }
    struct PitchForm: Content {
        var praesentiert: String?
        var titel: String?
        var person: String?
        var eintrag: String?
        var anbieter: String?
    }
    struct MoveForm: Content { var richtung: String? }

    @Sendable func list(request: Request) async throws -> Response {
        try await renderList(request, EventAccess.load(request))
    }

    private func renderList(_ request: Request, _ access: EventAccess, errors: [String] = [], status: HTTPStatus = .ok) async throws -> Response {
        let blocks = try await PitchBlockModel.query(on: request.db).filter(\.$eventID == access.eventID).sort(\.$createdAt).all()
        let allPitches = blocks.isEmpty ? [] : try await PitchModel.query(on: request.db).filter(\.$blockID ~~ blocks.compactMap(\.id)).all()
        // Hidden by the moderation (the pitch, or the solution it presents): only the team sees it, marked.
        try await PitchVisibility.markHidden(allPitches, on: request.db)
        let pitches = allPitches.filter { $0.hidden != true || access.isOrganiser }
        // Pitches from applications: the abstract, the solution, and the applicant once registered
        // with a seat (for 1:1 requests), even if they registered after the acceptance.
        let applications = try await PitchApplicationModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .filter(\.$status == PitchApplicationStatus.angenommen.rawValue).all()
        let abstracts = Dictionary(applications.compactMap { a in a.pitchID.map { ($0, a.abstract) } }, uniquingKeysWith: { a, _ in a })
        let applicants = applications.compactMap(\.applicantID)
        let seated = Set(
            applicants.isEmpty
                ? []
                : try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$userID ~~ applicants)
                    .filter(\.$status == EventRegistrationModel.Status.bestaetigt.rawValue).all().map(\.userID))
        let pitcherOf = Dictionary(
            applications.compactMap { a in a.pitchID.flatMap { pitch in a.applicantID.flatMap { seated.contains($0) ? (pitch, $0) : nil } } },
            uniquingKeysWith: { a, _ in a })
        let openApplications =
            access.isOrganiser
            ? try await PitchApplicationModel.query(on: request.db).filter(\.$eventID == access.eventID)
                .filter(\.$status == PitchApplicationStatus.eingereicht.rawValue).count() : 0
        let blocksOpen = PitchApplicationsController.closedReason(access.event, blocks: blocks, today: request.todayISO) == nil
        let page = StageListPage(
            eventPath: access.event.path, eventTitle: access.event.title,
            blocks: blocks.map { block in
                let byKey = Dictionary(uniqueKeysWithValues: pitches.filter { $0.blockID == block.id }.map { ($0.key, $0) })
                return (
                    block.title, "\(access.event.path)/buehne/\(block.id!.uuidString.lowercased())",
                    block.clockValue.order.compactMap { byKey[$0] }.map {
                        StageListPage.Pitch(
                            id: $0.key, presenter: $0.presenter, title: $0.title,
                            userID: ($0.userID ?? $0.id.flatMap { pitcherOf[$0] }).map { $0.uuidString.lowercased() },
                            link: $0.itemID.map { "/eintraege/\($0.uuidString.lowercased())" }
                                ?? $0.organisationID.map { "/anbieter/\($0.uuidString.lowercased())" },
                            solutionLink: $0.hidden == true ? nil : $0.solutionID.map { "/loesungen/\($0.uuidString.lowercased())" },
                            abstract: $0.hidden == true ? "" : $0.id.flatMap { abstracts[$0] } ?? "", hidden: $0.hidden == true)
                    }
                )
            },
            isOrganiser: access.isOrganiser, canRequestMeetings: access.isParticipant && access.event.meetingTables > 0,
            openApplications: openApplications, applicationsOpen: blocksOpen, signedIn: request.currentUser != nil,
            csrf: request.currentUser == nil ? nil : CSRF.token(for: request), errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func createBlock(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let form = try request.content.decode(BlockForm.self)
        var check = InputChecker()
        let title = check.text(form.titel, "Titel des Blocks", length: 2...120)
        let seconds = check.number(form.sekunden, "Sekunden je Pitch", in: 10...1800)
        guard check.errors.isEmpty else {
            return try await renderList(request, access, errors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        let block = try await StageService(database: request.db).createBlock(access.event, title: title, seconds: seconds)
        return request.redirect(to: "\(access.event.path)/buehne/\(block.id!.uuidString.lowercased())/moderation", notice: .blockCreated)
    }

    private func block(_ request: Request, _ access: EventAccess) async throws -> PitchBlockModel {
        guard let block = try await PitchBlockModel.find(try request.uuid("block"), on: request.db), block.eventID == access.eventID else {
            throw ProblemDetails.notFound("Diesen Pitch-Block gibt es nicht.")
        }
        return block
    }

    /// The projector view is public: a stage is shown to the whole room anyway.
    @Sendable func stageView(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let block = try await block(request, access)
        guard let (state, _, _) = try await StageService(database: request.db).state(block.requireID(), now: request.now) else {
            throw ProblemDetails.notFound("Diesen Pitch-Block gibt es nicht.")
        }
        let path = "\(access.event.path)/buehne/\(block.id!.uuidString.lowercased())"
        let html = StageView(eventTitle: access.event.title, blockTitle: block.title, state: state, livePath: path + "/live").html().render()
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }

    @Sendable func stateJSON(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let block = try await block(request, access)
        guard let (state, _, _) = try await StageService(database: request.db).state(block.requireID(), now: request.now) else {
            throw ProblemDetails.notFound("Diesen Pitch-Block gibt es nicht.")
        }
        let response = Response(status: .ok)
        try response.content.encode(state, as: .json)
        response.headers.add(name: .cacheControl, value: "no-store")
        return response
    }

    /// Server-Sent Events: the state on every change and at least every 5 seconds; the stream
    /// ends after `liveStreamSeconds` and the browser reconnects (`retry`). All streams of a
    /// block share one poller on this instance (`StageBroadcaster`); one client address may hold
    /// `liveStreamsPerAddress` streams, a further one is refused with 429 and `Retry-After`.
    @Sendable func live(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let blockID = try await block(request, access).requireID()
        let config = request.application.aufwindConfig
        let broadcaster = request.application.stageBroadcaster
        let subscription: StageBroadcaster.Subscription
        do {
            subscription = try await broadcaster.subscribe(
                blockID, address: request.clientAddress, limit: config.liveStreamsPerAddress,
                until: .now + .milliseconds(Int64((config.liveStreamSeconds * 1000).rounded())), database: request.application.db)
        } catch {
            let seconds = Int((error.retryAfter / .seconds(1)).rounded(.up))
            let response = ProblemDetails(
                title: "Zu viele Live-Verbindungen", status: 429,
                detail:
                    "Von Ihrer Adresse sind schon \(error.limit) Live-Ansichten geöffnet. Bitte schließen Sie eine oder versuchen Sie es in \(GermanFormat.spokenDuration(seconds: Double(seconds))) erneut."
            ).response(for: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "event-stream", parameters: ["charset": "utf-8"])
        headers.add(name: .cacheControl, value: "no-store")
        headers.add(name: "X-Accel-Buffering", value: "no")
        let body = Response.Body(asyncStream: { writer in
            do {
                try await writer.write(.buffer(ByteBuffer(string: "retry: 1000\n\n")))
                for await update in subscription.updates {
                    try await writer.write(.buffer(update.frame))
                }
                try await writer.write(.end)
            } catch {
                try? await writer.write(.end)
            }
            await broadcaster.unsubscribe(subscription)
        })
        return Response(status: .ok, headers: headers, body: body)
    }

    @Sendable func moderator(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        return try await renderModerator(request, access, block(request, access))
    }

    private func renderModerator(
        _ request: Request, _ access: EventAccess, _ block: PitchBlockModel, values: [String: String] = [:], errors: [String] = [],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        guard let (state, fresh, pitches) = try await StageService(database: request.db).state(block.requireID(), now: request.now) else {
            throw ProblemDetails.notFound("Diesen Pitch-Block gibt es nicht.")
        }
        let clock = fresh.clockValue
        let byKey = Dictionary(uniqueKeysWithValues: pitches.map { ($0.key, $0) })
        let participants = try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .filter(\.$status == EventRegistrationModel.Status.bestaetigt.rawValue).sort(\.$userName).all()
        let providers = try await OrganisationModel.query(on: request.db).filter(\.$kind == OrganisationModel.Kind.anbieter.rawValue)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).sort(\.$name).all()
        let path = "\(access.event.path)/buehne/\(block.id!.uuidString.lowercased())"
        let page = ModeratorPage(
            eventPath: access.event.path, blockPath: path, blockTitle: block.title, state: state,
            pitches: clock.order.enumerated().compactMap { index, key in
                byKey[key].map {
                    (
                        $0.key, $0.title, $0.presenter, index < clock.current, index == clock.current && clock.stage != .beendet,
                        clock.skipped.contains(key), $0.hidden == true,
                        index >= (clock.stage == .bereit || clock.stage == .wartet ? clock.current : clock.current + 1)
                    )
                }
            },
            participants: participants.map { ($0.userID.uuidString.lowercased(), "\($0.userName) (\($0.orgName))") },
            providers: providers.map { ($0.id!.uuidString, $0.name) },
            csrf: CSRF.token(for: request), values: values, errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func command(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let block = try await block(request, access)
        guard let command = PitchClock.Command(rawValue: try request.content.decode(CommandForm.self).befehl ?? "") else {
            return try await renderModerator(request, access, block, errors: ["Unbekannter Befehl."], status: .unprocessableEntity)
        }
        do {
            _ = try await StageService(database: request.db).command(block, command)
        } catch let problem as ProblemDetails where problem.status == 409 {
            return try await renderModerator(request, access, block, errors: [problem.detail], status: .conflict)
        }
        if request.headers.first(name: .accept)?.contains("application/json") == true { return try await stateJSON(request: request) }
        return request.redirect(to: "\(access.event.path)/buehne/\(block.id!.uuidString.lowercased())/moderation", notice: .stageCommand)
    }

    @Sendable func addPitch(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let block = try await block(request, access)
        let form = try request.content.decode(PitchForm.self)
        var check = InputChecker()
        // A town presents a published, public Vorhaben (its link or id), or an Anbieter pitches:
        // then presenter and topic may stay empty and are taken from there (`PitchInput`).
        var itemSource: PitchInput.Source?
        var anbieterSource: PitchInput.Source?
        var itemID: UUID?
        var organisationID: UUID?
        if let raw = form.eintrag?.trimmingSpaces, !raw.isEmpty {
            let id = raw.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) }
            if let id, let item = try await CooperationItemModel.find(id, on: request.db), ItemAudience.everybody.sees(item.facts) {
                itemID = id
                itemSource = .item(town: TownDirectory(catalog: request.register).name(of: item.ownerKey) ?? item.ownerKey, title: item.title)
            } else {
                check.fail("„\(raw)“ ist kein veröffentlichter, öffentlicher Eintrag (Link oder Nummer eines Vorhabens angeben).")
            }
        }
        if let raw = form.anbieter, !raw.isEmpty {
            if let id = UUID(uuidString: raw), let organisation = try await OrganisationModel.find(id, on: request.db),
                organisation.kindValue == .anbieter, organisation.statusValue == .confirmed
            {
                organisationID = id
                anbieterSource = .anbieter(name: organisation.name)
            } else {
                check.fail("Diesen bestätigten Anbieter gibt es nicht.")
            }
        }
        var presenter = ""
        var title = ""
        switch PitchInput.validate(presenter: form.praesentiert, title: form.titel, item: itemSource, anbieter: anbieterSource) {
        case .success(let input): (presenter, title) = (input.presenter, input.title)
        case .failure(let problems):
            for problem in problems.messages { check.fail(problem) }
        }
        var userID: UUID?
        if let raw = form.person, !raw.isEmpty {
            userID = UUID(uuidString: raw)
            let registered =
                userID == nil
                ? 0 : try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$userID == userID!).count()
            if registered == 0 { check.fail("Die Person ist nicht zur Veranstaltung angemeldet.") }
        }
        guard check.errors.isEmpty else {
            // The form comes back with everything the person chose and typed.
            let values = [
                "eintrag": form.eintrag, "anbieter": form.anbieter, "praesentiert": form.praesentiert, "titel": form.titel, "person": form.person,
            ].compactMapValues { $0 }
            return try await renderModerator(
                request, access, block, values: values, errors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        try await StageService(database: request.db).addPitch(
            block, title: title, presenter: presenter, userID: userID, itemID: itemID, organisationID: organisationID,
            announce: (access.event, request.application.aufwindConfig.baseURL))
        return request.redirect(to: "\(access.event.path)/buehne/\(block.id!.uuidString.lowercased())/moderation", notice: .pitchAdded)
    }

    /// The team takes a pitch out of the order before it was on stage.
    @Sendable func removePitch(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let block = try await block(request, access)
        guard let pitch = try await PitchModel.find(try request.uuid("pitch"), on: request.db), pitch.blockID == block.id else {
            throw ProblemDetails.notFound("Diesen Pitch gibt es in diesem Block nicht.")
        }
        switch try await PitchApplicationService(request).removeFromStage(pitch, event: access.event, by: request.requireUser(), now: request.now) {
        case .removed:
            return request.redirect(to: "\(access.event.path)/buehne/\(block.id!.uuidString.lowercased())/moderation", notice: .pitchRemoved)
        case .refused(let text):
            return try await renderModerator(request, access, block, errors: [text], status: .conflict)
        }
    }

    @Sendable func movePitch(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let block = try await block(request, access)
        let pitch = try request.uuid("pitch").uuidString.lowercased()
        let direction = try request.content.decode(MoveForm.self).richtung
        guard direction == "hoch" || direction == "runter" else {
            return try await renderModerator(request, access, block, errors: ["Bitte „hoch“ oder „runter“."], status: .unprocessableEntity)
        }
        do {
            _ = try await StageService(database: request.db).change(block) { $0.move(pitch, by: direction == "hoch" ? -1 : 1) }
        } catch let problem as ProblemDetails where problem.status == 409 {
            return try await renderModerator(request, access, block, errors: [problem.detail], status: .conflict)
        }
        return request.redirect(to: "\(access.event.path)/buehne/\(block.id!.uuidString.lowercased())/moderation", notice: .pitchMoved)
    }
}
