import AufwindCore
import Fluent
import Foundation

/// The notification centre's reads and writes for one user: a page of notifications (optionally
/// of one category), marking one or all read. Every statement is limited to the user's own rows.
struct NotificationCentre {
    static let pageSize = 25

    let database: any Database
    let userID: UUID

    struct Page {
        var entries: [NotificationModel]
        var hasNext: Bool
    }

    private func own() -> QueryBuilder<NotificationModel> {
        NotificationModel.query(on: database).filter(\.$userID == userID)
    }

    /// Page `number` (from 1), newest first.
    func page(_ number: Int, category: NotificationCategory?) async throws -> Page {
        var query = own()
        if let category { query = query.filter(\.$category == category.rawValue) }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .range(((number - 1) * Self.pageSize)..<(number * Self.pageSize + 1)).all()
        return Page(entries: Array(rows.prefix(Self.pageSize)), hasNext: rows.count > Self.pageSize)
    }

    func unreadCount() async throws -> Int {
        try await own().filter(\.$readAt == nil).count()
    }

    func markRead(_ id: UUID, now: Date) async throws {
        try await own().filter(\.$id == id).filter(\.$readAt == nil).set(\.$readAt, to: now).update()
    }

    /// All unread ones (of one category, when given); returns nothing, conditional on `read_at IS NULL`.
    func markAllRead(category: NotificationCategory?, now: Date) async throws {
        var query = own().filter(\.$readAt == nil)
        if let category { query = query.filter(\.$category == category.rawValue) }
        try await query.set(\.$readAt, to: now).update()
    }
}
