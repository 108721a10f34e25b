import AufwindCore
import Fluent
import Vapor

/// References: a town records its use, the publisher proposes a town, the town decides, renews or
/// removes; `/loesungen/referenzen` lists what waits for the viewer's towns.
struct ReferencesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("loesungen", "referenzen", use: queue)
        routes.post("loesungen", ":id", "nutzung", use: record)
        routes.post("loesungen", ":id", "referenzen", use: propose)
        routes.post("loesungen", "referenzen", ":reference", "entscheidung", use: decide)
        routes.post("loesungen", "referenzen", ":reference", "erneuern", use: renew)
        routes.post("loesungen", "referenzen", ":reference", "entfernen", use: remove)
    }

    struct UseForm: Content {
        var kommune: String?
        var stand: String?
        var seit: String?
        var fragen: String?
        var auswahl: String?
        var entscheidung: String?
        var begruendung: String?
    }

    private func service(_ request: Request) -> ReferenceService { ReferenceService(request) }

    private func referenceInput(_ form: UseForm) -> Result<ReferenceInput, ValidationMessages> {
        ReferenceInput.validate(status: form.stand, since: form.seit)
    }

    // MARK: The town records its use

    @Sendable func record(request: Request) async throws -> Response {
        let solution = try await SolutionsController.solution(request)
        let form = try request.content.decode(UseForm.self)
        let key = form.kommune ?? ""
        guard TownDirectory(catalog: request.register).name(of: key) != nil else {
            try request.requireUser()
            throw ProblemDetails.badRequest("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        try request.authorize(.speakForTownAboutSolution, .town(key))
        switch referenceInput(form) {
        case .failure(let problems):
            return try await SolutionPageBuilder(request: request).render(
                solution, errors: problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let input):
            try await service(request).record(
                solution, townKey: key, use: .init(status: input.status, since: input.since, mayBeAsked: form.fragen == "ja"),
                by: request.requireUser(), now: request.now)
            return request.redirect(to: solution.path + "#in-ihrer-naehe", notice: .referenceRecorded)
        }
    }

    // MARK: The publisher proposes

    @Sendable func propose(request: Request) async throws -> Response {
        let solution = try await SolutionsController.solution(request)
        try request.authorize(.proposeSolutionReference, .solution(solution.publisher))
        guard solution.hidden != true else {
            throw ProblemDetails(
                title: "Von der Moderation verborgen", status: 409,
                detail: "Diese Lösung ist von der Moderation verborgen; Referenzen lassen sich erst nach einem erfolgreichen Einspruch vorschlagen.")
        }
        let form = try request.content.decode(UseForm.self)
        var proposal = SolutionPage.ProposalForm(town: form.kommune ?? "", status: form.stand ?? "", since: form.seit ?? "")
        func again(_ errors: [String], status: HTTPStatus = .unprocessableEntity) async throws -> Response {
            try await SolutionPageBuilder(request: request).render(solution, errors: errors, proposal: proposal, status: status)
        }
        let input: ReferenceInput
        switch referenceInput(form) {
        case .failure(let problems): return try await again(problems.messages.map(\.text))
        case .success(let valid): input = valid
        }
        let typed = (form.kommune ?? "").trimmingSpaces
        guard !typed.isEmpty, typed.unicodeScalars.count <= 100 else { return try await again(["Bitte nennen Sie die Kommune (Name oder AGS)."]) }
        let key: String
        switch TownChoices(catalog: request.register).lookup(typed, chosen: form.auswahl) {
        case .town(let found): key = found
        case .choose(let choices, _):
            proposal.choices = choices
            return try await again(["Mehrere Kommunen passen zu „\(typed)“: Bitte wählen Sie eine aus."], status: .ok)
        case .notFound: return try await again(["Keine Kommune „\(typed)“ gefunden."])
        }
        let outcome = try await service(request).propose(
            solution, townKey: key, status: input.status, since: input.since, by: request.requireUser(), now: request.now)
        let town = TownDirectory(catalog: request.register).name(of: key) ?? key
        switch outcome {
        case .proposed: return request.redirect(to: solution.path + "#referenz-vorschlagen", notice: .referenceProposed)
        case .alreadyConfirmed: return try await again(["\(town) hat die Nutzung schon bestätigt."], status: .conflict)
        case .alreadyProposed: return try await again(["\(town) ist schon gefragt; die Antwort steht aus."], status: .conflict)
        case .declinedBefore:
            return try await again(
                ["\(town) hat diese Referenz abgelehnt. Ein neuer Vorschlag ist nicht möglich; sprechen Sie die Kommune direkt an."],
                status: .conflict)
        }
    }

    // MARK: The town decides, renews, removes

    private func reference(_ request: Request) async throws -> (SolutionReferenceModel, SolutionModel) {
        guard let id = request.parameters.get("reference", as: UUID.self), let reference = try await SolutionReferenceModel.find(id, on: request.db)
        else { throw ProblemDetails.notFound("Diese Referenz gibt es nicht.") }
        try request.authorize(.speakForTownAboutSolution, .town(reference.townKey))
        guard let solution = try await SolutionModel.find(reference.solutionID, on: request.db) else {
            throw ProblemDetails.notFound("Diese Lösung gibt es nicht.")
        }
        return (reference, solution)
    }

    @Sendable func decide(request: Request) async throws -> Response {
        let (reference, solution) = try await reference(request)
        let form = try request.content.decode(UseForm.self)
        let decision: ReferenceService.Decision
        switch form.entscheidung {
        case "bestaetigen":
            switch referenceInput(form) {
            case .failure(let problems): return try await renderQueue(request, errors: problems.messages.map(\.text), status: .unprocessableEntity)
            case .success(let input): decision = .confirm(.init(status: input.status, since: input.since, mayBeAsked: form.fragen == "ja"))
            }
        case "ablehnen":
            let reason = (form.begruendung ?? "").trimmingSpaces
            guard !reason.isEmpty, reason.unicodeScalars.count <= 500, !reason.containsControlCharacters(allowingLineBreaks: true) else {
                return try await renderQueue(
                    request, errors: ["Bitte begründen Sie die Ablehnung kurz (höchstens 500 Zeichen); der Anbieter sieht die Begründung."],
                    status: .unprocessableEntity)
            }
            decision = .decline(reason: reason.normalizingLineBreaks)
        default:
            throw ProblemDetails.badRequest("Bitte „bestätigen“ oder „ablehnen“ wählen.")
        }
        guard try await service(request).decide(reference, solution: solution, decision, by: request.requireUser(), now: request.now) else {
            return try await renderQueue(request, errors: ["Über diese Referenz ist schon entschieden."], status: .conflict)
        }
        if case .confirm = decision { return request.redirect(to: "/loesungen/referenzen", notice: .referenceConfirmed) }
        return request.redirect(to: "/loesungen/referenzen", notice: .referenceDeclined)
    }

    @Sendable func renew(request: Request) async throws -> Response {
        let (reference, _) = try await reference(request)
        let form = try request.content.decode(UseForm.self)
        guard reference.stateValue == .bestaetigt else {
            return try await renderQueue(request, errors: ["Nur bestätigte Referenzen lassen sich erneuern."], status: .conflict)
        }
        switch referenceInput(form) {
        case .failure(let problems): return try await renderQueue(request, errors: problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let input):
            try await service(request).renew(
                reference, use: .init(status: input.status, since: input.since, mayBeAsked: form.fragen == "ja"), by: request.requireUser(),
                now: request.now)
            return request.redirect(to: "/loesungen/referenzen", notice: .referenceRenewed)
        }
    }

    @Sendable func remove(request: Request) async throws -> Response {
        let (reference, _) = try await reference(request)
        try await service(request).remove(reference, by: request.requireUser())
        return request.redirect(to: "/loesungen/referenzen", notice: .referenceRemoved)
    }

    // MARK: Queue

    @Sendable func queue(request: Request) async throws -> Response {
        try await renderQueue(request, errors: [], status: .ok)
    }

    private func renderQueue(_ request: Request, errors: [String], status: HTTPStatus) async throws -> Response {
        try request.requireUser()
        let towns = Array(request.actor.townRoles.keys)
        let references =
            towns.isEmpty
            ? []
            : try await SolutionReferenceModel.query(on: request.db).filter(\.$townKey ~~ towns)
                .filter(\.$state != ReferenceState.abgelehnt.rawValue).sort(\.$createdAt, .descending).limit(500).all()
        let solutions =
            references.isEmpty
            ? []
            : try await SolutionModel.query(on: request.db).filter(\.$id ~~ Array(Set(references.map(\.solutionID)))).filter(\.$hidden == nil).all()
        let names = Dictionary(uniqueKeysWithValues: solutions.compactMap { s in s.id.map { ($0, (s.name, s.path)) } })
        let directory = TownDirectory(catalog: request.register)
        let rows = references.compactMap { reference -> ReferenceQueuePage.Row? in
            guard let solution = names[reference.solutionID] else { return nil }
            return ReferenceQueuePage.Row(
                id: reference.id!.uuidString.lowercased(), solution: solution.0, solutionPath: solution.1,
                town: directory.name(of: reference.townKey) ?? reference.townKey, state: reference.stateValue, status: reference.statusValue,
                since: reference.since, confirmedAt: reference.confirmedAt,
                freshness: reference.confirmedAt.map { ReferenceFreshness.of(confirmedAt: $0, now: request.now) },
                mayBeAsked: reference.contactUserID != nil && reference.contactUserID == request.currentUser?.id)
        }
        return HTMLResponse.render(
            ReferenceQueuePage(rows: rows, hasTowns: !towns.isEmpty, csrf: CSRF.token(for: request), errors: errors), status: status,
            request: request)
    }
}
