import Fluent
import SQLKit
import Vapor

/// `/healthz` for load balancers, `/metrics` for Prometheus.
struct OperationsController: RouteCollection {
    struct Health: Content {
        var status: String
        var database: String
        var register: String
        var gemeinden: Int
        var gebietsstand: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("metrics", use: metrics)
    }

    @Sendable func health(request: Request) async throws -> Response {
        var databaseOK = true
        do {
            guard let sql = request.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.raw("SELECT 1").run()
        } catch {
            databaseOK = false
        }
        let catalog = request.register
        let healthy = databaseOK && !catalog.isEmpty
        let body = Health(
            status: healthy ? "ok" : "gestört", database: databaseOK ? "erreichbar" : "nicht erreichbar",
            register: catalog.isEmpty ? "nicht geladen" : "geladen", gemeinden: catalog.gemeinden.count,
            gebietsstand: catalog.gebietsstand)
        let response = Response(status: healthy ? .ok : .serviceUnavailable)
        try response.content.encode(body)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func metrics(request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: request.application.requestMetrics.exposition()))
    }
}
