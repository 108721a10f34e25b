import AufwindCore
import Vapor

/// `/atlas`: the Kooperationsatlas page.
struct AtlasController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("atlas", use: atlas)
    }

    @Sendable func atlas(request: Request) async throws -> Response {
        let indicator = try AtlasQuery.indicator(request)
        let field = try AtlasQuery.field(request)
        let snapshot = try await request.atlasSnapshot()
        return HTMLResponse.render(
            AtlasPage(
                figures: snapshot.figures(field), indicator: indicator, catalog: snapshot.catalog,
                shapes: await request.application.kreisShapes.shapes(logger: request.logger), loadedAt: snapshot.loadedAt),
            request: request)
    }
}

/// `/api/v1/atlas/…`: the atlas's figures as open data, made once per snapshot of the figures.
struct AtlasAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let atlas = routes.grouped("api", "v1", "atlas")
        atlas.get("kreise.geojson", use: kreise)
        atlas.get("gemeinden.csv", use: gemeinden)
    }

    @Sendable func kreise(request: Request) async throws -> Response {
        guard let shapes = await request.application.kreisShapes.shapes(logger: request.logger) else {
            throw ProblemDetails.notFound("Diesem Server liegen die Kreisgrenzen (kreise.geojson) nicht vor; die Zahlen je Gemeinde gibt es als CSV.")
        }
        let snapshot = try await request.atlasSnapshot()
        let body = snapshot.document("kreise.geojson") {
            AtlasOpenData.kreiseGeoJSON(kreise: shapes.kreise.values.sorted { $0.key < $1.key }, projection: .germany, figures: snapshot.figures(nil))
        }
        return openData(FileDownload.response(body, format: .geoJSON, cacheControl: "public, max-age=60"))
    }

    @Sendable func gemeinden(request: Request) async throws -> Response {
        let format = request.query[String.self, at: "format"] ?? AtlasOpenData.CSVFlavour.excel.rawValue
        guard let flavour = AtlasOpenData.CSVFlavour(rawValue: format) else {
            throw ProblemDetails.badRequest("Unbekanntes Format „\(format.prefix(40))“: möglich sind „excel“ (Voreinstellung) und „text“.")
        }
        let excel = flavour == .excel
        let snapshot = try await request.atlasSnapshot()
        let body = snapshot.document(excel ? "gemeinden.csv" : "gemeinden-text.csv") {
            AtlasOpenData.gemeindenCSV(catalog: snapshot.catalog, figures: snapshot.figures(nil), excel: excel)
        }
        return openData(FileDownload.response(body, format: .csv, filename: "aufwind-gemeinden.csv", cacheControl: "public, max-age=60"))
    }

    /// The licence as a link header: the CSV has no place for it inside.
    private func openData(_ response: Response) -> Response {
        response.headers.add(name: "Link", value: "<\(AtlasOpenData.licence)>; rel=\"license\"")
        return response
    }
}

/// The atlas's query parameters; unknown values are refused with the ones allowed.
enum AtlasQuery {
    static func indicator(_ request: Request) throws -> AtlasIndicator {
        guard let raw = request.query[String.self, at: "kennzahl"], !raw.isEmpty else { return .aktiv }
        guard let indicator = AtlasIndicator(rawValue: raw) else {
            throw ProblemDetails.badRequest(
                "Unbekannte Kennzahl „\(raw.prefix(40))“: möglich sind \(AtlasIndicator.allCases.map { "„\($0.rawValue)“" }.joined(separator: ", "))."
            )
        }
        return indicator
    }

    static func field(_ request: Request) throws -> Handlungsfeld? {
        guard let raw = request.query[String.self, at: "handlungsfeld"], !raw.isEmpty else { return nil }
        guard let field = Handlungsfeld(rawValue: raw) else {
            throw ProblemDetails.badRequest("Unbekanntes Handlungsfeld „\(raw.prefix(40))“: bitte wählen Sie eines aus der Liste auf der Seite.")
        }
        return field
    }
}
