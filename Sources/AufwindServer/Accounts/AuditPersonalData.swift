import AufwindCore
import Fluent
import Foundation

/// What the account did that the audit log records; the entries stay, by an "ehemaliges Mitglied".
struct AuditPersonalData: PersonalDataOwner {
    struct Entry: Encodable, Sendable {
        var aktion: String
        var gegenstand: String
        var detail: String
        var zeitpunkt: Date?
    }

    var columns: [PersonalColumn] { PersonalColumn.anonymised(AuditEntryModel.schema, ["actor_id", "actor_name"], exportedIn: "protokoll") }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let entries = try await AuditEntryModel.query(on: context.database).filter(\.$actorID == subject.id).all()
        return [
            PersonalDataSection(
                "protokoll", entries.map { Entry(aktion: $0.action, gegenstand: $0.subject, detail: $0.detail, zeitpunkt: $0.createdAt) })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await AuditEntryModel.query(on: context.database).filter(\.$actorID == subject.id)
            .set(\.$actorID, to: nil).set(\.$actorName, to: FormerMember.name).update()
    }
}
