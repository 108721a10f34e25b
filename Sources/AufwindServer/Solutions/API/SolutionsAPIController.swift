import AufwindCore
import Fluent
import Foundation
import Vapor

/// `/api/v1/loesungen`: search solutions (with `nahe=AGS` ordered by their nearest confirmed user)
/// and read one, each with the towns that confirmed using it.
struct SolutionsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "loesungen")
        api.get(use: list)
        api.get(":id", use: show)
    }

    struct ListParameters: Content {
        var q: String?
        var handlungsfeld: String?
        var nahe: String?
        var page: String?
        var per_page: String?
    }

    /// The town of `nahe`, refused by name when there is no such town.
    private func origin(_ nahe: String?, _ towns: TownDirectory) throws -> GeoPoint? {
        guard let nahe else { return nil }
        guard towns.name(of: nahe) != nil else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(nahe)“ (nahe: AGS oder Kreisschlüssel).")
        }
        return towns.point(of: nahe)
    }

    @Sendable func list(request: Request) async throws -> SolutionListDTO {
        let p = try request.query.decode(ListParameters.self)
        for (name, value) in [("handlungsfeld", p.handlungsfeld), ("nahe", p.nahe)] where value?.isEmpty == true {
            throw ProblemDetails.badRequest("Der Parameter „\(name)“ ist leer; lassen Sie ihn weg, um nicht danach zu filtern.")
        }
        let perPage = try ProblemDetails.integerParameter(p.per_page, "per_page", default: 20, range: 1...100)
        let page = try ProblemDetails.integerParameter(p.page, "page", default: 1, range: 1...10_000)
        let text = p.q ?? ""
        if text.unicodeScalars.count > 200 { throw ProblemDetails.badRequest("Der Suchtext darf höchstens 200 Zeichen lang sein.") }
        if text.containsControlCharacters(allowingLineBreaks: true) {
            throw ProblemDetails.badRequest("Der Suchtext enthält unzulässige Steuerzeichen.")
        }
        var feld: Handlungsfeld?
        if let value = p.handlungsfeld {
            guard let parsed = Handlungsfeld(rawValue: value) else {
                throw ProblemDetails.badRequest("Unbekanntes Handlungsfeld „\(value)“.")
            }
            feld = parsed
        }
        let towns = TownDirectory(catalog: request.register)
        let origin = try origin(p.nahe, towns)
        let users = try await request.application.solutionUsers.snapshot(on: request.db)
        let search = SolutionSearch(database: request.db, cache: request.application.solutionSearch)
        let hits = try await search.search(
            .init(words: SolutionSearch.words(text), feld: feld), origin: origin,
            users: users, now: request.now)
        let start = min(hits.count, (page - 1) * perPage)
        let models = try await search.models(hits[start..<min(hits.count, start + perPage)]).map(\.model)
        let publishers = try await SolutionPublishers.load(for: models, towns: towns, on: request.db)
        let baseURL = request.application.aufwindConfig.baseURL
        let cutoffs = ReferenceFreshness.Cutoffs(now: request.now)
        return SolutionListDTO(
            loesungen: models.map { model in
                SolutionDTO(
                    model, publisher: publisher(model, publishers), users: users.users(of: model.id!), origin: origin, towns: towns, baseURL: baseURL,
                    now: request.now, userLimit: SolutionDTO.usersInList, cutoffs: cutoffs)
            }, total: hits.count, page: page, perPage: perPage, pageCount: max(1, (hits.count + perPage - 1) / perPage))
    }

    struct ShowParameters: Content { var nahe: String? }

    @Sendable func show(request: Request) async throws -> SolutionDTO {
        guard let id = request.parameters.get("id", as: UUID.self), let model = try await SolutionModel.find(id, on: request.db),
            model.hidden != true
        else {
            throw ProblemDetails.notFound("Diese Lösung gibt es nicht.")
        }
        let p = try request.query.decode(ShowParameters.self)
        if p.nahe?.isEmpty == true { throw ProblemDetails.badRequest("Der Parameter „nahe“ ist leer; lassen Sie ihn weg.") }
        let towns = TownDirectory(catalog: request.register)
        let origin = try origin(p.nahe, towns)
        let users = try await request.application.solutionUsers.snapshot(on: request.db)
        let publishers = try await SolutionPublishers.load(for: [model], towns: towns, on: request.db)
        return SolutionDTO(
            model, publisher: publisher(model, publishers), users: users.users(of: id), origin: origin, towns: towns,
            baseURL: request.application.aufwindConfig.baseURL, now: request.now)
    }

    private func publisher(_ model: SolutionModel, _ publishers: SolutionPublishers) -> SolutionPublisherDTO {
        switch model.publisher {
        case .organisation(let id): SolutionPublisherDTO(art: "anbieter", id: id.lowercased(), name: publishers.name(of: model))
        case .town(let key): SolutionPublisherDTO(art: "kommune", id: key, name: publishers.name(of: model))
        }
    }
}
