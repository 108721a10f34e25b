import AufwindCore
import Plot
import Vapor

/// `/regionen/{key}` and its CSV: a Regionalbehörde's dashboard, for those the platform gave access
/// to the region (or a region containing it).
struct RegionalDashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("regionen", ":key", use: dashboard)
        routes.get("regionen", ":key", "gemeinden.csv", use: csv)
    }

    private func region(_ request: Request) throws -> Gebietseinheit {
        let key = request.parameters.get("key") ?? ""
        guard let unit = request.register.unit(key: key), [.kreis, .regierungsbezirk, .land].contains(unit.kind) else {
            throw ProblemDetails.notFound("Es gibt keine Region mit dem Schlüssel „\(key.prefix(20))“.")
        }
        try request.authorize(.viewRegionalOverview, .region(key))
        return unit
    }

    @Sendable func dashboard(request: Request) async throws -> Response {
        let unit = try region(request)
        let dashboard = try await RegionalDashboard.load(request, region: unit)
        return HTMLResponse.render(
            RegionalDashboardPage(dashboard: dashboard, map: await map(unit, dashboard: dashboard, request: request), catalog: request.register),
            request: request)
    }

    @Sendable func csv(request: Request) async throws -> Response {
        let unit = try region(request)
        let dashboard = try await RegionalDashboard.load(request, region: unit)
        return FileDownload.response(
            RegionalDashboardCSV.document(dashboard), format: .csv, filename: "aufwind-region-\(unit.key).csv", cacheControl: "private, no-store")
    }

    /// A Kreis: its Gemeinden by activity; a Land or Regierungsbezirk: its Kreise by active share.
    private func map(_ unit: Gebietseinheit, dashboard: RegionalDashboard, request: Request) async -> Node<HTML.BodyContext>? {
        await AreaMaps.map(of: unit, figures: dashboard.figures, catalog: request.register, request: request)
    }
}
