import AufwindCore
import Fluent
import Vapor

/// `/regionen/{key}`: for a Regionalbehörde, which Gemeinden of its region are on Aufwind and
/// which are not yet (the first piece of the Kooperationsatlas).
struct RegionalOverviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("regionen", ":key", use: overview)
    }

    @Sendable func overview(request: Request) async throws -> Response {
        let key = request.parameters.get("key") ?? ""
        let catalog = request.register
        guard let unit = catalog.unit(key: key), [.kreis, .regierungsbezirk, .land].contains(unit.kind) else {
            throw ProblemDetails.notFound("Es gibt keine Region mit dem Schlüssel „\(key)“.")
        }
        try request.authorize(.viewRegionalOverview, .region(key))
        let confirmed = try await MembershipModel.query(on: request.db)
            .filter(\.$kind == MembershipModel.Kind.kommune.rawValue).filter(\.$status == MembershipModel.Status.confirmed.rawValue).all()
        var membersByTown: [String: Int] = [:]
        for membership in confirmed where membership.orgKey.hasPrefix(key) { membersByTown[membership.orgKey, default: 0] += 1 }
        let gemeinden = catalog.gemeinden(in: key)
        return HTMLResponse.render(
            RegionalOverviewPage(
                region: unit,
                rows: gemeinden.map { .init(gemeinde: $0, members: membersByTown[$0.ags] ?? 0) }
                    .sorted { ($0.members, $1.gemeinde.population) < ($1.members, $0.gemeinde.population) }),
            request: request)
    }
}
