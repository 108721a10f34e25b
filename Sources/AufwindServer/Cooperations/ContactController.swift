import AufwindCore
import Fluent
import Vapor

/// "Interesse bekunden", deciding requests, cooperations with their messages.
struct ContactController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("eintraege", ":id", "interesse", use: expressInterest)
        routes.get("anfragen", use: requests)
        routes.post("anfragen", ":id", "entscheidung", use: decide)
        routes.get("kooperationen", ":id", use: cooperation)
        routes.post("kooperationen", ":id", "nachrichten", use: postMessage)
    }

    struct InterestForm: Content {
        var kommune: String?
        var nachricht: String?
    }
    struct DecisionForm: Content { var entscheidung: String? }
    struct MessageForm: Content {
        var kommune: String?
        var nachricht: String?
    }

    private func service(_ request: Request) -> ContactService {
        ContactService(database: request.db, baseURL: request.application.aufwindConfig.baseURL, directory: TownDirectory(catalog: request.register))
    }

    private static func path(_ id: UUID?) -> String { id?.uuidString.lowercased() ?? "" }

    // MARK: Interest

    @Sendable func expressInterest(request: Request) async throws -> Response {
        let item = try await ItemsController.visibleItem(request)
        let form = try request.content.decode(InterestForm.self)
        let key = form.kommune ?? ""
        try request.authorize(.actForTown, .town(key))
        let pages = ItemsController()
        guard item.published else {
            return try await pages.renderItem(
                request, model: item, errors: ["Ein Entwurf nimmt noch keine Anfragen an."], status: .unprocessableEntity)
        }
        guard key != item.ownerKey else {
            return try await pages.renderItem(
                request, model: item, errors: ["Das ist ein Eintrag Ihrer eigenen Kommune."], status: .unprocessableEntity)
        }
        let message: String
        switch ContactService.message(form.nachricht, required: true) {
        case .failure(let problem):
            return try await pages.renderItem(request, model: item, errors: [problem.text], status: .unprocessableEntity)
        case .success(let text): message = text
        }
        switch try await service(request).expressInterest(in: item, from: key, by: request.requireUser(), message: message) {
        case .sent:
            return request.redirect(to: "/eintraege/\(try item.requireID().uuidString.lowercased())", notice: .interestSent)
        case .duplicate(let earlier):
            return try await pages.renderItem(
                request, model: item,
                errors: [
                    "Ihre Kommune hat zu diesem Eintrag bereits Interesse bekundet (Status: \(earlier.statusValue.label)). Eine zweite Anfrage wird nicht gesendet."
                ],
                status: .conflict)
        }
    }

    // MARK: Requests

    @Sendable func requests(request: Request) async throws -> Response {
        try request.requireUser()
        let keys = Array(request.actor.townRoles.keys)
        let incoming =
            keys.isEmpty ? [] : try await InterestRequestModel.query(on: request.db).filter(\.$toKey ~~ keys).sort(\.$createdAt, .descending).all()
        let outgoing =
            keys.isEmpty ? [] : try await InterestRequestModel.query(on: request.db).filter(\.$fromKey ~~ keys).sort(\.$createdAt, .descending).all()
        let itemIDs = Set((incoming + outgoing).map(\.itemID))
        let items = itemIDs.isEmpty ? [] : try await CooperationItemModel.query(on: request.db).filter(\.$id ~~ itemIDs).all()
        let titles = Dictionary(uniqueKeysWithValues: items.map { ($0.id!, $0.title) })
        let requestIDs = (incoming + outgoing).compactMap(\.id)
        let cooperations = requestIDs.isEmpty ? [] : try await CooperationModel.query(on: request.db).filter(\.$requestID ~~ requestIDs).all()
        let cooperationByRequest = Dictionary(uniqueKeysWithValues: cooperations.map { ($0.requestID, $0.id!) })
        let directory = TownDirectory(catalog: request.register)
        func row(_ r: InterestRequestModel, other: String) -> RequestsPage.Row {
            RequestsPage.Row(
                id: Self.path(r.id), itemTitle: titles[r.itemID] ?? "–", itemPath: "/eintraege/\(Self.path(r.itemID))",
                otherTown: directory.name(of: other) ?? other, otherPath: directory.path(of: other), requester: r.requesterName, message: r.message,
                status: r.statusValue.label, isOpen: r.statusValue == .open, date: r.createdAt,
                cooperationPath: cooperationByRequest[r.id!].map { "/kooperationen/\(Self.path($0))" })
        }
        var page = RequestsPage(
            incoming: incoming.map { row($0, other: $0.fromKey) }, outgoing: outgoing.map { row($0, other: $0.toKey) },
            csrf: CSRF.token(for: request))
        page.invitations = try await OpenVerbundInvitation.waiting(for: keys, request: request)
        return HTMLResponse.render(page, request: request)
    }

    @Sendable func decide(request: Request) async throws -> Response {
        guard let id = request.parameters.get("id", as: UUID.self), let interest = try await InterestRequestModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Anfrage gibt es nicht.")
        }
        try request.authorize(.actForTown, .town(interest.toKey))
        let form = try request.content.decode(DecisionForm.self)
        guard let choice = form.entscheidung, ["annehmen", "ablehnen"].contains(choice) else {
            throw ProblemDetails.badRequest("Bitte wählen Sie „annehmen“ oder „ablehnen“.")
        }
        guard let item = try await CooperationItemModel.find(interest.itemID, on: request.db) else {
            throw ProblemDetails.notFound("Diesen Eintrag gibt es nicht mehr.")
        }
        switch try await service(request).decide(interest, accept: choice == "annehmen", by: request.requireUser(), item: item, now: request.now) {
        case .decided(_, let cooperation):
            request.application.matchStore.adjustTown(interest.toKey, answeredRequests: 1)
            if let cooperation { return request.redirect(to: "/kooperationen/\(Self.path(cooperation.id))", notice: .interestAccepted) }
            return request.redirect(to: "/anfragen", notice: .interestDeclined)
        case .alreadyDecided(let fresh):
            throw ProblemDetails(
                title: "Bereits entschieden", status: 409, detail: "Über diese Anfrage wurde bereits entschieden (\(fresh.statusValue.label)).")
        }
    }

    // MARK: Cooperations

    private func cooperationForMember(_ request: Request) async throws -> (CooperationModel, CooperationItemModel) {
        guard let id = request.parameters.get("id", as: UUID.self), let cooperation = try await CooperationModel.find(id, on: request.db),
            let item = try await CooperationItemModel.find(cooperation.itemID, on: request.db)
        else { throw ProblemDetails.notFound("Diese Kooperation gibt es nicht.") }
        try request.authorize(.takePartInCooperation, .cooperation(towns: Set(cooperation.townKeys)))
        return (cooperation, item)
    }

    private func renderCooperation(
        _ request: Request, _ cooperation: CooperationModel, _ item: CooperationItemModel, errors: [String] = [], typed: String = "",
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let directory = TownDirectory(catalog: request.register)
        let messages = try await CooperationMessageModel.query(on: request.db).filter(\.$cooperationID == cooperation.requireID()).sort(\.$createdAt)
            .all()
        let page = CooperationPage(
            id: Self.path(cooperation.id), itemTitle: item.hidden == true ? CooperationSummary.hiddenItem : item.title,
            itemPath: "/eintraege/\(Self.path(item.id))",
            towns: cooperation.townKeys.map { (directory.name(of: $0) ?? $0, directory.path(of: $0)) }, since: cooperation.createdAt,
            messages: messages.map {
                (
                    $0.id?.uuidString.lowercased() ?? "", directory.name(of: $0.authorKey) ?? $0.authorKey, $0.authorName, $0.body, $0.createdAt,
                    $0.hidden == true
                )
            },
            writeTowns: cooperation.townKeys.filter { request.may(.actForTown, .town($0)) }.map { ($0, directory.name(of: $0) ?? $0) },
            csrf: CSRF.token(for: request), errors: errors, typed: typed,
            contacts: try await CooperationContacts.cards(of: cooperation, directory: directory, on: request.db))
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func cooperation(request: Request) async throws -> Response {
        let (cooperation, item) = try await cooperationForMember(request)
        return try await renderCooperation(request, cooperation, item)
    }

    @Sendable func postMessage(request: Request) async throws -> Response {
        let (cooperation, item) = try await cooperationForMember(request)
        let form = try request.content.decode(MessageForm.self)
        let key = form.kommune ?? ""
        guard cooperation.townKeys.contains(key) else {
            throw ProblemDetails.badRequest("Sie können nur für eine der beteiligten Kommunen schreiben.")
        }
        try request.authorize(.actForTown, .town(key))
        switch ContactService.message(form.nachricht, required: true) {
        case .failure(let problem):
            return try await renderCooperation(
                request, cooperation, item, errors: [problem.text], typed: form.nachricht ?? "", status: .unprocessableEntity)
        case .success(let body):
            try await service(request).post(body, in: cooperation, for: key, by: request.requireUser(), itemTitle: item.title)
            return request.redirect(to: "/kooperationen/\(Self.path(cooperation.id))", notice: .messageSent)
        }
    }
}
