import Vapor

/// Serves the site's assets under content-hashed names, cached for a year (`immutable`: a new
/// build with a changed file links a new name). An outdated hash (a page from before a
/// deployment) is sent on to the current file; the old unhashed URLs still answer, briefly cached.
struct StaticAssetsController: RouteCollection {
    static let immutable = "public, max-age=31536000, immutable"
    static let unhashed = "public, max-age=3600"

    let catalog: AssetCatalog

    init(catalog: AssetCatalog = .site) { self.catalog = catalog }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", ":file") { request -> Response in
            guard let (asset, isCurrent) = catalog.lookUp(hashedName: request.parameters.get("file") ?? "") else {
                throw ProblemDetails.notFound("Diese Datei gibt es nicht.")
            }
            guard isCurrent else {
                let response = request.redirect(to: asset.path, redirectType: .temporary)
                response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
                return response
            }
            return Self.response(asset, cacheControl: Self.immutable)
        }
        for asset in catalog.assets.values {
            routes.get("static", .constant(asset.kind.fileName)) { _ in Self.response(asset, cacheControl: Self.unhashed) }
        }
        // Browsers and feed readers ask at the root; both answer the SVG logo.
        routes.get("favicon.svg") { _ in Self.response(catalog[.favicon], cacheControl: Self.unhashed) }
        routes.get("favicon.ico") { request in request.redirect(to: catalog[.favicon].unhashedPath, redirectType: .permanent) }
    }

    private static func response(_ asset: AssetCatalog.Asset, cacheControl: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = asset.kind.contentType
        headers.replaceOrAdd(name: .cacheControl, value: cacheControl)
        return Response(status: .ok, headers: headers, body: .init(buffer: asset.content))
    }
}
