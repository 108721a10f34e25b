import AufwindCore
import Fluent
import Vapor

/// Reporting content: the form (`/meldungen/neu?art=…&id=…`), sending it (`POST /meldungen`), and
/// one's own reports with what became of them (`/moderation/meldungen`).
struct ReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("meldungen", "neu", use: form)
        routes.post("meldungen", use: send)
        routes.get("moderation", "meldungen", use: mine)
    }

    struct ReportForm: Content {
        var art: String?
        var id: String?
        var grund: String?
        var text: String?
    }

    /// The content to report, if the viewer may see it (else: as if it did not exist).
    private func content(_ request: Request, art: String?, id: String?) async throws -> ModeratedContent {
        try request.requireUser()
        try request.authorize(.reportContent)
        guard let kind = art.flatMap(ModeratedKind.init(rawValue:)), let uuid = id.flatMap(UUID.init(uuidString:)),
            let content = try await ModeratedContent.load(kind, uuid, on: request.db, towns: TownDirectory(catalog: request.register)),
            request.may(content.visibility.action, content.visibility.resource)
        else { throw ProblemDetails.notFound("Diesen Inhalt gibt es nicht.") }
        return content
    }

    private func page(_ request: Request, _ content: ModeratedContent, category: String = "", text: String = "", errors: [String] = [])
        -> ReportFormPage
    {
        ReportFormPage(
            kind: content.kind, id: content.id.uuidString.lowercased(), contentTitle: content.title, contentPath: content.path,
            category: category, text: text, csrf: CSRF.token(for: request), errors: errors)
    }

    @Sendable func form(request: Request) async throws -> Response {
        let content = try await content(
            request, art: try? request.query.get(String.self, at: "art"), id: try? request.query.get(String.self, at: "id"))
        return HTMLResponse.render(page(request, content), request: request)
    }

    @Sendable func send(request: Request) async throws -> Response {
        let form = try request.content.decode(ReportForm.self)
        let content = try await content(request, art: form.art, id: form.id)
        switch ReportInput.validate(category: form.grund, text: form.text) {
        case .failure(let problems):
            return HTMLResponse.render(
                page(request, content, category: form.grund ?? "", text: form.text ?? "", errors: problems.messages.map(\.text)),
                status: .unprocessableEntity, request: request)
        case .success(let input):
            let outcome = try await ModerationService(request).report(content, input, by: request.requireUser())
            let back = content.hidden ? "/moderation/meldungen" : content.path
            switch outcome {
            case .reported: return request.redirect(to: back, notice: .contentReported)
            case .alreadyReported: return request.redirect(to: back, notice: .contentReportedBefore)
            }
        }
    }

    @Sendable func mine(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let reports = try await ContentReportModel.query(on: request.db).filter(\.$reporterID == user.requireID())
            .sort(\.$createdAt, .descending).limit(200).all()
        let cases =
            reports.isEmpty ? [] : try await ModerationCaseModel.query(on: request.db).filter(\.$id ~~ Array(Set(reports.map(\.caseID)))).all()
        let byID = Dictionary(uniqueKeysWithValues: cases.compactMap { c in c.id.map { ($0, c) } })
        return HTMLResponse.render(
            MyReportsPage(
                rows: reports.compactMap { report in
                    guard let found = byID[report.caseID] else { return nil }
                    return MyReportsPage.Row(
                        title: found.contentTitle, category: report.categoryValue, reportedAt: report.createdAt, status: found.statusValue,
                        outcome: found.outcomeValue, explanation: found.explanation)
                }),
            request: request)
    }
}
