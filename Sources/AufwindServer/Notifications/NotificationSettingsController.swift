import AufwindCore
import Vapor

/// `/konto/benachrichtigungen`: per category sofort, täglich, wöchentlich or nie by mail.
struct NotificationSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("konto", "benachrichtigungen", use: show)
        routes.post("konto", "benachrichtigungen", use: save)
    }

    @Sendable func show(request: Request) async throws -> Response {
        let user = try request.requireUser()
        try request.authorize(.manageOwnAccount)
        let cadences = try await NotificationPreferences(database: request.db).cadences(of: user.requireID())
        return HTMLResponse.render(NotificationSettingsPage(cadences: cadences, errors: [], csrf: CSRF.token(for: request)), request: request)
    }

    @Sendable func save(request: Request) async throws -> Response {
        let user = try request.requireUser()
        try request.authorize(.manageOwnAccount)
        let form = (try? request.content.decode([String: String].self)) ?? [:]
        var chosen: [NotificationCategory: NotificationCadence] = [:]
        var errors: [String] = []
        for category in NotificationCategory.allCases {
            guard let raw = form[category.rawValue], let cadence = NotificationCadence(rawValue: raw) else {
                errors.append("Bitte wählen Sie für „\(category.title)“ sofort, täglich, wöchentlich oder nie.")
                continue
            }
            chosen[category] = cadence
        }
        let preferences = NotificationPreferences(database: request.db)
        guard errors.isEmpty else {
            var shown = try await preferences.cadences(of: user.requireID())
            shown.merge(chosen) { _, new in new }
            return HTMLResponse.render(
                NotificationSettingsPage(cadences: shown, errors: errors, csrf: CSRF.token(for: request)), status: .unprocessableEntity,
                request: request)
        }
        try await preferences.set(chosen, for: user.requireID(), now: request.now)
        return request.redirect(to: "/konto/benachrichtigungen", notice: .notificationSettingsSaved)
    }
}
