import Vapor

/// Headers every response carries: no inline script, no framing, no sniffing; HSTS behind
/// HTTPS; `Cache-Control: no-store` on everything private (a signed-in page, an answer to an
/// API token, a page with a form token or a cookie); `WWW-Authenticate` on every 401 (RFC 9110).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value:
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
        )
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if request.application.aufwindConfig.secureCookies {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        let isPrivate =
            request.currentUser != nil || request.setsCookies || response.headers.first(name: .setCookie) != nil
            || request.headers.bearerAuthorization != nil
        if isPrivate {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if response.status == .unauthorized, response.headers.first(name: .wwwAuthenticate) == nil {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"Aufwind\"")
        }
        return response
    }
}
