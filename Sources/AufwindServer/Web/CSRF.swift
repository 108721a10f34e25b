import Vapor

/// CSRF tokens: every form carries one in `_csrf`, every state-changing request of the HTML site
/// is checked against it. Signed in, the token belongs to the session (and changes with it);
/// before that, it lives in a cookie of its own (double submit), so anonymous visitors cause no
/// database writes.
enum CSRF {
    static let fieldName = "_csrf"
    static let cookieLifetime: TimeInterval = 7 * 86_400

    /// The token for this request's forms.
    static func token(for request: Request) -> String {
        if let session = request.webSession { return session.csrfToken }
        if let issued = request.storage[IssuedKey.self] { return issued }
        if let cookie = request.cookies[request.cookieName(.csrf)]?.string, SecureToken.isWellFormed(cookie) { return cookie }
        let token = SecureToken.make()
        request.storage[IssuedKey.self] = token
        request.setCookie(.csrf, token, maxAge: cookieLifetime)
        return token
    }

    /// Whether the request carries this browser's token; the body must be collected first.
    static func isValid(_ request: Request) -> Bool {
        let expected = request.webSession?.csrfToken ?? request.cookies[request.cookieName(.csrf)]?.string
        guard let expected, SecureToken.isWellFormed(expected), let sent = try? request.content.get(String.self, at: fieldName) else { return false }
        return SecureToken.equal(expected, sent)
    }

    private struct IssuedKey: StorageKey { typealias Value = String }
}

/// Refuses every state-changing request of the HTML site whose CSRF token is missing or wrong.
/// Reads the whole body first (up to the site's limit): a long form is checked, not refused.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET, request.method != .HEAD {
            try await request.collectBody()
            guard CSRF.isValid(request) else {
                throw ProblemDetails(
                    title: "Sicherheitsprüfung fehlgeschlagen", status: 403,
                    detail:
                        "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal."
                )
            }
        }
        return try await next.respond(to: request)
    }
}
