import AufwindCore
import Fluent
import Foundation

/// Mails to every address the account had: in the export with the links in them made useless,
/// deleted with the account.
struct MailPersonalData: PersonalDataOwner {
    struct Mail: Encodable, Sendable {
        var an: String
        var betreff: String
        var erstellt: Date?
        var text: String
    }

    var columns: [PersonalColumn] { PersonalColumn.deleted(MailModel.schema, ["user_id", "recipient"], exportedIn: "emails") }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let mails = try await mails(of: subject, on: context.database).sort(\.$createdAt).all()
        return [
            PersonalDataSection(
                "emails",
                mails.map { Mail(an: $0.recipient, betreff: $0.subject, erstellt: $0.createdAt, text: LogRedaction.redactLinks(in: $0.body)) })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await mails(of: subject, on: context.database).delete()
    }

    private func mails(of subject: DataSubject, on db: any Database) -> QueryBuilder<MailModel> {
        MailModel.query(on: db).group(.or) { $0.filter(\.$userID == subject.id).filter(\.$recipient == subject.email) }
    }
}
