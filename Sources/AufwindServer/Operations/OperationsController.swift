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

    /// Prometheus reads `/metrics` with `AUFWIND_METRICS_TOKEN` as bearer token; without one
    /// configured, only from this machine (a scraper beside the server, or over an SSH tunnel).
    @Sendable func metrics(request: Request) async throws -> Response {
        if let expected = request.application.aufwindConfig.metricsToken {
            guard let sent = request.headers.bearerAuthorization?.token, SecureToken.equal(sent, expected) else {
                throw ProblemDetails(
                    title: "Anmeldung erforderlich", status: 401,
                    detail: "/metrics braucht das Token aus AUFWIND_METRICS_TOKEN (Authorization: Bearer …).")
            }
        } else if !request.comesFromLoopback {
            throw ProblemDetails(
                title: "Nicht erlaubt", status: 403, detail: "/metrics ist ohne AUFWIND_METRICS_TOKEN nur von diesem Rechner aus erreichbar.")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: request.application.requestMetrics.exposition()))
    }
}
