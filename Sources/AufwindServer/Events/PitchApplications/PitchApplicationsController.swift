import AufwindCore
import Fluent
import Vapor

/// Pitch applications: the Anbieter's page (`/veranstaltungen/{id}/pitch-bewerbung`: apply,
/// withdraw, see the decisions) and the team's review (`/veranstaltungen/{id}/pitch-bewerbungen`:
/// accept into a pitch block, waitlist, decline with a reason).
struct PitchApplicationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let event = routes.grouped("veranstaltungen", ":id")
        event.get("pitch-bewerbung", use: show)
        event.post("pitch-bewerbung", use: apply)
        event.post("pitch-bewerbung", ":application", "zurueckziehen", use: withdraw)
        event.get("pitch-bewerbungen", use: review)
        event.post("pitch-bewerbungen", ":application", "entscheidung", use: decide)
    }

    struct ApplicationForm: Content {
        var loesung: String?
        var bedarfe: [String]?
        var weitereBedarfe: String?
        var abstract: String?
    }

    struct DecisionForm: Content {
        /// The application's revision the form was shown with.
        var stand: String?
        var entscheidung: String?
        var block: String?
        var begruendung: String?
    }

    // MARK: The Anbieter

    @Sendable func show(request: Request) async throws -> Response {
        try request.requireUser()
        return try await renderApplication(request, EventAccess.load(request))
    }

    @Sendable func apply(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let user = try request.requireUser()
        let providers = try await NeedAnswerBoard.providers(request)
        guard !providers.isEmpty else {
            try request.authorize(.applyForPitch, .organisation(""))
            throw Abort(.forbidden)
        }
        let form = try request.content.decode(ApplicationForm.self)
        let kept = PitchApplicationPage.Form(
            solutionID: form.loesung ?? "", chosenNeeds: form.bedarfe ?? [], pastedNeeds: form.weitereBedarfe ?? "", abstract: form.abstract ?? "")
        func again(_ errors: [String], status: HTTPStatus) async throws -> Response {
            try await renderApplication(request, access, form: kept, errors: errors, status: status)
        }
        let blocks = try await Self.blocks(of: access, on: request.db)
        if let closed = Self.closedReason(access.event, blocks: blocks, today: request.todayISO) {
            return try await again([closed + " Ihr Text steht unten noch."], status: .conflict)
        }
        let input: PitchApplicationInput
        switch PitchApplicationInput.validate(
            solutionID: form.loesung, chosenNeeds: form.bedarfe ?? [], pastedNeeds: form.weitereBedarfe, abstract: form.abstract,
            seconds: Self.seconds(blocks))
        {
        case .failure(let problems): return try await again(problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let valid): input = valid
        }
        guard let solutionID = UUID(uuidString: input.solutionID), let solution = try await SolutionModel.find(solutionID, on: request.db),
            solution.hidden != true, let organisationID = solution.organisationID,
            let organisation = providers.first(where: { $0.id == organisationID })
        else {
            return try await again(["Bitte wählen Sie eine Lösung eines Anbieters, für den Sie handeln."], status: .unprocessableEntity)
        }
        try request.authorize(.applyForPitch, .organisation(organisationID.uuidString))
        let needIDs = input.needIDs.compactMap(UUID.init(uuidString:))
        let needs = needIDs.isEmpty ? [] : try await CooperationItemModel.query(on: request.db).filter(\.$id ~~ needIDs).all()
        let usable = Set(needs.filter(Self.isPublicNeed).compactMap(\.id))
        if let missing = needIDs.first(where: { !usable.contains($0) }) {
            return try await again(
                [
                    "„\(missing.uuidString.lowercased())“ ist kein veröffentlichter, öffentlicher Bedarf. Bitte nennen Sie nur Bedarfe, die alle sehen können."
                ],
                status: .unprocessableEntity)
        }
        switch try await PitchApplicationService(request).apply(
            to: access.event, solution: solution, of: organisation, needs: needIDs, abstract: input.abstract, by: user, now: request.now)
        {
        case .applied:
            return request.redirect(to: access.event.path + "/pitch-bewerbung#ihre-bewerbungen", notice: .pitchApplied)
        case .duplicate(let status):
            return try await again(
                ["Mit „\(solution.name)“ hat sich \(organisation.name) für diese Veranstaltung schon beworben (\(status.label))."], status: .conflict)
        case .tooManySubmissions:
            return try await again(
                [
                    "Diese Bewerbung wurde schon \(PitchApplicationModel.maximumSubmissions)-mal eingereicht und zurückgezogen. Bitte wenden Sie sich an das Team der Veranstaltung (\(access.event.organiserName))."
                ], status: .conflict)
        }
    }

    @Sendable func withdraw(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let user = try request.requireUser()
        guard let application = try await PitchApplicationModel.find(try request.uuid("application"), on: request.db),
            application.eventID == access.eventID, let organisation = try await OrganisationModel.find(application.organisationID, on: request.db)
        else { throw ProblemDetails.notFound("Diese Bewerbung gibt es nicht.") }
        try request.authorize(.applyForPitch, .organisation(application.organisationID.uuidString))
        switch try await PitchApplicationService(request).withdraw(
            application, event: access.event, organisation: organisation, by: user, now: request.now)
        {
        case .withdrawn:
            return request.redirect(to: access.event.path + "/pitch-bewerbung#ihre-bewerbungen", notice: .pitchApplicationWithdrawn)
        case .notWithdrawable(let current):
            return try await renderApplication(
                request, access, errors: ["Diese Bewerbung ist schon \(current.label) und lässt sich nicht mehr zurückziehen."], status: .conflict)
        case .alreadyOnStage(let text):
            return try await renderApplication(request, access, errors: [text], status: .conflict)
        }
    }

    private func renderApplication(
        _ request: Request, _ access: EventAccess, form: PitchApplicationPage.Form = .init(), errors: [String] = [], status: HTTPStatus = .ok
    ) async throws -> Response {
        let db = request.db
        let providers = try await NeedAnswerBoard.providers(request)
        let providerIDs = providers.compactMap(\.id)
        let blocks = try await Self.blocks(of: access, on: request.db)
        let solutions =
            providerIDs.isEmpty ? [] : try await SolutionModel.query(on: db).filter(\.$organisationID ~~ providerIDs).sort(\.$name).all()
        let names = Dictionary(uniqueKeysWithValues: providers.compactMap { p in p.id.map { ($0, p.name) } })
        let applications =
            providerIDs.isEmpty
            ? []
            : try await PitchApplicationModel.query(on: db).filter(\.$eventID == access.eventID).filter(\.$organisationID ~~ providerIDs)
                .sort(\.$createdAt).all()
        return HTMLResponse.render(
            PitchApplicationPage(
                eventTitle: access.event.title, eventPath: access.event.path, when: EventsController.when(access.event),
                seconds: Self.seconds(blocks),
                blocks: blocks.map(\.title), closedReason: Self.closedReason(access.event, blocks: blocks, today: request.todayISO),
                isProvider: !providers.isEmpty, applications: try await Self.rows(applications, blocks: blocks, access: access, request: request),
                solutions: solutions.filter { $0.hidden != true }.map {
                    ($0.id!.uuidString.lowercased(), "\($0.name) (\(names[$0.organisationID ?? UUID()] ?? ""))")
                },
                candidateNeeds: try await candidateNeeds(request, access, providers: providerIDs), form: form, csrf: CSRF.token(for: request),
                errors: errors),
            status: status, request: request)
    }

    /// Bedarfe an Anbieter might answer here: those it answered before, and those published by the
    /// towns taking part in the event (and the organising town); public and published only.
    private func candidateNeeds(_ request: Request, _ access: EventAccess, providers: [UUID]) async throws -> [(id: String, label: String)] {
        guard !providers.isEmpty else { return [] }
        let db = request.db
        let answered = try await NeedAnswerModel.query(on: db).filter(\.$organisationID ~~ providers).field(\.$itemID).all().map(\.itemID)
        var towns = Set(
            try await EventRegistrationModel.query(on: db).filter(\.$eventID == access.eventID)
                .filter(\.$participantType == EventRegistration.ParticipantType.kommune.rawValue).field(\.$orgKey).all().map(\.orgKey)
                .filter { !$0.isEmpty })
        if access.event.organiserTypeValue == .kommune { towns.insert(access.event.organiserKey) }
        var needs: [CooperationItemModel] = []
        if !answered.isEmpty { needs += try await CooperationItemModel.query(on: db).filter(\.$id ~~ Array(Set(answered))).limit(40).all() }
        if !towns.isEmpty {
            needs += try await CooperationItemModel.query(on: db).filter(\.$ownerKey ~~ Array(towns)).filter(\.$kind == ItemKind.bedarf.rawValue)
                .filter(\.$published == true).sort(\.$updatedAt, .descending).limit(40).all()
        }
        let directory = TownDirectory(catalog: request.register)
        var seen = Set<UUID>()
        return needs.filter(Self.isPublicNeed).filter { seen.insert($0.id!).inserted }.prefix(40).map { item in
            (item.id!.uuidString.lowercased(), "\(item.title) (\(directory.name(of: item.ownerKey) ?? item.ownerKey))")
        }
    }

    // MARK: The team

    @Sendable func review(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        return try await renderReview(request, access)
    }

    @Sendable func decide(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let user = try request.requireUser()
        guard let application = try await PitchApplicationModel.find(try request.uuid("application"), on: request.db),
            application.eventID == access.eventID
        else { throw ProblemDetails.notFound("Diese Bewerbung gibt es nicht.") }
        let form = try request.content.decode(DecisionForm.self)
        func again(_ errors: [String], status: HTTPStatus) async throws -> Response {
            try await renderReview(
                request, access,
                sent: .init(
                    applicationID: application.key, choice: form.entscheidung ?? "", blockID: form.block ?? "", reason: form.begruendung ?? "",
                    errors: errors), status: status)
        }
        let decision: PitchApplicationDecision
        switch PitchApplicationDecision.validate(
            choice: form.entscheidung, blockID: form.block, reason: form.begruendung, from: application.statusValue)
        {
        case .failure(let problems): return try await again(problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let valid): decision = valid
        }
        var block: PitchBlockModel?
        if decision.choice == .annehmen {
            block = try await UUID(uuidString: decision.blockID).asyncFlatMap { try await PitchBlockModel.find($0, on: request.db) }
            guard block?.eventID == access.eventID else {
                return try await again(["Diesen Pitch-Block gibt es bei dieser Veranstaltung nicht."], status: .unprocessableEntity)
            }
        }
        guard let solution = try await application.solutionID.asyncFlatMap({ try await SolutionModel.find($0, on: request.db) }) else {
            return try await again(["Die Lösung dieser Bewerbung gibt es nicht mehr (von der Moderation gelöscht)."], status: .conflict)
        }
        guard let organisation = try await OrganisationModel.find(application.organisationID, on: request.db) else {
            throw ProblemDetails.notFound("Diese Bewerbung gibt es nicht.")
        }
        if decision.choice == .annehmen, solution.hidden == true {
            return try await again(["Die Lösung ist von der Moderation verborgen; so kann sie nicht gepitcht werden."], status: .conflict)
        }
        let outcome = try await PitchApplicationService(request).decide(
            application, decision, shownRevision: Int(form.stand ?? "") ?? -1, block: block, event: access.event, solution: solution,
            organisation: organisation, by: user, now: request.now)
        switch outcome {
        case .decided: break
        case .stale:
            let current = try await PitchApplicationModel.find(application.requireID(), on: request.db)?.statusValue ?? application.statusValue
            return try await again(
                [
                    "Die Bewerbung hat sich geändert, seit Sie die Seite geöffnet haben (jetzt: \(current.label)). Bitte lesen Sie sie noch einmal und entscheiden Sie dann."
                ], status: .conflict)
        case .stageBusy(let text):
            return try await again([text], status: .conflict)
        }
        return request.redirect(to: "\(access.event.path)/pitch-bewerbungen#bewerbung-\(application.key)", notice: .pitchApplicationDecided)
    }

    private func renderReview(_ request: Request, _ access: EventAccess, sent: PitchApplicationReviewPage.Sent? = nil, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let blocks = try await Self.blocks(of: access, on: request.db)
        let applications = try await PitchApplicationModel.query(on: request.db).filter(\.$eventID == access.eventID).sort(\.$createdAt).all()
        return HTMLResponse.render(
            PitchApplicationReviewPage(
                eventTitle: access.event.title, eventPath: access.event.path,
                applications: try await Self.rows(applications, blocks: blocks, access: access, request: request),
                blocks: blocks.map { ($0.id!.uuidString.lowercased(), "\($0.title) (\($0.clockValue.secondsPerPitch) Sekunden je Pitch)") },
                sent: sent, csrf: CSRF.token(for: request)),
            status: status, request: request)
    }

    // MARK: Shared

    static func blocks(of access: EventAccess, on db: any Database) async throws -> [PitchBlockModel] {
        try await PitchBlockModel.query(on: db).filter(\.$eventID == access.eventID).sort(\.$createdAt).all()
    }

    /// The pitch length an abstract must fit: the longest of the event's blocks (100 s without one).
    static func seconds(_ blocks: [PitchBlockModel]) -> Int {
        blocks.map { $0.clockValue.secondsPerPitch }.max() ?? StageService.defaultSeconds
    }

    static func closedReason(_ event: EventModel, blocks: [PitchBlockModel], today: String) -> String? {
        if event.lastDay < today { return "Die Veranstaltung ist vorbei; Bewerbungen für einen Pitch sind nicht mehr möglich." }
        if blocks.isEmpty { return "Diese Veranstaltung hat noch keinen Pitch-Block. Bewerben können Sie sich, sobald das Team einen anlegt." }
        return nil
    }

    static func isPublicNeed(_ item: CooperationItemModel) -> Bool {
        item.input.kind == .bedarf && item.published && item.hidden != true && ItemAudience.everybody.sees(item.facts)
    }

    /// The rows of `applications`, with their solutions, Anbieter, Bedarfe, confirmed users and blocks.
    static func rows(_ applications: [PitchApplicationModel], blocks: [PitchBlockModel], access: EventAccess, request: Request) async throws
        -> [PitchApplicationRow]
    {
        guard !applications.isEmpty else { return [] }
        let db = request.db
        let solutionIDs = Array(Set(applications.compactMap(\.solutionID)))
        let solutions = solutionIDs.isEmpty ? [] : try await SolutionModel.query(on: db).filter(\.$id ~~ solutionIDs).all()
        let solutionsByID = Dictionary(uniqueKeysWithValues: solutions.compactMap { s in s.id.map { ($0, s) } })
        let organisations = try await OrganisationModel.query(on: db).filter(\.$id ~~ Array(Set(applications.map(\.organisationID)))).all()
        let organisationNames = Dictionary(uniqueKeysWithValues: organisations.compactMap { o in o.id.map { ($0, o.name) } })
        let links = try await PitchApplicationNeedModel.query(on: db).filter(\.$applicationID ~~ applications.compactMap(\.id)).sort(\.$position)
            .all()
        let items = links.isEmpty ? [] : try await CooperationItemModel.query(on: db).filter(\.$id ~~ Array(Set(links.map(\.itemID)))).all()
        let itemsByID = Dictionary(uniqueKeysWithValues: items.filter(isPublicNeed).compactMap { i in i.id.map { ($0, i) } })
        let pitchIDs = applications.compactMap(\.pitchID)
        let pitches = pitchIDs.isEmpty ? [] : try await PitchModel.query(on: db).filter(\.$id ~~ pitchIDs).all()
        let blockOfPitch = Dictionary(uniqueKeysWithValues: pitches.compactMap { p in p.id.map { ($0, p.blockID) } })
        let blocksByID = Dictionary(uniqueKeysWithValues: blocks.compactMap { b in b.id.map { ($0, b) } })
        let users = try await request.application.solutionUsers.snapshot(on: db)
        let directory = TownDirectory(catalog: request.register)
        let now = request.now
        let isOrganiser = access.isOrganiser
        return applications.map { application in
            let solution = application.solutionID.flatMap { solutionsByID[$0] }
            let block = application.pitchID.flatMap { blockOfPitch[$0] }.flatMap { blocksByID[$0] }
            let blockPath = block.map { "\(access.event.path)/buehne/\($0.id!.uuidString.lowercased())" }
            return PitchApplicationRow(
                id: application.key, revision: application.revision,
                solutionName: solution.map { $0.hidden == true ? "\($0.name) (von der Moderation verborgen)" : $0.name } ?? "Gelöschte Lösung",
                solutionPath: solution?.path ?? "/loesungen",
                organisationName: organisationNames[application.organisationID] ?? "",
                organisationPath: "/anbieter/\(application.organisationID.uuidString.lowercased())", applicantName: application.applicantName,
                submittedAt: application.submittedAt ?? application.createdAt, status: application.statusValue, reason: application.reason,
                needs: links.filter { $0.applicationID == application.id }.compactMap { itemsByID[$0.itemID] }.map { item in
                    .init(
                        title: item.title, path: "/eintraege/\(item.id!.uuidString.lowercased())",
                        town: directory.name(of: item.ownerKey) ?? item.ownerKey)
                },
                abstract: application.abstract,
                inUse: application.solutionID.map { NearbyUsers.inUseCount(users.users(of: $0), now: now) } ?? 0,
                blockTitle: block?.title, blockPath: isOrganiser ? blockPath.map { $0 + "/moderation" } : blockPath,
                blockLinkLabel: isOrganiser ? "Reihenfolge festlegen" : "Zur Bühnenansicht")
        }
    }
}
