import AufwindCore
import Vapor

/// `/api/v1`: the register as JSON.
struct RegisterAPIController: RouteCollection {
    /// `Resources/openapi.json`, read once at start.
    var openAPIDocument: ByteBuffer

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("gemeinden", use: listGemeinden)
        api.get("gemeinden", ":ags", use: gemeinde)
        api.get("kreise", use: listKreise)
        api.get("kreise", ":ags5", use: kreis)
        api.get("gemeindeverbaende", ":ars9", use: gemeindeverband)
        api.get("laender", use: listLaender)
        api.get("openapi.json", use: openAPI)
    }

    @Sendable func listGemeinden(request: Request) async throws -> Response {
        let (catalog, json) = request.application.registerStore.current
        let query = try GemeindeQuery.from(request)
        let page: PlacePage
        do {
            page = try catalog.places(query)
        } catch .unknownReference(let ags) {
            throw ProblemDetails.notFound("„von“: Es gibt keine Gemeinde mit dem Schlüssel \(ags) und Koordinaten.")
        }
        return Self.jsonResponse(json.listJSON(page, catalog: catalog))
    }

    static func jsonResponse(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    @Sendable func gemeinde(request: Request) async throws -> Response {
        let ags = try request.parameters.digits("ags", count: 8, label: "Gemeindeschlüssel (AGS)")
        let (catalog, json) = request.application.registerStore.current
        guard let gemeinde = catalog.gemeinde(ags: ags) else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde mit dem Schlüssel \(ags).")
        }
        return Self.jsonResponse(json.json(for: gemeinde, catalog: catalog))
    }

    @Sendable func listKreise(request: Request) async throws -> [KreisDTO] {
        let catalog = request.register
        return catalog.units(of: .kreis).map { KreisDTO($0, catalog: catalog) }
    }

    @Sendable func kreis(request: Request) async throws -> KreisDetailDTO {
        let key = try request.parameters.digits("ags5", count: 5, label: "Kreisschlüssel")
        let catalog = request.register
        guard let unit = catalog.unit(key: key), unit.kind == .kreis else {
            throw ProblemDetails.notFound("Es gibt keinen Kreis mit dem Schlüssel \(key).")
        }
        return KreisDetailDTO(
            kreis: KreisDTO(unit, catalog: catalog), gemeindeListe: catalog.gemeinden(in: key).map { GemeindeDTO($0, catalog: catalog) })
    }

    @Sendable func gemeindeverband(request: Request) async throws -> GemeindeverbandDetailDTO {
        let key = try request.parameters.digits("ars9", count: 9, label: "Verbandsschlüssel (ARS)")
        let catalog = request.register
        guard let unit = catalog.unit(key: key), unit.kind == .gemeindeverband else {
            throw ProblemDetails.notFound("Es gibt keinen Gemeindeverband mit dem Schlüssel \(key).")
        }
        return GemeindeverbandDetailDTO(
            gemeindeverband: GemeindeverbandDTO(unit, catalog: catalog),
            gemeindeListe: catalog.gemeinden(in: key).map { GemeindeDTO($0, catalog: catalog) })
    }

    @Sendable func listLaender(request: Request) async throws -> [LandDTO] {
        let catalog = request.register
        return catalog.units(of: .land).map { LandDTO($0, catalog: catalog) }
    }

    @Sendable func openAPI(request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: openAPIDocument))
    }
}

extension GemeindeQuery {
    /// The query of a request's URL; a malformed parameter is a 400 with a German detail.
    static func from(_ request: Request) throws -> GemeindeQuery {
        var parameters: [String: String] = [:]
        for name in ["q", "land", "regbez", "kreis", "groesse", "sort", "von", "page", "per_page"] {
            guard let value = try? request.query.get(String.self, at: name) else { continue }
            // Forms send empty fields; API clients must leave a parameter out instead (only spaces count as empty).
            if value.trimmingSpaces.isEmpty, name != "q" {
                throw ProblemDetails.badRequest("„\(name)“ darf nicht leer sein: Parameter ohne Wert bitte weglassen.")
            }
            parameters[name] = value
        }
        do {
            return try GemeindeQuery(parameters: parameters)
        } catch {
            throw ProblemDetails.badRequest(error.message)
        }
    }
}

extension Parameters {
    /// A path parameter that must be `count` digits: else 400 with a German detail.
    func digits(_ name: String, count: Int, label: String) throws -> String {
        let value = get(name) ?? ""
        guard value.utf8.count == count, value.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw ProblemDetails.badRequest("„\(value)“ ist kein gültiger \(label): erwartet werden \(count) Ziffern.")
        }
        return value
    }
}
