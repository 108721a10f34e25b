import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

@testable import AufwindServer

/// Notifications and digest runs for tests, through the real `Notifier` and job.
enum NotificationFixture {
    static func message(
        _ category: NotificationCategory, _ text: String, link: String = "/mein-aufwind", detail: String? = nil
    ) -> NotificationMessage {
        NotificationMessage(category: category, subject: "Betreff: \(text)", text: text, detail: detail, link: link, action: "Ansehen")
    }

    static func notify(_ user: UserModel, _ message: NotificationMessage, app: Application) async throws {
        try await Notifier(database: app.db, baseURL: app.aufwindConfig.baseURL).notify(user, message)
    }

    static func prefer(_ cadence: NotificationCadence, for categories: [NotificationCategory], of user: UserModel, app: Application) async throws {
        try await NotificationPreferences(database: app.db).set(
            Dictionary(uniqueKeysWithValues: categories.map { ($0, cadence) }), for: user.requireID(), now: Date())
    }

    /// 7:30 German time on a Wednesday, and later days from there.
    static func morning(daysLater: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_773_815_400).addingTimeInterval(Double(daysLater) * 86_400)  // 2026-03-18 06:30 UTC
    }

    static func job(_ app: Application, at instant: Date, batchSize: Int = 500) -> NotificationDigestJob {
        NotificationDigestJob(
            database: app.db, baseURL: app.aufwindConfig.baseURL, schedule: DigestSchedule(hour: 7), clock: .fixed(instant), logger: app.logger,
            batchSize: batchSize)
    }

    static func mails(to user: UserModel, app: Application) async throws -> [MailModel] {
        try await MailModel.query(on: app.db).filter(\.$userID == user.requireID()).sort(\.$createdAt).all()
    }

    static func notes(of user: UserModel, app: Application) async throws -> [NotificationModel] {
        try await NotificationModel.query(on: app.db).filter(\.$userID == user.requireID()).all()
    }

    /// Another application on the same database (as a second server instance).
    static func instance(like app: Application) async throws -> Application {
        let other = try await Application.make(.testing)
        other.wallClock = app.wallClock
        try configure(other, config: app.aufwindConfig)
        return other
    }
}
