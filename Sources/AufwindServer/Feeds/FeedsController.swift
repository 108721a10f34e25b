import AufwindCore
import Fluent
import Vapor

/// Atom feeds of the newest public items: per Handlungsfeld, per Kreis and per Land.
struct FeedsController: RouteCollection {
    static let entryCount = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get("feeds", "handlungsfelder", ":id", use: byField)
        routes.get("feeds", "kreise", ":key", use: byKreis)
        routes.get("feeds", "laender", ":key", use: byLand)
    }

    @Sendable func byField(request: Request) async throws -> Response {
        let id = request.parameters.get("id") ?? ""
        guard let field = Handlungsfeld(rawValue: id) else { throw ProblemDetails.notFound("Unbekanntes Handlungsfeld „\(id)“.") }
        // Ids are comma-separated and none contains another: a LIKE on the list is exact.
        let items = try await publicItems(request) { $0.filter(\.$handlungsfelder, .custom("LIKE"), "%\(field.rawValue)%") }
        return try feed(
            request, title: "Aufwind: \(field.label)", path: "/feeds/handlungsfelder/\(field.rawValue)",
            page: "/eintraege?handlungsfeld=\(field.rawValue)", items: items)
    }

    @Sendable func byKreis(request: Request) async throws -> Response {
        let key = request.parameters.get("key") ?? ""
        guard key.count == 5, let kreis = request.register.unit(key: key), kreis.kind == .kreis else {
            throw ProblemDetails.notFound("Es gibt keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        let items = try await publicItems(request) { $0.filter(\.$ownerKey, .custom("LIKE"), "\(key)%") }
        return try feed(request, title: "Aufwind: \(kreis.displayName)", path: "/feeds/kreise/\(key)", page: "/kreise/\(key)", items: items)
    }

    @Sendable func byLand(request: Request) async throws -> Response {
        let key = request.parameters.get("key") ?? ""
        guard key.count == 2, let land = request.register.unit(key: key), land.kind == .land else {
            throw ProblemDetails.notFound("Es gibt kein Land mit dem Schlüssel „\(key)“.")
        }
        let items = try await publicItems(request) { $0.filter(\.$ownerKey, .custom("LIKE"), "\(key)%") }
        return try feed(request, title: "Aufwind: \(land.name)", path: "/feeds/laender/\(key)", page: "/eintraege?land=\(key)", items: items)
    }

    private func publicItems(
        _ request: Request, _ narrow: (QueryBuilder<CooperationItemModel>) -> QueryBuilder<CooperationItemModel>
    ) async throws -> [CooperationItemModel] {
        try await narrow(
            CooperationItemModel.query(on: request.db).visible(to: .everybody)
        )
        .sort(\.$publishedAt, .descending).sort(\.$id).limit(Self.entryCount).all()
    }

    private func feed(_ request: Request, title: String, path: String, page: String, items: [CooperationItemModel]) throws -> Response {
        let base = request.application.aufwindConfig.baseURL
        let directory = TownDirectory(catalog: request.register)
        let entries = try items.map { item in
            let id = try item.requireID().uuidString.lowercased()
            let town = directory.name(of: item.ownerKey) ?? item.ownerKey
            let input = item.input
            return AtomFeed.Entry(
                id: "urn:uuid:\(id)", title: (item.isDemo ? "Demo-Daten: " : "") + "\(input.kind.label): \(item.title)",
                link: "\(base)/eintraege/\(id)", updated: item.updatedAt ?? item.publishedAt ?? Date(timeIntervalSince1970: 0),
                published: item.publishedAt, author: town,
                summary: String(item.description.prefix(500)), categories: input.handlungsfelder.map(\.label))
        }
        let xml = AtomFeed(
            id: base + path, title: title, selfLink: base + path, pageLink: base + page, author: "Aufwind", entries: entries,
            fallbackUpdated: Date(timeIntervalSince1970: 1_767_225_600)
        ).xml()
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/atom+xml; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }
}
