import AufwindCore
import Fluent
import Vapor

/// The notification centre `/benachrichtigungen`: newest first, filtered by category, 25 per page;
/// mark one or all read (303 back with a success message, or on to the notification's page).
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("benachrichtigungen", use: list)
        routes.post("benachrichtigungen", "gelesen", use: markAllRead)
        routes.post("benachrichtigungen", ":id", "gelesen", use: markRead)
    }

    struct Filter: Content {
        var kategorie: String?
        var seite: Int?
    }

    struct MarkForm: Content {
        var kategorie: String?
        var seite: Int?
        /// Set by the "Öffnen" button: on to the notification's page instead of back to the list.
        var oeffnen: String?
    }

    static func path(category: NotificationCategory?, page: Int = 1) -> String {
        var query: [String] = []
        if let category { query.append("kategorie=\(category.rawValue)") }
        if page > 1 { query.append("seite=\(page)") }
        return "/benachrichtigungen" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let filter = (try? request.query.decode(Filter.self)) ?? Filter()
        let category = filter.kategorie.flatMap(NotificationCategory.init(rawValue:))
        let number = min(max(filter.seite ?? 1, 1), 100_000)
        let centre = NotificationCentre(database: request.db, userID: try user.requireID())
        let page = try await centre.page(number, category: category)
        let view = NotificationCentrePage(
            entries: page.entries.map {
                .init(
                    id: $0.id?.uuidString.lowercased() ?? "", text: $0.text, link: $0.link, category: $0.categoryValue, date: $0.createdAt,
                    unread: $0.readAt == nil)
            },
            category: category, page: number, hasNext: page.hasNext, unread: try await centre.unreadCount(), csrf: CSRF.token(for: request))
        return HTMLResponse.render(view, request: request)
    }

    @Sendable func markRead(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let id = request.parameters.get("id", as: UUID.self), let note = try await NotificationModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Benachrichtigung gibt es nicht.")
        }
        try request.authorize(.readNotification, .notification(recipientID: note.userID.uuidString))
        let form = (try? request.content.decode(MarkForm.self)) ?? MarkForm()
        try await NotificationCentre(database: request.db, userID: try user.requireID()).markRead(id, now: request.now)
        // Only a path on this site (what the notifiers store), never an address elsewhere.
        if form.oeffnen != nil, let link = ReturnPath.sanitized(note.link) {
            return request.redirect(to: link, redirectType: .normal)
        }
        let category = form.kategorie.flatMap(NotificationCategory.init(rawValue:))
        return request.redirect(to: Self.path(category: category, page: max(form.seite ?? 1, 1)), notice: .notificationRead)
    }

    @Sendable func markAllRead(request: Request) async throws -> Response {
        let user = try request.requireUser()
        try request.authorize(.readNotification, .notification(recipientID: try user.requireID().uuidString))
        let form = (try? request.content.decode(MarkForm.self)) ?? MarkForm()
        let category = form.kategorie.flatMap(NotificationCategory.init(rawValue:))
        try await NotificationCentre(database: request.db, userID: try user.requireID()).markAllRead(category: category, now: request.now)
        return request.redirect(to: Self.path(category: category), notice: .notificationsAllRead)
    }
}
