import Fluent
import SQLKit
import Vapor

/// For a signed-in person on every page of the site: the number of unread notifications for the
/// navigation (server-rendered, so it works without JavaScript); opening the page a notification
/// links to marks it read; and being active at all marks what waits for a digest as seen, so the
/// digest does not mail it again (Discourse's rule). One query per request (none while the change
/// feed runs and the person's unread notifications are held: `UnreadBadgeCache`); a write only when
/// something changes.
struct NotificationBadgeMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let userID = request.currentUser?.id, let sql = request.db as? any SQLDatabase else { return try await next.respond(to: request) }
        let path = request.url.path
        let opensPage = request.method == .GET && !path.hasPrefix("/benachrichtigungen")
        let badge = UnreadBadge(sql: sql, userID: userID)
        let cache = request.application.unreadBadges
        let counts = try await badge.counts(page: path, cache: cache, now: request.now)
        if counts.unseen > 0 {
            try await badge.markSeen(now: request.now)
            cache.forget(userID: userID)
        }
        let marksOpened = opensPage && counts.opened > 0
        request.unreadNotifications = counts.unread - (marksOpened ? counts.opened : 0)
        let response = try await next.respond(to: request)
        if marksOpened, (200..<300).contains(response.status.code) {
            try await badge.markOpened(page: path, now: request.now)
            cache.forget(userID: userID)
        }
        return response
    }
}

extension Request {
    private struct UnreadKey: StorageKey { typealias Value = Int }

    /// Unread notifications of the signed-in person (nil when nobody is signed in).
    var unreadNotifications: Int? {
        get { storage[UnreadKey.self] }
        set { storage[UnreadKey.self] = newValue }
    }
}
