import Fluent
import Foundation
import Vapor

@testable import AufwindServer

/// What reached a person: the texts of their in-app notifications and the mails in the outbox.
struct NotificationProbe {
    let app: Application

    func notes(_ email: String) async throws -> [NotificationModel] {
        guard let user = try await UserModel.query(on: app.db).filter(\.$email == email).first() else { return [] }
        return try await NotificationModel.query(on: app.db).filter(\.$userID == user.requireID()).sort(\.$createdAt).all()
    }

    func texts(_ email: String) async throws -> [String] { try await notes(email).map(\.text) }

    func mails(_ recipient: String) async throws -> [MailModel] {
        try await MailModel.query(on: app.db).filter(\.$recipient == recipient).sort(\.$createdAt).all()
    }

    func subjects(_ recipient: String) async throws -> [String] { try await mails(recipient).map(\.subject) }
}
