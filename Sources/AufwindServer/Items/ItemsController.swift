import AufwindCore
import Fluent
import Vapor

/// The item pages: search, create (with the similar-items check), show with partners, edit
/// with optimistic locking, history, and "Passt zu uns" per town.
struct ItemsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("eintraege", use: search)
        routes.get("eintraege", "neu", use: newForm)
        routes.post("eintraege", use: create)
        routes.get("eintraege", ":id", use: show)
        routes.get("eintraege", ":id", "bearbeiten", use: editForm)
        routes.post("eintraege", ":id", "bearbeiten", use: update)
        routes.get("eintraege", ":id", "verlauf", use: history)
        routes.get("kommunen", ":key", "passt-zu-uns", use: partnerTowns)
    }

    struct SearchParameters: Content {
        var q: String?
        var art: String?
        var handlungsfeld: String?
        var land: String?
        var groesse: String?
        var status: String?
        var reichweite: String?
        var seite: Int?
    }

    struct ItemForm: Content {
        var kommune: String?
        var art: String?
        var titel: String?
        var beschreibung: String?
        var handlungsfelder: [String]?
        var unterthemen: [String]?
        var stand: String?
        var reichweite: String?
        var groessen: [String]?
        var zeitrahmen: String?
        var ansprechperson: String?
        var sichtbarkeit: String?
        var veroeffentlichung: String?
        var personal_rolle: String?
        var personal_stunden: String?
        var personal_dauer: String?
        var personal_form: String?
        var personal_kosten: String?
        var version: Int?
        var geprueft: String?

        var values: ItemFormValues {
            var values = ItemFormValues()
            values.kind = art ?? ""
            values.title = titel ?? ""
            values.description = beschreibung ?? ""
            values.handlungsfelder = handlungsfelder ?? []
            values.unterthemen = unterthemen ?? []
            values.status = stand ?? ""
            values.reach = reichweite ?? ""
            values.desiredSizes = groessen ?? []
            values.timeFrame = zeitrahmen ?? ""
            values.contactPerson = ansprechperson ?? ""
            values.visibility = sichtbarkeit ?? ""
            values.published = veroeffentlichung == "veroeffentlicht"
            values.staffRole = personal_rolle ?? ""
            values.staffHours = personal_stunden ?? ""
            values.staffDuration = personal_dauer ?? ""
            values.staffForm = personal_form ?? ""
            values.staffCostSplit = personal_kosten ?? ""
            return values
        }
    }

    private func directory(_ request: Request) -> TownDirectory { TownDirectory(catalog: request.register) }

    private func service(_ request: Request) -> ItemService { ItemService(request) }

    // MARK: Search

    @Sendable func search(request: Request) async throws -> Response {
        let parameters = try request.query.decode(SearchParameters.self)
        let form = ItemSearchForm(
            text: parameters.q ?? "", kind: parameters.art ?? "", feld: parameters.handlungsfeld ?? "", land: parameters.land ?? "",
            groesse: parameters.groesse ?? "", status: parameters.status ?? "", reach: parameters.reichweite ?? "", page: parameters.seite ?? 1)
        let publicOnly = request.itemAudience.publicOnly
        let laender = request.register.units(of: .land)
        switch form.query(publicOnly: publicOnly) {
        case .failure(let problems):
            return HTMLResponse.render(
                ItemSearchPage(
                    form: form, result: ItemSearchResult(total: 0, items: [], page: 1, pageSize: 20), entries: [], laender: laender,
                    canCreate: !request.actor.townRoles.isEmpty, errors: problems.messages.map(\.text)),
                status: .unprocessableEntity, request: request)
        case .success(let query):
            let result = request.itemSearch.search(query)
            let directory = directory(request)
            return HTMLResponse.render(
                ItemSearchPage(
                    form: form, result: result, entries: result.items.map { ItemListEntry(item: $0, directory: directory) },
                    laender: laender, canCreate: !request.actor.townRoles.isEmpty),
                request: request)
        }
    }

    // MARK: Create

    /// The towns the signed-in user acts for, by name.
    private func ownTowns(_ request: Request) -> [(key: String, name: String)] {
        let directory = directory(request)
        return request.actor.townRoles.keys.sorted().compactMap { key in directory.name(of: key).map { (key, $0) } }
    }

    @Sendable func newForm(request: Request) async throws -> Response {
        try request.requireUser()
        try request.authorize(.createItem)
        let towns = ownTowns(request)
        guard !towns.isEmpty else { throw ProblemDetails.badRequest("Für keine Ihrer Kommunen können hier Einträge angelegt werden.") }
        let selected = (try? request.query.get(String.self, at: "kommune")).flatMap { key in towns.first { $0.key == key }?.key } ?? towns[0].key
        return HTMLResponse.render(
            ItemFormPage(
                towns: towns, selectedTown: selected, values: ItemFormValues(), action: "/eintraege", version: nil, csrf: CSRF.token(for: request)),
            request: request)
    }

    @Sendable func create(request: Request) async throws -> Response {
        let form = try request.content.decode(ItemForm.self)
        let key = form.kommune ?? ""
        guard directory(request).name(of: key) != nil else {
            try request.requireUser()
            throw ProblemDetails.badRequest("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        try request.authorize(.actForTown, .town(key))
        let values = form.values
        func again(_ errors: [String], similar: [ItemListEntry] = [], status: HTTPStatus) -> Response {
            HTMLResponse.render(
                ItemFormPage(
                    towns: ownTowns(request), selectedTown: key, values: values, action: "/eintraege", version: nil,
                    csrf: CSRF.token(for: request), errors: errors, similar: similar),
                status: status, request: request)
        }
        let input: CooperationItemInput
        switch CooperationItemInput.validate(values.raw) {
        case .failure(let problems): return again(problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let valid): input = valid
        }
        if form.geprueft != "1" {
            let draft = ItemRow.item(id: UUID(), ownerKey: key, isDemo: false, input: input)
            let similar = request.itemSearch.similarItems(to: draft, limit: 5, publicOnly: request.itemAudience.publicOnly)
            if !similar.isEmpty {
                return again([], similar: similar.map { ItemListEntry(item: $0, directory: directory(request)) }, status: .ok)
            }
        }
        let model = try await service(request).create(ownerKey: key, input: input, by: request.requireUser(), now: request.now)
        return request.redirect(to: "/eintraege/\(try model.requireID().uuidString.lowercased())", notice: .itemCreated)
    }

    // MARK: Show

    /// The item, if the viewer may see it: drafts only their town's members, members-only items
    /// only members of towns.
    static func visibleItem(_ request: Request) async throws -> CooperationItemModel {
        guard let id = request.parameters.get("id", as: UUID.self),
            let model = try await request.db.models(CooperationItemModel.self, where: "id", equals: id).first
        else {
            throw ProblemDetails.notFound("Diesen Eintrag gibt es nicht.")
        }
        try request.authorize(.viewItem, .item(model.facts))
        return model
    }

    @Sendable func show(request: Request) async throws -> Response {
        let model = try await Self.visibleItem(request)
        return try await renderItem(request, model: model, errors: [])
    }

    func renderItem(
        _ request: Request, model: CooperationItemModel, errors: [String], status: HTTPStatus = .ok,
        answerForm: NeedAnswersSection.Form = .init()
    ) async throws -> Response {
        let id = try model.requireID()
        let directory = directory(request)
        let partnerSections = partnerSections(request, model: model)
        let ownTowns = ownTowns(request).filter { $0.key != model.ownerKey }
        let requests =
            ownTowns.isEmpty
            ? []
            : try await InterestRequestModel.query(on: request.db)
                .filter(\.$itemID == id).filter(\.$fromKey ~~ ownTowns.map(\.key)).all()
        let asked = Set(requests.map(\.fromKey))
        let cooperations = try await request.db.models(CooperationModel.self, where: "item_id", equals: id, orderedBy: "created_at")
        let verbuende = try await request.db.models(VerbundModel.self, where: "item_id", equals: id, orderedBy: "created_at")
        let verbundMembers =
            verbuende.isEmpty ? [] : try await VerbundMemberModel.query(on: request.db).filter(\.$verbundID ~~ verbuende.compactMap(\.id)).all()
        var verbundRows: [(name: String, path: String?, status: String)] = []
        for verbund in verbuende {
            let visible = request.may(
                .viewVerbundInvitation, verbund.resource(verbundMembers.filter { $0.verbundID == verbund.id }, now: request.now))
            verbundRows.append(
                (
                    verbund.name, visible ? "/verbuende/\(verbund.id!.uuidString.lowercased())" : nil,
                    (VerbundStatus(rawValue: verbund.status) ?? .inBildung).label
                ))
        }
        let page = ItemPage(
            id: id.uuidString.lowercased(), input: model.input, isDemo: model.isDemo, townName: directory.name(of: model.ownerKey) ?? model.ownerKey,
            townPath: directory.path(of: model.ownerKey), updatedAt: model.updatedAt, version: model.version,
            canEdit: request.may(.actForTown, .town(model.ownerKey)),
            interestTowns: ownTowns.filter { !asked.contains($0.key) },
            sentRequests: requests.map { (directory.name(of: $0.fromKey) ?? $0.fromKey, $0.statusValue.label) },
            cooperations: cooperations.map { cooperation in
                let member = cooperation.townKeys.contains { request.may(.actForTown, .town($0)) }
                return (
                    directory.name(of: cooperation.partnerKey) ?? cooperation.partnerKey, directory.path(of: cooperation.partnerKey),
                    member ? "/kooperationen/\(cooperation.id!.uuidString.lowercased())" : nil
                )
            },
            partnerSections: partnerSections,
            csrf: request.currentUser == nil ? nil : CSRF.token(for: request), signedIn: request.currentUser != nil,
            errors: errors)
        var withVerbuende = page
        withVerbuende.verbuende = verbundRows
        if request.may(.actForTown, .town(model.ownerKey)) {
            withVerbuende.suggestedPartners = try await ItemPartnerSuggestionModel.query(on: request.db).filter(\.$itemID == id).all().map {
                (directory.name(of: $0.townKey) ?? $0.townKey, directory.path(of: $0.townKey), $0.source)
            }
        }
        withVerbuende.answers = try await NeedAnswerBoard(request: request).section(for: model, form: answerForm)
        withVerbuende.hiddenByModeration = model.hidden == true
        return HTMLResponse.render(withVerbuende, status: status, request: request)
    }

    /// The best partners and the fitting funding programmes, as kept for the item's version and the
    /// viewer's audience while matching, register and funding catalogue stay the same.
    private func partnerSections(_ request: Request, model: CooperationItemModel) -> RenderedHTML {
        let (engine, matchingGeneration) = request.application.matchStore.current
        let (funding, fundingGeneration) = request.application.fundingStore.current
        let (register, registerGeneration) = request.application.registerStore.versioned
        let publicOnly = request.itemAudience.publicOnly
        let today = request.todayISO
        let key = ItemPageSections.Key(item: model.id!, version: model.version, publicOnly: publicOnly)
        let stamp = ItemPageSections.Stamp(matching: matchingGeneration, register: registerGeneration, funding: fundingGeneration, day: today)
        return request.application.itemPageSections.html(for: key, stamp: stamp) {
            let item = model.item!
            let directory = TownDirectory(catalog: register)
            let itemMatches = engine.matches(for: item, limit: 10, publicOnly: publicOnly)
            let townMatches = engine.townMatches(for: item, limit: 10, publicOnly: publicOnly)
            var programmeFits: [FundingAdvisor.ProgrammeFit] = []
            let resolver = VerbundResolver(catalog: register)
            if let owner = resolver.member(key: model.ownerKey), !funding.programmes.isEmpty {
                let advisor = FundingAdvisor(
                    checker: EligibilityChecker(landNames: resolver.landNames, today: today), programmes: funding.programmes,
                    rules: funding.rules)
                programmeFits = Array(
                    advisor.programmes(for: VerbundFacts(members: [owner], leadKey: owner.key, handlungsfelder: Set(model.input.handlungsfelder)))
                        .filter { !$0.sharedFields.isEmpty }.prefix(5))
            }
            return RenderedHTML(
                ItemPartnerSections(
                    input: model.input, townName: directory.name(of: model.ownerKey) ?? model.ownerKey,
                    itemMatches: itemMatches.map { (ItemListEntry(item: $0.item, directory: directory), $0) },
                    townMatches: townMatches.map { (directory.name(of: $0.town) ?? $0.town, directory.path(of: $0.town), $0) },
                    programmeFits: programmeFits
                ).node())
        }
    }

    // MARK: Edit

    static let hiddenByModerationProblem = ProblemDetails(
        title: "Von der Moderation verborgen", status: 409,
        detail:
            "Dieser Eintrag ist von der Moderation verborgen und kann erst nach einem erfolgreichen Einspruch wieder veröffentlicht werden. Als Entwurf können Sie ihn speichern."
    )

    private func editableItem(_ request: Request) async throws -> CooperationItemModel {
        guard let id = request.parameters.get("id", as: UUID.self), let model = try await CooperationItemModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diesen Eintrag gibt es nicht.")
        }
        try request.authorize(.actForTown, .town(model.ownerKey))
        return model
    }

    private func editPage(_ request: Request, model: CooperationItemModel, values: ItemFormValues, version: Int, errors: [String]) -> ItemFormPage {
        let key = model.ownerKey
        return ItemFormPage(
            towns: [(key, directory(request).name(of: key) ?? key)], selectedTown: key, values: values,
            action: "/eintraege/\(model.id!.uuidString.lowercased())/bearbeiten", version: version, csrf: CSRF.token(for: request), errors: errors)
    }

    @Sendable func editForm(request: Request) async throws -> Response {
        let model = try await editableItem(request)
        return HTMLResponse.render(
            editPage(request, model: model, values: ItemFormValues(model.input), version: model.version, errors: []), request: request)
    }

    @Sendable func update(request: Request) async throws -> Response {
        let model = try await editableItem(request)
        let form = try request.content.decode(ItemForm.self)
        let values = form.values
        guard let version = form.version else { throw ProblemDetails.badRequest("Die Version fehlt; bitte laden Sie das Formular neu.") }
        let input: CooperationItemInput
        switch CooperationItemInput.validate(values.raw) {
        case .failure(let problems):
            return HTMLResponse.render(
                editPage(request, model: model, values: values, version: version, errors: problems.messages.map(\.text)),
                status: .unprocessableEntity, request: request)
        case .success(let valid): input = valid
        }
        switch try await service(request).update(
            try model.requireID(), input: input, expectedVersion: version, by: request.requireUser(), now: request.now)
        {
        case .saved(let saved):
            return request.redirect(to: "/eintraege/\(try saved.requireID().uuidString.lowercased())", notice: .itemSaved)
        case .hiddenByModeration:
            return HTMLResponse.render(
                editPage(request, model: model, values: values, version: version, errors: [Self.hiddenByModerationProblem.detail]),
                status: .conflict, request: request)
        case .stale(let current):
            return HTMLResponse.render(
                editPage(
                    request, model: model, values: values, version: version,
                    errors: [
                        "Dieser Eintrag wurde inzwischen geändert (jetzt Version \(current)); Ihre Änderungen sind nicht gespeichert. "
                            + "Öffnen Sie den Eintrag neu und übertragen Sie Ihre Änderungen; Ihr Text steht unten noch zum Kopieren."
                    ]),
                status: .conflict, request: request)
        }
    }

    @Sendable func history(request: Request) async throws -> Response {
        let model = try await Self.visibleItem(request)
        let revisions = try await ItemRevisionModel.query(on: request.db).filter(\.$itemID == model.requireID()).sort(\.$version, .descending).all()
        return HTMLResponse.render(
            ItemHistoryPage(
                id: try model.requireID().uuidString.lowercased(), itemTitle: model.title,
                revisions: revisions.map { ($0.version, $0.editorName, $0.changes, $0.createdAt) }),
            request: request)
    }

    // MARK: Passt zu uns

    @Sendable func partnerTowns(request: Request) async throws -> Response {
        let key = request.parameters.get("key") ?? ""
        let directory = directory(request)
        guard let name = directory.name(of: key) else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        let engine = request.matching
        let audience = request.itemAudience
        let publicOnly = audience.publicOnly
        // The engine holds published items only.
        var queries = Array(
            engine.items(ownedBy: key).filter { audience.sees(ItemFacts(ownerKey: key, visibility: $0.visibility, published: true)) }
                .suffix(PartnerTownsPage.maximumQueries))
        let fromProfile = queries.isEmpty
        if fromProfile, let profile = try await TownProfileModel.find(key, on: request.db)?.input, !profile.handlungsfelder.isEmpty {
            queries = [
                CooperationItem(
                    id: "profil-\(key)", kind: .vorhaben, ownerKey: key, title: "Profil von \(name)", description: profile.description,
                    handlungsfelder: Set(profile.handlungsfelder), reach: .bundesweit)
            ]
        }
        let matches =
            queries.isEmpty
            ? PartnerSuggestions(hasFartherGroup: false, inReach: [], farther: [])
            : engine.townMatches(for: queries, limit: 20, publicOnly: publicOnly)
        return HTMLResponse.render(
            PartnerTownsPage(
                townName: name, townPath: directory.path(of: key), fromProfile: fromProfile, hasFartherGroup: matches.hasFartherGroup,
                matches: matches.map { (directory.name(of: $0.town) ?? $0.town, directory.path(of: $0.town), $0) }),
            request: request)
    }
}
