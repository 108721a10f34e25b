import AufwindCore
import Fluent
import Foundation
import Vapor

/// The platform administration's side (`/admin/moderation`: the queue, a case with its reports and
/// the decision form, the objection decided by another administrator, the statement as the DSA
/// transparency database takes it) and the side of the people a decision concerns
/// (`/moderation/{case}`: the statement of reasons and the one objection).
struct ModerationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "moderation", use: queue)
        routes.get("admin", "moderation", ":case", use: show)
        routes.post("admin", "moderation", ":case", "entscheidung", use: decide)
        routes.post("admin", "moderation", ":case", "einspruch", use: decideObjection)
        routes.get("admin", "moderation", ":case", "dsa.json", use: dsaStatement)
        routes.get("moderation", ":case", use: decision)
        routes.post("moderation", ":case", "einspruch", use: object)
    }

    struct DecisionForm: Content {
        var entscheidung: String?
        var grundlage: String?
        var rechtsgrundlage: String?
        var begruendung: String?
        var tatsachen: String?
        var einspruch: String?
    }

    private func moderationCase(_ request: Request) async throws -> ModerationCaseModel {
        guard let id = request.parameters.get("case", as: UUID.self), let found = try await ModerationCaseModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Meldung gibt es nicht.")
        }
        return found
    }

    // MARK: The administration

    @Sendable func queue(request: Request) async throws -> Response {
        try request.requireUser()
        try request.authorize(.moderateContent)
        let waiting = try await ModerationCaseModel.query(on: request.db)
            .filter(\.$status ~~ [ModerationCaseModel.Status.offen.rawValue, ModerationCaseModel.Status.einspruch.rawValue]).sort(\.$createdAt).all()
        let recent = try await ModerationCaseModel.query(on: request.db)
            .filter(\.$status ~~ [ModerationCaseModel.Status.entschieden.rawValue, ModerationCaseModel.Status.abgeschlossen.rawValue])
            .sort(\.$decidedAt, .descending).limit(50).all()
        let cases = waiting + recent
        let counts = try await reportCounts(cases.compactMap(\.id), on: request.db)
        func row(_ found: ModerationCaseModel) -> ModerationQueuePage.Row {
            .init(
                path: found.adminPath, title: found.contentTitle, kind: found.kindValue, status: found.statusValue, outcome: found.outcomeValue,
                reports: found.id.flatMap { counts[$0] } ?? 0, at: found.createdAt,
                decidedByViewer: found.decidedBy != nil && found.decidedBy == request.currentUser?.id)
        }
        return HTMLResponse.render(
            ModerationQueuePage(
                open: waiting.filter { $0.statusValue == .offen }.map(row),
                objections: waiting.filter { $0.statusValue == .einspruch }.map(row),
                decided: recent.map(row)),
            request: request)
    }

    private func reportCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        return try await ContentReportModel.query(on: db).filter(\.$caseID ~~ ids).field(\.$caseID).all()
            .reduce(into: [:]) { $0[$1.caseID, default: 0] += 1 }
    }

    @Sendable func show(request: Request) async throws -> Response {
        try request.requireUser()
        try request.authorize(.moderateContent)
        return try await render(request, try await moderationCase(request), form: .init(), errors: [], status: .ok)
    }

    private func render(
        _ request: Request, _ found: ModerationCaseModel, form: ModerationCasePage.Form, errors: [String], status: HTTPStatus
    ) async throws -> Response {
        let db = request.db
        let reports = try await ContentReportModel.query(on: db).filter(\.$caseID == found.requireID()).sort(\.$createdAt).all()
        let people = Array(Set(reports.compactMap(\.reporterID) + [found.authorID, found.decidedBy, found.objectionDecidedBy].compactMap { $0 }))
        let users = people.isEmpty ? [] : try await UserModel.query(on: db).filter(\.$id ~~ people).all()
        let names = Dictionary(uniqueKeysWithValues: users.compactMap { u in u.id.map { ($0, u.displayName) } })
        let directory = TownDirectory(catalog: request.register)
        // Whether the author acts for a town as a confirmed member: such content is never hidden without a decision by a person.
        var authorTowns: [String] = []
        if let author = found.authorID {
            authorTowns = try await MembershipModel.query(on: db).filter(\.$user.$id == author)
                .filter(\.$kind == MembershipModel.Kind.kommune.rawValue).filter(\.$status == MembershipModel.Status.confirmed.rawValue).all()
                .map { directory.name(of: $0.orgKey) ?? $0.orgKey }
        }
        let viewer = request.currentUser?.id
        return HTMLResponse.render(
            ModerationCasePage(
                path: found.adminPath, kind: found.kindValue, contentTitle: found.contentTitle, contentText: found.contentText,
                contentPath: found.contentPath, contentCreatedAt: found.contentCreatedAt,
                author: found.authorID.map { names[$0] ?? "" } ?? "", authorTowns: authorTowns, status: found.statusValue,
                reports: reports.map {
                    .init(category: $0.categoryValue, text: $0.text, reporter: $0.reporterID.flatMap { names[$0] } ?? "", at: $0.createdAt)
                },
                statement: found.statement, decidedBy: found.decidedBy.flatMap { names[$0] } ?? "", decidedAt: found.decidedAt,
                objectionText: found.objectionText, objectionAt: found.objectionAt, objectionOutcome: found.objectionOutcomeValue,
                objectionReasons: found.objectionReasons, objectionDecidedBy: found.objectionDecidedBy.flatMap { names[$0] } ?? "",
                viewerDecided: viewer.map { [found.decidedBy, found.objectionBy, found.authorID].contains($0) } ?? false, form: form,
                csrf: CSRF.token(for: request), errors: errors),
            status: status, request: request)
    }

    @Sendable func decide(request: Request) async throws -> Response {
        try request.requireUser()
        try request.authorize(.moderateContent)
        let found = try await moderationCase(request)
        let form = try request.content.decode(DecisionForm.self)
        let kept = ModerationCasePage.Form(
            outcome: form.entscheidung ?? "", ground: form.grundlage ?? "", groundReference: form.rechtsgrundlage ?? "",
            explanation: form.begruendung ?? "", facts: form.tatsachen ?? "", objectionReasons: "")
        let statement: StatementOfReasons
        switch StatementOfReasons.validate(
            .init(
                outcome: form.entscheidung, ground: form.grundlage, groundReference: form.rechtsgrundlage, explanation: form.begruendung,
                facts: form.tatsachen))
        {
        case .failure(let problems):
            return try await render(request, found, form: kept, errors: problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let valid): statement = valid
        }
        guard try await ModerationService(request).decide(found, statement, by: request.requireUser(), now: request.now) else {
            return try await render(
                request, try await moderationCase(request), form: kept, errors: ["Über diese Meldung ist schon entschieden."], status: .conflict)
        }
        return request.redirect(to: "/admin/moderation", notice: .moderationDecided)
    }

    @Sendable func decideObjection(request: Request) async throws -> Response {
        try request.requireUser()
        try request.authorize(.moderateContent)
        let found = try await moderationCase(request)
        let form = try request.content.decode(DecisionForm.self)
        let kept = ModerationCasePage.Form(objectionReasons: form.begruendung ?? "")
        var check = InputChecker()
        let outcome = check.choice(form.entscheidung, ObjectionOutcome.self, "Entscheidung über den Einspruch")
        let reasons = check.text(form.begruendung, "Begründung", length: StatementOfReasons.textLength, multiline: true)
        guard let outcome, check.errors.isEmpty else {
            return try await render(request, found, form: kept, errors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        switch try await ModerationService(request).decideObjection(found, outcome, reasons: reasons, by: request.requireUser(), now: request.now) {
        case .decided: return request.redirect(to: "/admin/moderation", notice: .objectionDecided)
        case .alreadyDecided:
            return try await render(
                request, try await moderationCase(request), form: kept, errors: ["Über diesen Einspruch ist schon entschieden."], status: .conflict)
        case .sameAdministrator:
            throw ProblemDetails(
                title: "Nicht möglich", status: 403,
                detail: "Über einen Einspruch entscheidet eine andere Person als die, die die Entscheidung getroffen hat.")
        }
    }

    @Sendable func dsaStatement(request: Request) async throws -> Response {
        try request.requireUser()
        try request.authorize(.moderateContent)
        let found = try await moderationCase(request)
        let category =
            try await ContentReportModel.query(on: request.db).filter(\.$caseID == found.requireID()).sort(\.$createdAt).first()?
            .categoryValue ?? .sonstiges
        guard let statement = found.statement,
            let body = statement.dsaStatement(
                puid: "aufwind-\(found.idString)", contentDate: found.contentCreatedAt ?? found.createdAt ?? request.now,
                applicationDate: found.decidedAt ?? request.now, category: category)
        else { throw ProblemDetails.notFound("Für diese Entscheidung gibt es keine Begründung nach Art. 17 DSA (der Inhalt blieb unverändert).") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(body)))
    }

    // MARK: The people concerned

    @Sendable func decision(request: Request) async throws -> Response {
        try request.requireUser()
        let found = try await moderationCase(request)
        try request.authorize(.viewModerationDecision, .moderationCase(found.parties))
        return renderDecision(request, found, text: "", errors: [], status: .ok)
    }

    private func renderDecision(_ request: Request, _ found: ModerationCaseModel, text: String, errors: [String], status: HTTPStatus) -> Response {
        HTMLResponse.render(
            ModerationDecisionPage(
                path: found.decisionPath, contentTitle: found.contentTitle, contentText: found.contentText, status: found.statusValue,
                statement: found.statement, decidedAt: found.decidedAt, objectionText: found.objectionText,
                objectionOutcome: found.objectionOutcomeValue, objectionReasons: found.objectionReasons,
                mayObject: found.statusValue == .entschieden && found.outcomeValue?.restricts == true
                    && request.may(.objectToModeration, .moderationCase(found.parties)),
                keptText: text, csrf: CSRF.token(for: request), errors: errors),
            status: status, request: request)
    }

    @Sendable func object(request: Request) async throws -> Response {
        try request.requireUser()
        let found = try await moderationCase(request)
        try request.authorize(.objectToModeration, .moderationCase(found.parties))
        let form = try request.content.decode(DecisionForm.self)
        var check = InputChecker()
        let text = check.text(form.einspruch, "Ihr Einspruch", length: StatementOfReasons.textLength, multiline: true)
        guard check.errors.isEmpty else {
            return renderDecision(request, found, text: form.einspruch ?? "", errors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        guard try await ModerationService(request).object(found, text: text, by: request.requireUser(), now: request.now) else {
            return renderDecision(
                request, found, text: text,
                errors: ["Ein Einspruch ist nur einmal möglich, und nur gegen eine Entscheidung, die den Inhalt verborgen oder gelöscht hat."],
                status: .conflict)
        }
        return request.redirect(to: found.decisionPath, notice: .objectionSent)
    }
}
