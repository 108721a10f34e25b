import AufwindCore
import Fluent
import Foundation

/// Messages the account wrote in cooperations: the threads keep them, without the name.
struct MessagePersonalData: PersonalDataOwner {
    struct Message: Encodable, Sendable {
        var kooperation: String
        var kommune: String
        var text: String
        var zeitpunkt: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.anonymised(CooperationMessageModel.schema, ["author_id", "author_name"], exportedIn: "nachrichten")
            + PersonalColumn.kept(
                CooperationMessageModel.schema, ["author_key"], because: "the key of the town the message was written for, not a person")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let messages = try await CooperationMessageModel.query(on: context.database).filter(\.$authorID == subject.id).all()
        return [
            PersonalDataSection(
                "nachrichten",
                messages.map {
                    Message(kooperation: $0.cooperationID.uuidString.lowercased(), kommune: $0.authorKey, text: $0.body, zeitpunkt: $0.createdAt)
                })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await CooperationMessageModel.query(on: context.database).filter(\.$authorID == subject.id)
            .set(\.$authorID, to: nil).set(\.$authorName, to: FormerMember.name).update()
    }
}
