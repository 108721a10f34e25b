import Fluent
import SQLKit
import Vapor

/// `/healthz` (alive), `/readyz` (ready for traffic) for load balancers, `/metrics` for Prometheus.
struct OperationsController: RouteCollection {
    struct Health: Content {
        var status: String
        var database: String
        var register: String
        var gemeinden: Int
        var gebietsstand: String?
    }

    struct Readiness: Content {
        var status: String
        var database: String
        var daten: String
        var aenderungsprotokoll: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("readyz", use: ready)
        routes.get("metrics", use: metrics)
    }

    private func databaseReachable(_ request: Request) async -> Bool {
        do {
            try await request.db.sql().raw("SELECT 1").run()
            return true
        } catch {
            return false
        }
    }

    /// For the load balancer: ready only when the database answers, the in-memory copies are loaded
    /// and the change feed has read the log within the last few seconds (the instance is consistent).
    @Sendable func ready(request: Request) async throws -> Response {
        let databaseOK = await databaseReachable(request)
        let loaded = request.application.readiness.cachesLoaded
        let feed = request.application.changeFeed
        let started = await feed.isStarted
        let behind = await feed.isBehind(by: .seconds(5))
        let following = started && !behind
        let ready = databaseOK && loaded && following
        let body = Readiness(
            status: ready ? "bereit" : "nicht bereit", database: databaseOK ? "erreichbar" : "nicht erreichbar",
            daten: loaded ? "geladen" : "werden geladen", aenderungsprotokoll: following ? "aktuell" : "nicht aktuell")
        let response = Response(status: ready ? .ok : .serviceUnavailable)
        try response.content.encode(body)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func health(request: Request) async throws -> Response {
        let databaseOK = await databaseReachable(request)
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
