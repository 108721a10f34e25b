import Vapor

/// Serves the one stylesheet from memory: no files to locate at run time, no CDN.
struct StaticAssetsController: RouteCollection {
    static let stylesheetPath = "/static/aufwind.css"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("static", "aufwind.css") { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            headers.add(name: .cacheControl, value: "public, max-age=3600")
            return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
        }
    }
}
