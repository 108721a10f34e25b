import AufwindCore
import Fluent
import Vapor

/// The solution pages: search, publish (typed or from a publiccode.yml), show with its nearby
/// users, edit with a revision check, export as publiccode.yml.
struct SolutionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("loesungen", use: search)
        routes.get("loesungen", "neu", use: newForm)
        routes.post("loesungen", use: create)
        routes.get("loesungen", "import", use: importForm)
        routes.on(.POST, "loesungen", "import", body: .collect(maxSize: "512kb"), use: importFile)
        routes.get("loesungen", ":id", use: show)
        routes.get("loesungen", ":id", "bearbeiten", use: editForm)
        routes.post("loesungen", ":id", "bearbeiten", use: update)
        routes.get("loesungen", ":id", "publiccode.yml", use: export)
    }

    struct SolutionForm: Content {
        var herausgeber: String?
        var name: String?
        var kurzbeschreibung: String?
        var beschreibung: String?
        var handlungsfelder: [String]?
        var unterthemen: [String]?
        var bedarfe: String?
        var lizenz: String?
        var repository: String?
        var lizenz_id: String?
        var betrieb: [String]?
        var eu_hosting: String?
        var schnittstellen: String?
        var preismodell: String?
        var website: String?
        var ansprechperson: String?
        var kontakt_email: String?
        var version: String?
        var veroeffentlicht_am: String?
        var neuerungen: String?
        var revision: Int?
        var publiccode: String?

        var raw: SolutionInput.Raw {
            SolutionInput.Raw(
                name: name, shortDescription: kurzbeschreibung, description: beschreibung, handlungsfelder: handlungsfelder ?? [],
                unterthemen: unterthemen ?? [], needsServed: bedarfe, licence: lizenz, repositoryURL: repository, licenceID: lizenz_id,
                operations: betrieb ?? [], euHosting: eu_hosting, interfaces: schnittstellen, priceModel: preismodell, website: website,
                contactName: ansprechperson, contactEmail: kontakt_email, version: version, releaseDate: veroeffentlicht_am,
                releaseNotes: neuerungen)
        }
    }

    // MARK: Publishers

    /// Whom the signed-in user may publish for: confirmed Anbieter organisations, then towns.
    static func publishers(_ request: Request) async throws -> [(value: String, label: String, publisher: SolutionPublisher)] {
        let ids = request.actor.organisationRoles.keys.compactMap(UUID.init(uuidString:))
        let organisations =
            ids.isEmpty
            ? []
            : try await OrganisationModel.query(on: request.db).filter(\.$id ~~ ids)
                .filter(\.$kind == OrganisationModel.Kind.anbieter.rawValue).filter(\.$status == MembershipModel.Status.confirmed.rawValue)
                .sort(\.$name).all()
        let directory = TownDirectory(catalog: request.register)
        return organisations.map { ("anbieter:\($0.id!.uuidString.lowercased())", $0.name, .organisation($0.id!.uuidString)) }
            + request.actor.townRoles.keys.sorted().compactMap { key in directory.name(of: key).map { ("kommune:\(key)", $0, .town(key)) } }
    }

    private func publisher(_ value: String?, among choices: [(value: String, label: String, publisher: SolutionPublisher)]) throws
        -> SolutionPublisher
    {
        guard let chosen = choices.first(where: { $0.value == value }) else {
            throw ProblemDetails.badRequest("Bitte wählen Sie, wer die Lösung veröffentlicht: einen Ihrer Anbieter oder eine Ihrer Kommunen.")
        }
        return chosen.publisher
    }

    private func form(
        _ request: Request, choices: [(value: String, label: String, publisher: SolutionPublisher)], selected: String,
        values: SolutionInput.Raw, kept: String?, errors: [String] = [], imported: Bool = false
    ) -> SolutionFormPage {
        SolutionFormPage(
            publishers: choices.map { ($0.value, $0.label) }, selectedPublisher: selected, values: values, action: "/loesungen", revision: nil,
            kept: kept, csrf: CSRF.token(for: request), errors: errors, imported: imported)
    }

    private func requirePublishers(_ request: Request) async throws -> [(value: String, label: String, publisher: SolutionPublisher)] {
        try request.requireUser()
        let choices = try await Self.publishers(request)
        guard !choices.isEmpty else {
            // Nobody to publish for: the policy's refusal (the platform administration, allowed
            // everything, still has no Anbieter or town to choose).
            try request.authorize(.publishSolution, .solution(.town("")))
            throw ProblemDetails.badRequest(
                "Lösungen veröffentlichen bestätigte Mitglieder eines Anbieters oder einer Kommune. Gründen Sie unter „Organisationen“ einen Anbieter oder fragen Sie die Mitgliedschaft Ihrer Kommune an."
            )
        }
        return choices
    }

    // MARK: Create and import

    @Sendable func newForm(request: Request) async throws -> Response {
        let choices = try await requirePublishers(request)
        var values = SolutionInput.Raw()
        values.licence = SolutionLicence.proprietaer.rawValue
        return HTMLResponse.render(form(request, choices: choices, selected: choices[0].value, values: values, kept: nil), request: request)
    }

    @Sendable func create(request: Request) async throws -> Response {
        let choices = try await requirePublishers(request)
        let body = try request.content.decode(SolutionForm.self)
        let publisher = try publisher(body.herausgeber, among: choices)
        try request.authorize(.publishSolution, .solution(publisher))
        let kept = try keptYAML(body.publiccode)
        switch SolutionInput.validate(body.raw) {
        case .failure(let problems):
            return HTMLResponse.render(
                form(
                    request, choices: choices, selected: body.herausgeber ?? "", values: body.raw, kept: body.publiccode,
                    errors: problems.messages.map(\.text), imported: body.publiccode != nil),
                status: .unprocessableEntity, request: request)
        case .success(let input):
            let model = try await SolutionService(database: request.db).create(
                publisher: publisher, input: input, kept: kept, by: request.requireUser())
            request.application.solutionSearch.invalidate()
            return request.redirect(to: model.path, notice: .solutionPublished)
        }
    }

    /// The kept keys come back through a hidden field: they must still be a YAML mapping.
    private func keptYAML(_ text: String?) throws -> String {
        guard let text, !text.isEmpty else { return "" }
        guard PublicCode.isKeptSection(text) else {
            throw ProblemDetails.badRequest("Die übernommenen Angaben aus der publiccode.yml sind beschädigt; bitte importieren Sie die Datei neu.")
        }
        return text
    }

    @Sendable func importForm(request: Request) async throws -> Response {
        _ = try await requirePublishers(request)
        return HTMLResponse.render(SolutionImportPage(csrf: CSRF.token(for: request)), request: request)
    }

    struct ImportForm: Content {
        var datei: File?
        var text: String?
    }

    @Sendable func importFile(request: Request) async throws -> Response {
        let choices = try await requirePublishers(request)
        let body = try request.content.decode(ImportForm.self)
        var text = body.text ?? ""
        if let file = body.datei, file.data.readableBytes > 0 {
            guard let decoded = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes, encoding: .utf8) else {
                return HTMLResponse.render(
                    SolutionImportPage(csrf: CSRF.token(for: request), errors: ["Die Datei ist kein UTF-8-Text."]), status: .unprocessableEntity,
                    request: request)
            }
            text = decoded
        }
        guard !text.trimmingSpaces.isEmpty else {
            return HTMLResponse.render(
                SolutionImportPage(csrf: CSRF.token(for: request), errors: ["Bitte wählen Sie eine Datei oder fügen Sie den Text ein."]),
                status: .unprocessableEntity, request: request)
        }
        switch PublicCode.parse(text) {
        case .failure(let problem):
            return HTMLResponse.render(
                SolutionImportPage(csrf: CSRF.token(for: request), text: text, errors: ["Die publiccode.yml ist fehlerhaft: \(problem.text)"]),
                status: .unprocessableEntity, request: request)
        case .success(let imported):
            var values = imported.raw
            if values.licence == nil { values.licence = SolutionLicence.proprietaer.rawValue }
            return HTMLResponse.render(
                form(request, choices: choices, selected: choices[0].value, values: values, kept: imported.preserved, imported: true),
                request: request)
        }
    }

    // MARK: Search

    struct SearchParameters: Content {
        var q: String?
        var handlungsfeld: String?
        var lizenz: String?
        var betrieb: String?
        var eu: String?
        var nahe: String?
        var auswahl: String?
        var seite: Int?
    }

    @Sendable func search(request: Request) async throws -> Response {
        let parameters = try request.query.decode(SearchParameters.self)
        let form = SolutionSearchForm(
            text: parameters.q ?? "", feld: parameters.handlungsfeld ?? "", licence: parameters.lizenz ?? "", operation: parameters.betrieb ?? "",
            eu: parameters.eu ?? "", near: parameters.nahe ?? "", chosen: parameters.auswahl ?? "", page: parameters.seite ?? 1)
        let canCreate = request.currentUser == nil ? false : try await !Self.publishers(request).isEmpty
        var errors = form.problems()
        let origin = NearbyOrigin.resolve(typed: form.near, chosen: form.chosen, request: request)
        if case .notFound = origin, !form.near.isEmpty { errors.append("Keine Kommune „\(form.near)“ gefunden.") }
        guard errors.isEmpty else {
            return HTMLResponse.render(
                SolutionSearchPage(form: form, entries: [], total: 0, pageSize: 20, canCreate: canCreate, errors: errors),
                status: .unprocessableEntity, request: request)
        }
        let filters = SolutionSearch.Filters(
            words: SolutionSearch.words(form.text), feld: Handlungsfeld(rawValue: form.feld), licence: SolutionLicence(rawValue: form.licence),
            operation: SolutionOperation(rawValue: form.operation), euHosting: form.eu.isEmpty ? nil : form.eu == "ja")
        let users = try await request.application.solutionUsers.snapshot(on: request.db)
        let search = SolutionSearch(database: request.db, cache: request.application.solutionSearch)
        let hits = try await search.search(filters, origin: origin.point, users: users, now: request.now)
        let pageSize = 20
        let start = min(hits.count, (form.page - 1) * pageSize)
        let page = hits[start..<min(hits.count, start + pageSize)]
        let found = try await search.models(page)
        let directory = TownDirectory(catalog: request.register)
        let publishers = try await SolutionPublishers.load(for: found.map(\.model), towns: directory, on: request.db)
        let entries = found.map { hit, model in
            SolutionListEntry(
                path: model.path, name: model.name, shortDescription: model.shortDescription, publisher: publishers.name(of: model),
                licence: model.input.licence, operations: model.input.operations, inUse: hit.inUse, nearestKm: hit.nearestKm, isDemo: model.isDemo)
        }
        return HTMLResponse.render(
            SolutionSearchPage(
                form: form, entries: entries, total: hits.count, pageSize: pageSize, origin: origin.name, originChoices: origin.choices,
                canCreate: canCreate),
            request: request)
    }

    // MARK: Show

    static func solution(_ request: Request) async throws -> SolutionModel {
        guard let id = request.parameters.get("id", as: UUID.self), let model = try await SolutionModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Lösung gibt es nicht.")
        }
        // Hidden by a moderation decision: only its publisher (and the administration) still sees it.
        if model.hidden == true, !request.may(.publishSolution, .solution(model.publisher)) {
            throw ProblemDetails.notFound("Diese Lösung ist nicht öffentlich.")
        }
        return model
    }

    @Sendable func show(request: Request) async throws -> Response {
        let model = try await Self.solution(request)
        return try await SolutionPageBuilder(request: request).render(model)
    }

    // MARK: Edit

    private func editable(_ request: Request) async throws -> SolutionModel {
        let model = try await Self.solution(request)
        try request.authorize(.publishSolution, .solution(model.publisher))
        return model
    }

    private func editPage(_ request: Request, _ model: SolutionModel, values: SolutionInput.Raw, revision: Int, errors: [String]) async throws
        -> SolutionFormPage
    {
        let directory = TownDirectory(catalog: request.register)
        let publishers = try await SolutionPublishers.load(for: [model], towns: directory, on: request.db)
        return SolutionFormPage(
            publishers: [("", publishers.name(of: model))], selectedPublisher: "", values: values, action: "\(model.path)/bearbeiten",
            revision: revision, kept: nil, csrf: CSRF.token(for: request), errors: errors)
    }

    @Sendable func editForm(request: Request) async throws -> Response {
        let model = try await editable(request)
        return HTMLResponse.render(
            try await editPage(request, model, values: SolutionInput.Raw(model.input), revision: model.revision, errors: []), request: request)
    }

    @Sendable func update(request: Request) async throws -> Response {
        let model = try await editable(request)
        let body = try request.content.decode(SolutionForm.self)
        guard let revision = body.revision else { throw ProblemDetails.badRequest("Die Version fehlt; bitte laden Sie das Formular neu.") }
        switch SolutionInput.validate(body.raw) {
        case .failure(let problems):
            return HTMLResponse.render(
                try await editPage(request, model, values: body.raw, revision: revision, errors: problems.messages.map(\.text)),
                status: .unprocessableEntity, request: request)
        case .success(let input):
            switch try await SolutionService(database: request.db).update(
                try model.requireID(), input: input, kept: nil, expectedRevision: revision, by: request.requireUser())
            {
            case .saved(let saved):
                request.application.solutionSearch.invalidate()
                return request.redirect(to: saved.path, notice: .solutionSaved)
            case .stale(let current):
                return HTMLResponse.render(
                    try await editPage(
                        request, model, values: body.raw, revision: revision,
                        errors: [
                            "Diese Lösung wurde inzwischen geändert (jetzt Stand \(current)); Ihre Änderungen sind nicht gespeichert. "
                                + "Öffnen Sie die Lösung neu und übertragen Sie Ihre Änderungen; Ihr Text steht unten noch zum Kopieren."
                        ]),
                    status: .conflict, request: request)
            }
        }
    }

    // MARK: Export

    @Sendable func export(request: Request) async throws -> Response {
        let model = try await Self.solution(request)
        let text = PublicCode.export(
            model.input,
            context: .init(
                pageURL: request.application.aufwindConfig.baseURL + model.path, publishedByTown: model.townKey != nil,
                preserved: model.publiccodeKept))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/yaml; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"publiccode.yml\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
