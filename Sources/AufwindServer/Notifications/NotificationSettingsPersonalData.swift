import AufwindCore
import Fluent
import Foundation
import SQLKit

/// The account's mail settings per category and the record of which digests it was sent: exported,
/// and deleted with the account.
struct NotificationSettingsPersonalData: PersonalDataOwner {
    struct Setting: Encodable, Sendable {
        var kategorie: String
        var haeufigkeit: String
    }

    struct Digest: Encodable, Sendable, Decodable {
        var cadence: String
        var period: String
    }

    var columns: [PersonalColumn] {
        PersonalColumn.deleted(NotificationPreferenceModel.schema, ["user_id"], exportedIn: "benachrichtigungsEinstellungen")
            + PersonalColumn.deleted(NotificationDigestClaims.users, ["user_id"], exportedIn: "zusammenfassungen")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let settings = try await NotificationPreferenceModel.query(on: context.database).filter(\.$userID == subject.id).all()
        let sql = try context.database.sql()
        let digests = try await sql.select().columns("cadence", "period").from(NotificationDigestClaims.users)
            .where("user_id", .equal, subject.id).orderBy("period").all(decoding: Digest.self)
        return [
            PersonalDataSection(
                "benachrichtigungsEinstellungen",
                settings.map { Setting(kategorie: $0.category, haeufigkeit: $0.cadence) }.sorted { $0.kategorie < $1.kategorie }),
            PersonalDataSection("zusammenfassungen", digests),
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await NotificationPreferenceModel.query(on: context.database).filter(\.$userID == subject.id).delete()
        let sql = try context.database.sql()
        try await sql.delete(from: NotificationDigestClaims.users).where("user_id", .equal, subject.id).run()
    }
}
