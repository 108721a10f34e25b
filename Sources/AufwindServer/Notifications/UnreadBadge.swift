import Foundation
import SQLKit

/// The statements behind the unread count in the navigation (`NotificationBadgeMiddleware`): one
/// read per signed-in page, a write only when something changes.
struct UnreadBadge {
    struct Counts: Decodable, Equatable {
        /// Unread notifications of the user.
        var unread: Int
        /// Unread ones that link to the requested page (opening it reads them).
        var opened: Int
        /// Unread ones waiting for a digest that the user has not seen in the app yet.
        var unseen: Int
    }

    let sql: any SQLDatabase
    let userID: UUID

    /// The three counts for a request of `path`, in one statement.
    func counts(page path: String) async throws -> Counts {
        try await sql.raw(countsStatement(page: path)).first(decoding: Counts.self) ?? Counts(unread: 0, opened: 0, unseen: 0)
    }

    /// The counts from `cache` when it holds the person's unread notifications; else read (the list,
    /// kept in the cache, or the counts alone for someone with very many unread).
    func counts(page path: String, cache: UnreadBadgeCache, now: Date) async throws -> Counts {
        guard cache.isEnabled else { return try await counts(page: path) }
        if let counts = cache.counts(userID: userID, page: path, now: now) { return counts }
        let generation = cache.generation
        let limit = UnreadBadgeCache.maximumKept + 1
        let unread = try await sql.raw(
            """
            SELECT link, (awaits_digest AND digested_at IS NULL AND seen_at IS NULL) AS unseen \
            FROM notifications WHERE user_id = \(bind: userID) AND read_at IS NULL LIMIT \(literal: limit)
            """
        ).all(decoding: UnreadBadgeCache.Unread.self)
        guard unread.count <= UnreadBadgeCache.maximumKept else { return try await counts(page: path) }
        cache.store(unread, userID: userID, now: now, readAt: generation)
        return UnreadBadgeCache.counts(unread, page: path)
    }

    /// Whether a notification's link points to the page (the path, or with a fragment or query after
    /// it), as `links(to:)` says in SQL.
    static func links(_ link: String, to path: String) -> Bool {
        link == path || link.hasPrefix(path + "#") || link.hasPrefix(path + "?")
    }

    /// Reads only the user's unread notifications (the partial index `notifications_unread`, 030).
    func countsStatement(page path: String) -> SQLQueryString {
        """
        SELECT COUNT(*) AS unread, \
        COALESCE(SUM(CASE WHEN \(Self.links(to: path)) THEN 1 ELSE 0 END), 0) AS opened, \
        COALESCE(SUM(CASE WHEN awaits_digest AND digested_at IS NULL AND seen_at IS NULL THEN 1 ELSE 0 END), 0) AS unseen \
        FROM notifications WHERE user_id = \(bind: userID) AND read_at IS NULL
        """
    }

    /// Being active marks what waits for a digest as seen: the digest does not mail it again.
    func markSeen(now: Date) async throws {
        try await sql.raw(
            """
            UPDATE notifications SET seen_at = \(bind: now) \
            WHERE user_id = \(bind: userID) AND read_at IS NULL AND awaits_digest AND digested_at IS NULL AND seen_at IS NULL
            """
        ).run()
    }

    /// Opening a page reads the notifications that link to it.
    func markOpened(page path: String, now: Date) async throws {
        try await sql.raw(
            """
            UPDATE notifications SET read_at = \(bind: now) \
            WHERE user_id = \(bind: userID) AND read_at IS NULL AND \(Self.links(to: path))
            """
        ).run()
    }

    /// Notifications that link to this page: the path itself, or with a fragment or query after it.
    private static func links(to path: String) -> SQLQueryString {
        let length = path.unicodeScalars.count + 1
        return "(link = \(bind: path) OR substr(link, 1, \(literal: length)) IN (\(bind: path + "#"), \(bind: path + "?")))"
    }
}
