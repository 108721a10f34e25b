import AufwindCore
import Fluent
import Foundation

/// The account's sign-ins (when and when last seen; the session secrets are stored as hashes).
struct WebSessionPersonalData: PersonalDataOwner {
    struct Session: Encodable, Sendable {
        var angemeldet: Date
        var zuletztAktiv: Date
    }

    var columns: [PersonalColumn] { PersonalColumn.deleted(WebSessionModel.schema, ["user_id"], exportedIn: "sitzungen") }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let sessions = try await WebSessionModel.query(on: context.database).filter(\.$user.$id == subject.id).sort(\.$createdAt).all()
        return [PersonalDataSection("sitzungen", sessions.map { Session(angemeldet: $0.createdAt, zuletztAktiv: $0.lastSeenAt) })]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await WebSessionModel.query(on: context.database).filter(\.$user.$id == subject.id).delete()
    }
}
