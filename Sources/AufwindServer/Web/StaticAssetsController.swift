import Vapor

/// Serves the one stylesheet from memory: no files to locate at run time, no CDN.
struct StaticAssetsController: RouteCollection {
    static let stylesheetPath = "/static/aufwind.css"

    static let faviconPath = "/static/favicon.svg"
    static let planningScriptPath = "/static/planung.js"
    static let stageScriptPath = "/static/buehne.js"
    /// A rising wind arrow on Aufwind blue.
    static let favicon =
        ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#073763"/><path d="M6 22 Q14 20 18 12 L15 12 L21 5 L24 14 L21 13 Q17 22 6 24 Z" fill="#ffffff"/></svg>"##

    func boot(routes: any RoutesBuilder) throws {
        routes.get("static", "favicon.svg") { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
            headers.add(name: .cacheControl, value: "public, max-age=86400")
            return Response(status: .ok, headers: headers, body: .init(string: Self.favicon))
        }
        for (name, script) in [("planung.js", EventScripts.planning), ("buehne.js", EventScripts.stage)] {
            routes.get("static", .constant(name)) { _ -> Response in
                var headers = HTTPHeaders()
                headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
                headers.add(name: .cacheControl, value: "public, max-age=3600")
                return Response(status: .ok, headers: headers, body: .init(string: script))
            }
        }
        routes.get("favicon.ico") { req in req.redirect(to: Self.faviconPath, redirectType: .permanent) }
        routes.get("static", "aufwind.css") { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            headers.add(name: .cacheControl, value: "public, max-age=3600")
            return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
        }
    }
}
