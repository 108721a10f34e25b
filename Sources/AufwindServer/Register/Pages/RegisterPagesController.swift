import AufwindCore
import Plot
import Vapor

/// The Kommunenverzeichnis as HTML pages.
struct RegisterPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("gemeinden", use: list)
        routes.get("gemeinden", ":ags", use: gemeinde)
        routes.get("kreise", use: kreise)
        routes.get("kreise", ":ags5", use: kreis)
        routes.get("gemeindeverbaende", ":ars9", use: gemeindeverband)
        routes.get("laender", use: laender)
        routes.get("laender", ":code", use: land)
        routes.get("regierungsbezirke", ":code", use: regierungsbezirk)
        routes.get("quellen", use: sources)
    }

    @Sendable func list(request: Request) async throws -> Response {
        let catalog = request.register
        var form = GemeindeSearchForm(request: request)
        var page: PlacePage?
        var status = HTTPResponseStatus.ok
        do {
            let query = try form.query(catalog: catalog)
            page = try? catalog.places(query)
        } catch {
            form.error = error.message
            status = .badRequest
        }
        return HTMLResponse.render(GemeindeListPage(form: form, page: page, catalog: catalog), status: status, request: request)
    }

    @Sendable func gemeinde(request: Request) async throws -> Response {
        let ags = try request.parameters.digits("ags", count: 8, label: "Gemeindeschlüssel (AGS)")
        let catalog = request.register
        guard let gemeinde = catalog.gemeinde(ags: ags) else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde mit dem Schlüssel \(ags).")
        }
        let panel = gemeinde.isGemeindefrei || catalog.historical[ags] != nil ? nil : try await request.townPanel(key: ags)
        return HTMLResponse.render(
            GemeindeProfilePage(
                gemeinde: gemeinde, catalog: catalog, panel: panel, kreisMap: await kreisMap(of: gemeinde, catalog: catalog, request: request)),
            request: request)
    }

    /// The town's Kreis with its neighbours and the ten nearest towns, when the Kreis shapes are there.
    private func kreisMap(of gemeinde: Gemeinde, catalog: RegisterCatalog, request: Request) async -> KreisLocatorMap? {
        guard gemeinde.coordinate != nil else { return nil }
        let nearest = catalog.nearest(to: gemeinde.ags, count: 10)
        // The frame takes in the nearest towns up to 40 km away (a sparse register's farther ones stay off the map).
        let points = ([gemeinde] + nearest.filter { $0.km <= 40 }.map(\.gemeinde)).compactMap(\.coordinate).map(MapProjection.germany.project)
        guard
            let area = await request.application.kreisShapes.area(
                of: [gemeinde.kreisKey], including: points, width: KreisLocatorMap.width, height: KreisLocatorMap.height,
                margin: KreisLocatorMap.margin,
                logger: request.logger), let center = area.inside.first
        else { return nil }
        return KreisLocatorMap(
            gemeinde: gemeinde, kreisName: catalog.unit(key: gemeinde.kreisKey)?.kreisLabel ?? center.name,
            center: center, around: area.around,
            frame: area.frame, nearest: nearest.map(\.gemeinde), others: catalog.gemeinden(in: gemeinde.kreisKey))
    }

    @Sendable func kreise(request: Request) async throws -> Response {
        HTMLResponse.render(KreisListPage(catalog: request.register), request: request)
    }

    @Sendable func kreis(request: Request) async throws -> Response {
        try await area(request, parameter: "ags5", kind: .kreis, label: "Kreisschlüssel", missing: "keinen Kreis")
    }

    /// An Amt, Samtgemeinde, Verbandsgemeinde …: its Gemeinden. The "Verband" of a verbandsfreie
    /// Gemeinde is that Gemeinde, whose page it leads to.
    @Sendable func gemeindeverband(request: Request) async throws -> Response {
        let key = try request.parameters.digits("ars9", count: 9, label: "Verbandsschlüssel (ARS)")
        let catalog = request.register
        guard let unit = catalog.unit(key: key), unit.kind == .gemeindeverband else {
            throw ProblemDetails.notFound("Es gibt keinen Gemeindeverband mit dem Schlüssel \(key).")
        }
        let members = catalog.gemeinden(in: key)
        if unit.typeCode == 50, members.count == 1 {
            return request.redirect(to: "/gemeinden/\(members[0].ags)", redirectType: .normal)
        }
        return HTMLResponse.render(AreaPage(unit: unit, catalog: catalog, panel: nil), request: request)
    }

    @Sendable func laender(request: Request) async throws -> Response {
        HTMLResponse.render(LandListPage(catalog: request.register), request: request)
    }

    @Sendable func land(request: Request) async throws -> Response {
        try await area(request, parameter: "code", kind: .land, label: "Landesschlüssel", missing: "kein Land")
    }

    @Sendable func regierungsbezirk(request: Request) async throws -> Response {
        try await area(request, parameter: "code", kind: .regierungsbezirk, label: "Regierungsbezirksschlüssel", missing: "keinen Regierungsbezirk")
    }

    /// The page of a Kreis, Land or Regierungsbezirk named by a path parameter.
    private func area(_ request: Request, parameter: String, kind: GebietsebeneKind, label: String, missing: String) async throws -> Response {
        let key = try request.parameters.digits(parameter, count: kind.keyLength, label: label)
        let catalog = request.register
        guard let unit = catalog.unit(key: key), unit.kind == kind else {
            throw ProblemDetails.notFound("Es gibt \(missing) mit dem Schlüssel \(key).")
        }
        let panel = kind == .kreis ? try await request.townPanel(key: key) : nil
        // The register's page stands without the atlas when its figures cannot be read now.
        let figures = try? await request.atlasSnapshot().figures(nil)
        return HTMLResponse.render(
            AreaPage(
                unit: unit, catalog: catalog, panel: panel, figures: figures,
                map: figures == nil ? nil : await AreaMaps.map(of: unit, figures: figures!, catalog: catalog, request: request)
            ),
            request: request)
    }

    @Sendable func sources(request: Request) async throws -> Response {
        HTMLResponse.render(SourcesPage(gebietsstand: request.register.gebietsstand), request: request)
    }
}
