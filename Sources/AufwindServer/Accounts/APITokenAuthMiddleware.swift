import Fluent
import Vapor

/// Write access to the API: a personal token in `Authorization: Bearer …`, never a session cookie.
/// `optional` for reads that show a town's members more: without an `Authorization` header the
/// request stays anonymous; a header with a bad token is a 401 all the same.
struct APITokenAuthMiddleware: AsyncMiddleware {
    var optional = false

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if optional, request.headers[.authorization].isEmpty { return try await next.respond(to: request) }
        guard let bearer = request.headers.bearerAuthorization?.token, !bearer.isEmpty, bearer.count <= 200 else {
            throw ProblemDetails(
                title: "Anmeldung erforderlich", status: 401,
                detail:
                    "Schreibzugriff auf die API nur mit einem persönlichen API-Token (Authorization: Bearer …); Sitzungs-Cookies gelten hier nicht.")
        }
        guard let token = try await APITokenModel.query(on: request.db).filter(\.$tokenHash == SecureToken.hash(bearer)).with(\.$user).first(),
            token.isUsable(at: request.now)
        else {
            throw ProblemDetails(title: "Token ungültig", status: 401, detail: "Das API-Token ist unbekannt, abgelaufen oder widerrufen.")
        }
        if token.scopeValue == .read, request.method != .GET, request.method != .HEAD {
            throw ProblemDetails(
                title: "Nicht erlaubt", status: 403,
                detail: "Dieses API-Token darf nur lesen. Für Änderungen erstellen Sie unter /konto/tokens ein Token mit Schreibrecht.")
        }
        // Recorded to the minute: a write per request would cost more than it tells.
        if (token.lastUsedAt ?? .distantPast) < request.now.addingTimeInterval(-60) {
            token.lastUsedAt = request.now
            try await token.save(on: request.db)
        }
        request.authenticateForAPI(token.user, actor: try await MembershipService.actor(for: token.user, on: request.db))
        return try await next.respond(to: request)
    }
}

/// The HTML site refuses API tokens: forms are for people with a session.
struct RejectAPITokensMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET, request.headers.bearerAuthorization != nil {
            throw ProblemDetails(title: "Nicht erlaubt", status: 403, detail: "API-Tokens gelten nur für die API unter /api/v1, nicht für Formulare.")
        }
        return try await next.respond(to: request)
    }
}
