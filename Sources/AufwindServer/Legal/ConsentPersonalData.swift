import AufwindCore
import Fluent
import Foundation

/// The consent history: in the export, deleted with the account. An anonymised row would prove
/// nobody's agreement, and without the account there is no agreement left to prove.
struct ConsentPersonalData: PersonalDataOwner {
    struct Consent: Encodable, Sendable {
        var dokument: String
        var fassung: Int
        var zugestimmt: Date
    }

    var columns: [PersonalColumn] {
        PersonalColumn.deleted(ConsentModel.schema, ["user_id"], exportedIn: "einwilligungen")
            + PersonalColumn.deleted(UserModel.schema, ["accepted_terms_version"], exportedIn: "einwilligungen")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let history = try await Consents(database: context.database).history(userID: subject.id)
        return [
            PersonalDataSection("einwilligungen", history.map { Consent(dokument: $0.document, fassung: $0.version, zugestimmt: $0.acceptedAt) })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await ConsentModel.query(on: context.database).filter(\.$userID == subject.id).delete()
    }
}
