import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Reads and writes a user's mail cadence per category.
struct NotificationPreferences {
    let database: any Database

    /// Every category with the user's cadence (the standard where they chose nothing).
    func cadences(of userID: UUID) async throws -> [NotificationCategory: NotificationCadence] {
        let rows = try await NotificationPreferenceModel.query(on: database).filter(\.$userID == userID).all()
        var result = Dictionary(uniqueKeysWithValues: NotificationCategory.allCases.map { ($0, NotificationCadence.standard(for: $0)) })
        for row in rows {
            if let category = NotificationCategory(rawValue: row.category), let cadence = NotificationCadence(rawValue: row.cadence) {
                result[category] = cadence
            }
        }
        return result
    }

    /// The cadence of one category for each of `userIDs`, in one query (the standard where a user
    /// chose nothing): what `Notifier` needs for all recipients of a message.
    func cadences(of userIDs: [UUID], for category: NotificationCategory) async throws -> [UUID: NotificationCadence] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await NotificationPreferenceModel.query(on: database).filter(\.$userID ~~ userIDs)
            .filter(\.$category == category.rawValue).all()
        var result = Dictionary(userIDs.map { ($0, NotificationCadence.standard(for: category)) }) { first, _ in first }
        for row in rows {
            if let cadence = NotificationCadence(rawValue: row.cadence) { result[row.userID] = cadence }
        }
        return result
    }

    func cadence(of userID: UUID, for category: NotificationCategory) async throws -> NotificationCadence {
        let row = try await NotificationPreferenceModel.query(on: database).filter(\.$userID == userID).filter(\.$category == category.rawValue)
            .first()
        return row.flatMap { NotificationCadence(rawValue: $0.cadence) } ?? .standard(for: category)
    }

    /// Sets the cadences given; one upsert per category, so two saves at once never collide.
    func set(_ cadences: [NotificationCategory: NotificationCadence], for userID: UUID, now: Date) async throws {
        let sql = try database.sql()
        for (category, cadence) in cadences.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try await sql.insert(into: NotificationPreferenceModel.schema)
                .columns("id", "user_id", "category", "cadence", "updated_at")
                .values(SQLBind(UUID()), SQLBind(userID), SQLBind(category.rawValue), SQLBind(cadence.rawValue), SQLBind(now))
                .onConflict(with: ["user_id", "category"]) {
                    $0.set(excludedValueOf: "cadence").set(excludedValueOf: "updated_at")
                }
                .run()
        }
    }

    /// The cadence of each category as SQL (the stored choice, else the standard), for the
    /// digest's set-based queries: `n` is the notification, `p` the joined preference row.
    static var effectiveCadenceSQL: String {
        let standard = NotificationCategory.allCases.map { "WHEN '\($0.rawValue)' THEN '\(NotificationCadence.standard(for: $0).rawValue)'" }
            .joined(separator: " ")
        return "COALESCE(p.cadence, CASE n.category \(standard) ELSE 'sofort' END)"
    }
}
