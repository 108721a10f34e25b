import AufwindCore
import Fluent
import Foundation

/// Messages the account sent with the contact form (signed in, or from its address): in the
/// export, deleted with the account together with the mail that carried them to the operator.
struct ContactMessagePersonalData: PersonalDataOwner {
    struct Message: Encodable, Sendable {
        var name: String
        var email: String
        var betreff: String
        var nachricht: String
        var gesendet: Date
    }

    var columns: [PersonalColumn] {
        PersonalColumn.deleted(ContactMessageModel.schema, ["user_id", "sender_name", "sender_email"], exportedIn: "kontaktnachrichten")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let messages = try await messages(of: subject, on: context.database).sort(\.$createdAt).all()
        return [
            PersonalDataSection(
                "kontaktnachrichten",
                messages.map {
                    Message(name: $0.senderName, email: $0.senderEmail, betreff: $0.subject, nachricht: $0.message, gesendet: $0.createdAt)
                })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        let mails = try await messages(of: subject, on: db).all().compactMap(\.mailID)
        try await messages(of: subject, on: db).delete()
        if !mails.isEmpty { try await MailModel.query(on: db).filter(\.$id ~~ mails).delete() }
    }

    private func messages(of subject: DataSubject, on db: any Database) -> QueryBuilder<ContactMessageModel> {
        ContactMessageModel.query(on: db).group(.or) { $0.filter(\.$userID == subject.id).filter(\.$senderEmail == subject.email) }
    }
}
