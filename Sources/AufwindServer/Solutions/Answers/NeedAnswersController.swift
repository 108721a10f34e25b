import AufwindCore
import Fluent
import Vapor

/// Answers of Anbieter to Bedarfe: answer (`POST /eintraege/{id}/antworten`), switch answers off or
/// on (`…/antworten/einstellung`), "passt nicht", the conversation about one answer
/// (`/antworten/{answer}`) and the overview of the viewer's answers (`/antworten`).
struct NeedAnswersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("antworten", use: overview)
        routes.post("eintraege", ":id", "antworten", use: answer)
        routes.post("eintraege", ":id", "antworten", "einstellung", use: setOpen)
        routes.get("antworten", ":answer", use: conversation)
        routes.post("antworten", ":answer", "passt-nicht", use: decline)
        routes.post("antworten", ":answer", "nachrichten", use: post)
    }

    struct AnswerForm: Content {
        var loesung: String?
        var text: String?
        var antworten: String?
        var begruendung: String?
        var nachricht: String?
    }

    private func service(_ request: Request) -> NeedAnswerService { NeedAnswerService(request) }

    // MARK: The Anbieter answers

    @Sendable func answer(request: Request) async throws -> Response {
        let item = try await ItemsController.visibleItem(request)
        let user = try request.requireUser()
        let providers = try await NeedAnswerBoard.providers(request)
        guard let first = providers.first else {
            try request.authorize(.answerNeed, .organisation(""))
            throw Abort(.forbidden)
        }
        guard NeedAnswerInput.accepts(item.input.kind), item.published else {
            throw ProblemDetails.badRequest("Mit einer Lösung antworten Anbieter nur auf veröffentlichte Bedarfe.")
        }
        let form = try request.content.decode(AnswerForm.self)
        let kept = NeedAnswersSection.Form(solutionID: form.loesung ?? "", text: form.text ?? "")
        func again(_ errors: [String], status: HTTPStatus) async throws -> Response {
            try await ItemsController().renderItem(request, model: item, errors: errors, status: status, answerForm: kept)
        }
        let input: NeedAnswerInput
        switch NeedAnswerInput.validate(solutionID: form.loesung, text: form.text) {
        case .failure(let problems): return try await again(problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let valid): input = valid
        }
        guard let solutionID = UUID(uuidString: input.solutionID), let solution = try await SolutionModel.find(solutionID, on: request.db),
            solution.hidden != true, let organisationID = solution.organisationID,
            let organisation = providers.first(where: { $0.id == organisationID })
        else {
            try request.authorize(.answerNeed, .organisation(first.id?.uuidString ?? ""))
            return try await again(["Bitte wählen Sie eine Lösung eines Anbieters, für den Sie handeln."], status: .unprocessableEntity)
        }
        try request.authorize(.answerNeed, .organisation(organisationID.uuidString))
        let town = TownDirectory(catalog: request.register).name(of: item.ownerKey) ?? item.ownerKey
        switch try await service(request).answer(item, with: solution, of: organisation, text: input.text, by: user, now: request.now) {
        case .answered:
            return request.redirect(to: "/eintraege/\(try item.requireID().uuidString.lowercased())#antworten", notice: .needAnswered)
        case .duplicate:
            return try await again(["Mit „\(solution.name)“ haben Sie auf diesen Bedarf schon geantwortet."], status: .conflict)
        case .limitReached:
            return try await again(
                [
                    "\(organisation.name) hat in den letzten 24 Stunden schon \(NeedAnswerService.perDay) Antworten gegeben. Weitere sind morgen wieder möglich "
                        + "(so bleiben Antworten für die Kommunen überschaubar). Ihr Text steht unten noch."
                ], status: .tooManyRequests)
        case .closed:
            return try await again(["\(town) nimmt zu diesem Bedarf keine Antworten von Anbietern mehr entgegen."], status: .conflict)
        }
    }

    // MARK: The town

    @Sendable func setOpen(request: Request) async throws -> Response {
        let item = try await ItemsController.visibleItem(request)
        try request.authorize(.decideOnAnswers, .town(item.ownerKey))
        let form = try request.content.decode(AnswerForm.self)
        let open: Bool
        switch form.antworten {
        case "an": open = true
        case "aus": open = false
        default: throw ProblemDetails.badRequest("Bitte „an“ oder „aus“ wählen.")
        }
        try await service(request).setAnswersOpen(open, for: try item.requireID(), by: request.requireUser())
        return request.redirect(
            to: "/eintraege/\(try item.requireID().uuidString.lowercased())#antworten", notice: open ? .answersSwitchedOn : .answersSwitchedOff)
    }

    /// The answer with its Bedarf and Anbieter, if the viewer is on one of the two sides.
    private func visibleAnswer(_ request: Request) async throws -> (NeedAnswerModel, CooperationItemModel, OrganisationModel) {
        try request.requireUser()
        guard let id = request.parameters.get("answer", as: UUID.self), let answer = try await NeedAnswerModel.find(id, on: request.db),
            let item = try await CooperationItemModel.find(answer.itemID, on: request.db),
            let organisation = try await OrganisationModel.find(answer.organisationID, on: request.db)
        else { throw ProblemDetails.notFound("Diese Antwort gibt es nicht.") }
        try request.authorize(.takePartInAnswerConversation, .needAnswer(townKey: item.ownerKey, organisationID: answer.organisationID.uuidString))
        // Hidden by a moderation decision (the answer or its solution): only the Anbieter still sees it.
        let solutionHidden = try await SolutionModel.find(answer.solutionID, on: request.db)?.hidden == true
        if answer.hidden == true || solutionHidden, request.actor.organisationRoles[answer.organisationID.uuidString] == nil {
            throw ProblemDetails.notFound("Diese Antwort gibt es nicht.")
        }
        return (answer, item, organisation)
    }

    @Sendable func decline(request: Request) async throws -> Response {
        let (answer, item, organisation) = try await visibleAnswer(request)
        try request.authorize(.decideOnAnswers, .town(item.ownerKey))
        let form = try request.content.decode(AnswerForm.self)
        switch NeedAnswerInput.validateReason(form.begruendung) {
        case .failure(let problems):
            return try await renderConversation(
                request, answer, item, organisation, errors: problems.messages.map(\.text), status: .unprocessableEntity,
                keptReason: form.begruendung ?? "")
        case .success(let reason):
            guard try await service(request).decline(answer, item: item, reason: reason, by: request.requireUser(), now: request.now) else {
                return try await renderConversation(
                    request, answer, item, organisation, errors: ["Diese Antwort ist schon als „passt nicht“ markiert."], status: .conflict)
            }
            return request.redirect(to: "/eintraege/\(item.id!.uuidString.lowercased())#antworten", notice: .needAnswerDeclined)
        }
    }

    // MARK: The conversation

    @Sendable func conversation(request: Request) async throws -> Response {
        let (answer, item, organisation) = try await visibleAnswer(request)
        return try await renderConversation(request, answer, item, organisation, errors: [], status: .ok)
    }

    @Sendable func post(request: Request) async throws -> Response {
        let (answer, item, organisation) = try await visibleAnswer(request)
        let form = try request.content.decode(AnswerForm.self)
        guard answer.hidden != true else {
            return try await renderConversation(
                request, answer, item, organisation,
                errors: ["Diese Antwort ist von der Moderation verborgen; dazu sind keine Nachrichten möglich. Ihr Text steht unten noch."],
                status: .conflict, keptMessage: form.nachricht ?? "")
        }
        let side: NeedAnswerMessageModel.Side = request.may(.decideOnAnswers, .town(item.ownerKey)) ? .kommune : .anbieter
        switch ContactService.message(form.nachricht, required: true) {
        case .failure(let message):
            return try await renderConversation(
                request, answer, item, organisation, errors: [message.text], status: .unprocessableEntity, keptMessage: form.nachricht ?? "")
        case .success(let body):
            let outcome = try await service(request).post(
                body.normalizingLineBreaks, about: answer, side: side, item: item, organisation: organisation, by: request.requireUser())
            guard case .posted = outcome else {
                return try await renderConversation(
                    request, answer, item, organisation,
                    errors: ["Das Gespräch beginnt die Kommune. Sobald sie Ihnen schreibt, können Sie hier antworten."], status: .conflict,
                    keptMessage: body)
            }
            return request.redirect(to: answer.path + "#nachricht", notice: .answerMessagePosted)
        }
    }

    private func renderConversation(
        _ request: Request, _ answer: NeedAnswerModel, _ item: CooperationItemModel, _ organisation: OrganisationModel, errors: [String],
        status: HTTPStatus, keptMessage: String = "", keptReason: String = ""
    ) async throws -> Response {
        let answerID = try answer.requireID()
        let messages = try await NeedAnswerMessageModel.query(on: request.db).filter(\.$answerID == answerID).sort(\.$createdAt).all()
        let solution = try await SolutionModel.find(answer.solutionID, on: request.db)
        let townName = TownDirectory(catalog: request.register).name(of: item.ownerKey) ?? item.ownerKey
        let isTown = request.may(.decideOnAnswers, .town(item.ownerKey))
        let townStarted = messages.contains { $0.sideValue == .kommune }
        return HTMLResponse.render(
            NeedAnswerConversationPage(
                id: answerID.uuidString.lowercased(), hidden: answer.hidden == true, path: answer.path, itemTitle: item.title,
                itemPath: "/eintraege/\(item.id!.uuidString.lowercased())", townName: townName,
                organisationName: organisation.name, organisationPath: "/anbieter/\(answer.organisationID.uuidString.lowercased())",
                solutionName: solution?.name ?? "", solutionPath: solution?.path ?? "/loesungen", text: answer.body, answeredAt: answer.createdAt,
                authorName: answer.authorName, status: answer.statusValue, declineReason: answer.declineReason,
                messages: messages.map {
                    .init(
                        id: $0.id?.uuidString.lowercased() ?? "", side: $0.sideValue,
                        sideName: $0.sideValue == .kommune ? townName : organisation.name, author: $0.authorName, body: $0.body,
                        at: $0.createdAt, hidden: $0.hidden == true)
                },
                isTown: isTown, mayWrite: isTown || townStarted, keptMessage: keptMessage, keptReason: keptReason, csrf: CSRF.token(for: request),
                errors: errors),
            status: status, request: request)
    }

    // MARK: Overview

    @Sendable func overview(request: Request) async throws -> Response {
        try request.requireUser()
        let db = request.db
        let directory = TownDirectory(catalog: request.register)
        let towns = Array(request.actor.townRoles.keys)
        let providers = try await NeedAnswerBoard.providers(request)
        let needs =
            towns.isEmpty
            ? []
            : try await CooperationItemModel.query(on: db).filter(\.$ownerKey ~~ towns).filter(\.$kind == ItemKind.bedarf.rawValue)
                .field(\.$id).field(\.$title).field(\.$ownerKey).all()
        let received =
            needs.isEmpty
            ? []
            : try await NeedAnswerModel.query(on: db).filter(\.$itemID ~~ needs.compactMap(\.id)).filter(\.$hidden == nil)
                .sort(\.$createdAt, .descending).limit(300).all()
        let given =
            providers.isEmpty
            ? []
            : try await NeedAnswerModel.query(on: db).filter(\.$organisationID ~~ providers.compactMap(\.id)).sort(\.$createdAt, .descending)
                .limit(300).all()
        let all = received + given
        let itemIDs = Set(all.map(\.itemID)).subtracting(needs.compactMap(\.id))
        let answeredItems = itemIDs.isEmpty ? [] : try await CooperationItemModel.query(on: db).filter(\.$id ~~ Array(itemIDs)).all()
        let items = Dictionary((needs + answeredItems).compactMap { i in i.id.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        let solutionIDs = Array(Set(all.map(\.solutionID)))
        let solutions = solutionIDs.isEmpty ? [] : try await SolutionModel.query(on: db).filter(\.$id ~~ solutionIDs).all()
        // The town does not see answers whose solution is hidden by a moderation decision.
        let hiddenSolutions = Set(solutions.filter { $0.hidden == true }.compactMap(\.id))
        let solutionNames = Dictionary(uniqueKeysWithValues: solutions.compactMap { s in s.id.map { ($0, s.name) } })
        let organisationIDs = Array(Set(all.map(\.organisationID)))
        let organisations = organisationIDs.isEmpty ? [] : try await OrganisationModel.query(on: db).filter(\.$id ~~ organisationIDs).all()
        let organisationNames = Dictionary(uniqueKeysWithValues: organisations.compactMap { o in o.id.map { ($0, o.name) } })
        func row(_ answer: NeedAnswerModel) -> NeedAnswerOverviewPage.Row {
            let item = items[answer.itemID]
            return NeedAnswerOverviewPage.Row(
                path: answer.path, itemTitle: item?.title ?? "", town: item.map { directory.name(of: $0.ownerKey) ?? $0.ownerKey } ?? "",
                solution: solutionNames[answer.solutionID] ?? "", organisation: organisationNames[answer.organisationID] ?? "",
                status: answer.statusValue, at: answer.createdAt)
        }
        return HTMLResponse.render(
            NeedAnswerOverviewPage(
                received: received.filter { !hiddenSolutions.contains($0.solutionID) }.map(row), given: given.map(row), hasTowns: !towns.isEmpty,
                hasProviders: !providers.isEmpty), request: request)
    }
}
