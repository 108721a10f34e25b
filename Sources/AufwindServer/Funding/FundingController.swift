import AufwindCore
import Fluent
import SQLKit
import Vapor

/// The funding catalogue: list, programme pages with the eligibility check, admin editing.
struct FundingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("foerderprogramme", use: list)
        routes.get("foerderprogramme", "neu", use: newForm)
        routes.post("foerderprogramme", "neu", use: create)
        routes.get("foerderprogramme", ":id", use: show)
        routes.get("foerderprogramme", ":id", "pruefen", use: check)
        routes.post("foerderprogramme", ":id", "verbund", use: foundVerbund)
        routes.get("foerderprogramme", ":id", "bearbeiten", use: editForm)
        routes.post("foerderprogramme", ":id", "bearbeiten", use: update)
    }

    struct ListQuery: Content {
        var handlungsfeld: String?
        var offen: String?
    }
    struct CheckQuery: Content {
        var mitglieder: String?
        var fuehrung: String?
        var kosten: String?
    }
    struct FoundForm: Content {
        var mitglieder: String?
        var fuehrung: String?
        var name: String?
    }
    struct EditForm: Content {
        var angaben: String?
        var regeln: String?
        var version: Int?
    }

    @Sendable func list(request: Request) async throws -> Response {
        let query = try request.query.decode(ListQuery.self)
        let catalog = request.funding
        let field = query.handlungsfeld.flatMap(Handlungsfeld.init(rawValue:))
        if let given = query.handlungsfeld, !given.isEmpty, field == nil {
            throw ProblemDetails.badRequest("Unbekanntes Handlungsfeld „\(given)“.")
        }
        let today = request.todayISO
        let listing = catalog.listing(today: today) { programme in field.map { programme.handlungsfelder.contains($0) } ?? true }
        // The badge says whether a programme is open; the list adds what to check about its facts.
        let warnings = Dictionary(uniqueKeysWithValues: catalog.programmes.map { ($0.id, $0.factsWarnings(today: today)) })
        let openOnly = query.offen == "1"
        return HTMLResponse.render(
            FundingListPage(
                open: listing.open, closed: openOnly ? [] : listing.closed, warnings: warnings, field: field?.rawValue ?? "", openOnly: openOnly,
                total: catalog.programmes.count, canEdit: request.may(.editFundingProgrammes)),
            request: request)
    }

    private func programme(_ request: Request) throws -> FundingProgramme {
        let id = request.parameters.get("id") ?? ""
        guard let programme = request.funding.programme(id) else { throw ProblemDetails.notFound("Das Förderprogramm „\(id)“ gibt es nicht.") }
        return programme
    }

    private func page(_ request: Request, _ programme: FundingProgramme) -> FundingProgrammePage {
        FundingProgrammePage(
            programme: programme, rules: request.funding.rules[programme.id],
            warnings: programme.warnings(today: request.todayISO, rules: request.funding.rules[programme.id]),
            canEdit: request.may(.editFundingProgrammes), check: .init())
    }

    @Sendable func show(request: Request) async throws -> Response {
        HTMLResponse.render(page(request, try programme(request)), request: request)
    }

    /// Checks a Verbund typed into the form (no account needed: it reads only public facts).
    @Sendable func check(request: Request) async throws -> Response {
        let programme = try programme(request)
        let query = try request.query.decode(CheckQuery.self)
        var view = page(request, programme)
        view.check = .init(members: query.mitglieder ?? "", lead: query.fuehrung ?? "", costs: query.kosten ?? "")
        switch EligibilityInput.parse(
            members: query.mitglieder ?? "", lead: query.fuehrung ?? "", costs: query.kosten ?? "", catalog: request.register)
        {
        case .failure(let problems):
            view.errors = problems.messages.map(\.text)
            return HTMLResponse.render(view, status: .unprocessableEntity, request: request)
        case .success(let verbund):
            let checker = EligibilityChecker(landNames: VerbundResolver(catalog: request.register).landNames, today: request.todayISO)
            view.result = checker.check(verbund, against: request.funding.rules[programme.id] ?? ProgrammeRules(programmeID: programme.id, rules: []))
            view.checkedMembers = verbund.members
            view.founding = founding(request, programme, members: verbund.members, lead: verbund.leadKey)
            return HTMLResponse.render(view, request: request)
        }
    }

    /// What the check offers for founding a Verbund with the checked towns: the form for a member of
    /// one of them (who leads it), else the reason why there is none.
    private func founding(
        _ request: Request, _ programme: FundingProgramme, members: [VerbundMember], lead: String?, name: String? = nil
    ) -> FundingProgrammePage.Founding {
        guard request.currentUser != nil else { return .signIn }
        let own = members.filter { request.may(.actForTown, .town($0.key)) }
        guard !own.isEmpty else { return .notAMember }
        return .form(
            members: members.map(\.key), leads: own.map { ($0.key, $0.name) }, lead: lead.flatMap { key in own.first { $0.key == key }?.key },
            name: name ?? "Verbund \(programme.displayName)", csrf: CSRF.token(for: request))
    }

    /// "Verbund mit diesen Kommunen gründen": the checked towns form a Verbund for this programme;
    /// the signed-in member's town leads it and the others are invited.
    @Sendable func foundVerbund(request: Request) async throws -> Response {
        let programme = try programme(request)
        try request.requireUser()
        let form = try request.content.decode(FoundForm.self)
        let resolver = VerbundResolver(catalog: request.register)
        switch VerbundFoundingInput.parse(
            members: form.mitglieder, lead: form.fuehrung, name: form.name, fallbackName: "Verbund \(programme.displayName)", resolver: resolver)
        {
        case .failure(let problems):
            var view = page(request, programme)
            let members = (form.mitglieder ?? "").split(separator: ",").compactMap { resolver.member(key: String($0)) }
            view.check = .init(members: members.map(\.name).joined(separator: ", "), lead: "", costs: "")
            view.errors = problems.messages.map(\.text)
            return HTMLResponse.render(view, status: .unprocessableEntity, request: request)
        case .success(let input):
            try request.authorize(.actForTown, .town(input.leadKey))
            let founding = try await VerbundService(request).found(
                name: input.name, itemID: nil, leadKey: input.leadKey, programmeID: programme.id, invited: input.invitedKeys, now: request.now)
            return request.redirect(
                to: founding.verbund.path,
                notice: founding.isNew ? (input.invitedKeys.isEmpty ? .verbundFounded : .verbundFoundedWithInvitations) : .verbundAlreadyFounded)
        }
    }

    // MARK: Admin

    @Sendable func newForm(request: Request) async throws -> Response {
        try request.authorize(.editFundingProgrammes)
        let template = """
            {
              "id": "neues-programm",
              "name": "",
              "themes": [],
              "source_urls": ["https://"],
              "source_date": "\(request.todayISO)"
            }
            """
        return HTMLResponse.render(
            FundingEditPage(
                id: nil, facts: template, rules: "{\n  \"id\": \"neues-programm\",\n  \"regeln\": []\n}", version: 0, csrf: CSRF.token(for: request)),
            request: request)
    }

    @Sendable func editForm(request: Request) async throws -> Response {
        try request.authorize(.editFundingProgrammes)
        let id = request.parameters.get("id") ?? ""
        guard let row = try await FundingProgrammeModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Das Förderprogramm „\(id)“ gibt es nicht.")
        }
        return HTMLResponse.render(
            FundingEditPage(id: id, facts: row.facts, rules: row.rules, version: row.version, csrf: CSRF.token(for: request)), request: request)
    }

    /// Facts and rules must both be valid, belong together and cite the programme's sources.
    private func validate(_ form: EditForm, id expected: String?) -> Result<(FundingProgramme, String, String), ValidationMessages> {
        let factsText = form.angaben ?? ""
        let rulesText = form.regeln ?? ""
        guard factsText.utf8.count <= 200_000, rulesText.utf8.count <= 200_000 else {
            return .failure(ValidationMessages(messages: ["Angaben und Regeln dürfen je höchstens 200 KB lang sein."]))
        }
        let facts: FundingProgramme
        switch FundingCatalog.parseFacts(factsText) {
        case .failure(let message): return .failure(ValidationMessages(messages: [message]))
        case .success(let parsed): facts = parsed
        }
        if let expected, facts.id != expected {
            return .failure(ValidationMessages(messages: ["Die id „\(facts.id)“ passt nicht zum Programm „\(expected)“."]))
        }
        guard facts.id.range(of: #"^[a-z0-9][a-z0-9-]{1,79}$"#, options: .regularExpression) != nil else {
            return .failure(ValidationMessages(messages: ["Die id besteht aus 2 bis 80 Kleinbuchstaben, Ziffern und Bindestrichen."]))
        }
        guard !facts.name.trimmingSpaces.isEmpty, !facts.sourceUrls.isEmpty,
            facts.sourceUrls.allSatisfy({ $0.hasPrefix("https://") || $0.hasPrefix("http://") })
        else {
            return .failure(ValidationMessages(messages: ["Ein Programm braucht einen Namen und mindestens eine Quelle (https://…)."]))
        }
        switch FundingCatalog.parseRules(rulesText, programmeID: facts.id) {
        case .failure(let message): return .failure(ValidationMessages(messages: [message]))
        case .success(let rules):
            let file = FundingRuleFile(version: 1, reviewed: "2026-01-01", programmes: [rules])
            let problems = file.citationProblems(catalogue: [facts])
            guard problems.isEmpty else { return .failure(ValidationMessages(messages: problems.map { ValidationMessage($0) })) }
        }
        return .success((facts, (try? FundingCatalog.factsJSON(facts)) ?? factsText, rulesText))
    }

    @Sendable func create(request: Request) async throws -> Response {
        try request.authorize(.editFundingProgrammes)
        let form = try request.content.decode(EditForm.self)
        switch validate(form, id: nil) {
        case .failure(let problems):
            return HTMLResponse.render(
                FundingEditPage(
                    id: nil, facts: form.angaben ?? "", rules: form.regeln ?? "", version: 0, csrf: CSRF.token(for: request),
                    errors: problems.messages.map(\.text)),
                status: .unprocessableEntity, request: request)
        case .success(let (facts, factsJSON, rulesJSON)):
            if try await FundingProgrammeModel.find(facts.id, on: request.db) != nil {
                return HTMLResponse.render(
                    FundingEditPage(
                        id: nil, facts: form.angaben ?? "", rules: form.regeln ?? "", version: 0, csrf: CSRF.token(for: request),
                        errors: ["Ein Programm mit der id „\(facts.id)“ gibt es schon."]),
                    status: .conflict, request: request)
            }
            let row = FundingProgrammeModel(id: facts.id, facts: factsJSON, rules: rulesJSON)
            row.updatedByName = request.currentUser?.displayName
            try await request.db.transaction { db in
                try await row.create(on: db)
                try await AuditEntryModel(
                    actor: request.requireUser(), action: "foerderprogramm-angelegt", subject: "foerderprogramm:\(facts.id)",
                    detail: facts.displayName
                ).create(on: db)
            }
            try await request.application.reloadFunding()
            return request.redirect(to: "/foerderprogramme/\(facts.id)", notice: .fundingProgrammeCreated)
        }
    }

    @Sendable func update(request: Request) async throws -> Response {
        try request.authorize(.editFundingProgrammes)
        let id = request.parameters.get("id") ?? ""
        guard try await FundingProgrammeModel.find(id, on: request.db) != nil else {
            throw ProblemDetails.notFound("Das Förderprogramm „\(id)“ gibt es nicht.")
        }
        let form = try request.content.decode(EditForm.self)
        let version = form.version ?? 0
        func again(_ errors: [String], status: HTTPStatus) -> Response {
            HTMLResponse.render(
                FundingEditPage(
                    id: id, facts: form.angaben ?? "", rules: form.regeln ?? "", version: version, csrf: CSRF.token(for: request), errors: errors),
                status: status, request: request)
        }
        switch validate(form, id: id) {
        case .failure(let problems):
            return again(problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let (facts, factsJSON, rulesJSON)):
            struct Row: Decodable { var version: Int }
            let saved: Bool = try await request.db.transaction { db in
                let sql = try db.sql()
                let rows = try await sql.update(FundingProgrammeModel.schema)
                    .set("facts", to: factsJSON).set("rules", to: rulesJSON).set("version", to: version + 1)
                    .set("updated_by_name", to: request.currentUser?.displayName).set("updated_at", to: request.now)
                    .where("id", .equal, id).where("version", .equal, version)
                    .returning("version").all(decoding: Row.self)
                guard rows.count == 1 else { return false }
                try await AuditEntryModel(
                    actor: request.requireUser(), action: "foerderprogramm-geaendert", subject: "foerderprogramm:\(id)",
                    detail: "\(facts.displayName), Version \(version + 1)"
                ).create(on: db)
                return true
            }
            guard saved else {
                return again(
                    ["Das Programm wurde inzwischen geändert; nichts ist gespeichert. Bitte laden Sie es neu und übertragen Sie Ihre Änderung."],
                    status: .conflict)
            }
            try await request.application.reloadFunding()
            return request.redirect(to: "/foerderprogramme/\(id)", notice: .fundingProgrammeSaved)
        }
    }
}
