import AufwindCore
import Fluent
import Foundation
import Vapor

/// `/api/v1/eintraege`: search and read public items, their partners with explanations; create
/// and update with an API token (as a confirmed member of the owning town), who also reads the
/// town's drafts and members-only items.
struct ItemsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "eintraege")
        api.get(use: list)
        // With a token a town's members also read its drafts (the `Location` of what they created).
        api.grouped(APITokenAuthMiddleware(optional: true)).get(":id", use: show)
        api.get(":id", "partner", use: partners)
        let writes = api.grouped(APITokenAuthMiddleware())
        writes.on(.POST, body: .collect(maxSize: "256kb"), use: create)
        writes.on(.PUT, ":id", body: .collect(maxSize: "256kb"), use: update)
    }

    struct ListParameters: Content {
        var q: String?
        var art: String?
        var handlungsfeld: String?
        var land: String?
        var groesse: String?
        var status: String?
        var reichweite: String?
        var page: String?
        var per_page: String?
    }

    private func directory(_ request: Request) -> TownDirectory { TownDirectory(catalog: request.register) }

    @Sendable func list(request: Request) async throws -> ItemListDTO {
        let p = try request.query.decode(ListParameters.self)
        // A filter that is given must say something (the HTML form sends "" for "alle"; the API does not).
        for (name, value) in [
            ("art", p.art), ("handlungsfeld", p.handlungsfeld), ("land", p.land), ("groesse", p.groesse),
            ("status", p.status), ("reichweite", p.reichweite),
        ] where value?.isEmpty == true {
            throw ProblemDetails.badRequest("Der Parameter „\(name)“ ist leer; lassen Sie ihn weg, um nicht danach zu filtern.")
        }
        let perPage = try ProblemDetails.integerParameter(p.per_page, "per_page", default: 20, range: 1...100)
        let page = try ProblemDetails.integerParameter(p.page, "page", default: 1, range: 1...10_000)
        let form = ItemSearchForm(
            text: p.q ?? "", kind: p.art ?? "", feld: p.handlungsfeld ?? "", land: p.land ?? "", groesse: p.groesse ?? "",
            status: p.status ?? "", reach: p.reichweite ?? "", page: page)
        switch form.query(publicOnly: request.itemAudience.publicOnly, pageSize: perPage) {
        case .failure(let problems):
            throw ProblemDetails.badRequest(problems.messages.map(\.text).joined(separator: " "))
        case .success(let query):
            let result = request.itemSearch.search(query)
            let directory = directory(request)
            return ItemListDTO(
                items: result.items.map { ItemSummaryDTO($0, directory: directory) }, total: result.total, page: result.page,
                perPage: result.pageSize, pageCount: result.pageCount, teiltreffer: result.coverage == .someWords,
                zuAllgemein: result.coverage == .tooGeneral, ohneTreffer: result.unmatchedWords, meintenSie: result.suggestion)
        }
    }

    /// The item of the path, if the requester may see it (`ItemAudience`, as on the site: without
    /// a token the published public items; with one also what the token's user sees, their towns'
    /// drafts included). Every refusal answers 404, so that the API does not reveal what exists.
    private func readableItem(_ request: Request, publicOnly: Bool) async throws -> CooperationItemModel {
        let missing = ProblemDetails.notFound("Diesen Eintrag gibt es nicht (oder er ist nicht öffentlich).")
        guard let id = request.parameters.get("id", as: UUID.self), let model = try await CooperationItemModel.find(id, on: request.db) else {
            throw missing
        }
        let audience = publicOnly ? ItemAudience.everybody : request.itemAudience
        guard audience.sees(model.facts) else { throw missing }
        return model
    }

    /// Only published, public items have partners through the API.
    private func publicItem(_ request: Request) async throws -> CooperationItemModel {
        try await readableItem(request, publicOnly: true)
    }

    @Sendable func show(request: Request) async throws -> ItemDTO {
        ItemDTO(try await readableItem(request, publicOnly: false), directory: directory(request))
    }

    @Sendable func partners(request: Request) async throws -> PartnersDTO {
        let model = try await publicItem(request)
        let limit = try ProblemDetails.integerParameter(request.query[String.self, at: "limit"], "limit", default: 10, range: 1...50)
        guard let item = model.item else { throw ProblemDetails.notFound("Diesen Eintrag gibt es nicht.") }
        let engine = request.matching
        let directory = directory(request)
        // Per group at most `limit`; those within reach first.
        return PartnersDTO(
            eintraege: engine.matches(for: item, limit: limit, publicOnly: request.itemAudience.publicOnly).map {
                ItemMatchDTO($0, directory: directory)
            },
            kommunen: engine.townMatches(for: item, limit: limit, publicOnly: request.itemAudience.publicOnly).map {
                TownMatchDTO($0, directory: directory)
            })
    }

    private func validated(_ body: ItemWriteDTO) throws -> CooperationItemInput {
        let textProblems = [
            SchemaText.problem(body.titel, field: "titel", optional: false),
            SchemaText.problem(body.beschreibung, field: "beschreibung", multiLine: true, optional: false),
            SchemaText.problem(body.zeitrahmen, field: "zeitrahmen", optional: true),
            SchemaText.problem(body.ansprechperson, field: "ansprechperson", optional: true),
            SchemaText.problem(body.personal?.rolle, field: "personal.rolle", optional: false),
            SchemaText.problem(body.personal?.dauer, field: "personal.dauer", optional: false),
            SchemaText.problem(body.personal?.kostenteilung, field: "personal.kostenteilung", optional: true),
        ].compactMap { $0 }
        if !textProblems.isEmpty {
            throw ProblemDetails(title: "Ungültige Angaben", status: 422, detail: textProblems.joined(separator: " "))
        }
        switch CooperationItemInput.validate(body.raw) {
        case .failure(let problems):
            throw ProblemDetails(title: "Ungültige Angaben", status: 422, detail: problems.messages.map(\.text).joined(separator: " "))
        case .success(let input):
            return input
        }
    }

    @Sendable func create(request: Request) async throws -> Response {
        let body = try request.strictJSONBody(ItemWriteDTO.self)
        let key = body.kommune ?? ""
        guard directory(request).name(of: key) != nil else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        try request.authorize(.actForTown, .town(key))
        if body.version != nil { throw ProblemDetails.badRequest("Beim Anlegen gibt es noch keine version.") }
        let input = try validated(body)
        let model = try await ItemService(request)
            .create(ownerKey: key, input: input, by: request.requireUser(), now: request.now)
        let response = try await ItemDTO(model, directory: directory(request)).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/eintraege/\(try model.requireID().uuidString.lowercased())")
        return response
    }

    @Sendable func update(request: Request) async throws -> ItemDTO {
        guard let id = request.parameters.get("id", as: UUID.self), let model = try await CooperationItemModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diesen Eintrag gibt es nicht.")
        }
        try request.authorize(.actForTown, .town(model.ownerKey))
        let body = try request.strictJSONBody(ItemWriteDTO.self)
        if let key = body.kommune, key != model.ownerKey {
            throw ProblemDetails(
                title: "Andere Kommune", status: 409,
                detail: "Ein Eintrag wechselt nicht die Kommune; kommune darf fehlen oder muss die bisherige sein.")
        }
        guard let version = body.version else { throw ProblemDetails.badRequest("version fehlt: die Version, die Sie gelesen haben.") }
        let input = try validated(body)
        switch try await ItemService(request)
            .update(id, input: input, expectedVersion: version, by: request.requireUser(), now: request.now)
        {
        case .saved(let saved):
            return ItemDTO(saved, directory: directory(request))
        case .stale(let current):
            throw ProblemDetails(
                title: "Veraltete Version", status: 409,
                detail:
                    "Der Eintrag wurde inzwischen geändert (jetzt Version \(current)). Bitte laden Sie ihn neu und wenden Sie Ihre Änderung darauf an."
            )
        case .hiddenByModeration:
            throw ItemsController.hiddenByModerationProblem
        }
    }
}
