import AufwindCore
import Fluent
import Foundation

/// The account's in-app notifications: deleted with it.
struct NotificationPersonalData: PersonalDataOwner {
    struct Note: Encodable, Sendable {
        var text: String
        var link: String
        var zeitpunkt: Date?
        var gelesen: Date?
    }

    var columns: [PersonalColumn] { PersonalColumn.deleted(NotificationModel.schema, ["user_id"], exportedIn: "benachrichtigungen") }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let notes = try await NotificationModel.query(on: context.database).filter(\.$userID == subject.id).all()
        return [
            PersonalDataSection(
                "benachrichtigungen", notes.map { Note(text: $0.text, link: $0.link, zeitpunkt: $0.createdAt, gelesen: $0.readAt) })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await NotificationModel.query(on: context.database).filter(\.$userID == subject.id).delete()
    }
}
