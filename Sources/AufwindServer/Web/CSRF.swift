import Vapor

/// Per-session CSRF token: every form carries it in `_csrf`, every POST is checked against it.
enum CSRF {
    static let fieldName = "_csrf"
    private static let sessionKey = "csrf"

    /// The session's token, created on first use.
    static func token(for request: Request) -> String {
        if let existing = request.session.data[sessionKey] { return existing }
        let token = SecureToken.make()
        request.session.data[sessionKey] = token
        return token
    }

    static func isValid(_ request: Request) -> Bool {
        guard let expected = request.session.data[sessionKey],
            let sent = try? request.content.get(String.self, at: fieldName)
        else { return false }
        return SecureToken.equal(expected, sent)
    }
}

/// Refuses every state-changing request of the HTML site whose CSRF token is missing or wrong.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET, request.method != .HEAD, !CSRF.isValid(request) {
            throw ProblemDetails(
                title: "Sicherheitsprüfung fehlgeschlagen", status: 403,
                detail: "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.")
        }
        return try await next.respond(to: request)
    }
}
