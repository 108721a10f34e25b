import AufwindCore
import Vapor

/// The one-click unsubscribe of notification mails (RFC 8058), without login: the signed link
/// (`UnsubscribeLink`) is the credential. GET only asks (mail scanners that follow links change
/// nothing); POST — the button, or the mail program's one-click POST — sets the categories to "nie".
/// Registered outside the CSRF check: the signature authenticates the request.
struct UnsubscribeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("abmelden", ":token", use: show)
        routes.post("abmelden", ":token", use: unsubscribe)
    }

    private func target(_ request: Request) async throws -> (UnsubscribeLink.Target, UserModel) {
        let token = request.parameters.get("token") ?? ""
        let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: request.db))
        guard let target = links.verify(token) else {
            throw ProblemDetails(
                title: "Ungültiger Abmeldelink", status: 400,
                detail:
                    "Dieser Link zum Abbestellen ist ungültig oder unvollständig; es wurde nichts geändert. Bitte verwenden Sie den Link aus der E-Mail "
                    + "vollständig, oder ändern Sie Ihre Benachrichtigungen nach der Anmeldung unter „Mein Konto“.")
        }
        guard let user = try await UserModel.find(target.userID, on: request.db) else {
            throw ProblemDetails.notFound("Das Konto zu diesem Link gibt es nicht mehr; es werden keine E-Mails mehr gesendet.")
        }
        return (target, user)
    }

    @Sendable func show(request: Request) async throws -> Response {
        let (target, user) = try await target(request)
        let cadences = try await NotificationPreferences(database: request.db).cadences(of: user.requireID())
        let done = target.categories.allSatisfy { cadences[$0] == .nie }
        return HTMLResponse.render(
            UnsubscribePage(
                categories: target.categories, done: done, action: "/abmelden/\(request.parameters.get("token") ?? "")",
                csrf: CSRF.token(for: request)),
            request: request)
    }

    @Sendable func unsubscribe(request: Request) async throws -> Response {
        let (target, user) = try await target(request)
        try await NotificationPreferences(database: request.db).set(
            Dictionary(uniqueKeysWithValues: target.categories.map { ($0, .nie) }), for: user.requireID(), now: request.now)
        request.logger.info("E-Mails abbestellt: \(target.categories.map(\.rawValue).joined(separator: ", "))")
        return request.redirect(to: "/abmelden/\(request.parameters.get("token") ?? "")", notice: .unsubscribed)
    }
}
