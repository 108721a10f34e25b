import Fluent
import SQLKit
import Vapor

/// For a signed-in person on every page of the site: the number of unread notifications for the
/// navigation (server-rendered, so it works without JavaScript); opening the page a notification
/// links to marks it read; and being active at all marks what waits for a digest as seen, so the
/// digest does not mail it again (Discourse's rule). One query per request; a write only when
/// something changes.
struct NotificationBadgeMiddleware: AsyncMiddleware {
    private struct Counts: Decodable {
        var unread: Int
        var opened: Int
        var unseen: Int
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let userID = request.currentUser?.id, let sql = request.db as? any SQLDatabase else { return try await next.respond(to: request) }
        let path = request.url.path
        let opensPage = request.method == .GET && !path.hasPrefix("/benachrichtigungen")
        let counts =
            try await sql.raw(
                """
                SELECT COUNT(*) AS unread, \
                COALESCE(SUM(CASE WHEN \(Self.links(to: path)) THEN 1 ELSE 0 END), 0) AS opened, \
                COALESCE(SUM(CASE WHEN awaits_digest AND digested_at IS NULL AND seen_at IS NULL THEN 1 ELSE 0 END), 0) AS unseen \
                FROM notifications WHERE user_id = \(bind: userID) AND read_at IS NULL
                """
            ).first(decoding: Counts.self) ?? Counts(unread: 0, opened: 0, unseen: 0)
        if counts.unseen > 0 {
            try await sql.raw(
                """
                UPDATE notifications SET seen_at = \(bind: request.now) \
                WHERE user_id = \(bind: userID) AND read_at IS NULL AND awaits_digest AND digested_at IS NULL AND seen_at IS NULL
                """
            ).run()
        }
        let marksOpened = opensPage && counts.opened > 0
        request.unreadNotifications = counts.unread - (marksOpened ? counts.opened : 0)
        let response = try await next.respond(to: request)
        if marksOpened, (200..<300).contains(response.status.code) {
            try await sql.raw(
                """
                UPDATE notifications SET read_at = \(bind: request.now) \
                WHERE user_id = \(bind: userID) AND read_at IS NULL AND \(Self.links(to: path))
                """
            ).run()
        }
        return response
    }

    /// Notifications that link to this page: the path itself, or with a fragment or query after it.
    private static func links(to path: String) -> SQLQueryString {
        let length = path.unicodeScalars.count + 1
        return "(link = \(bind: path) OR substr(link, 1, \(literal: length)) IN (\(bind: path + "#"), \(bind: path + "?")))"
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
