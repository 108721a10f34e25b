import AufwindCore
import Fluent
import Foundation

/// A town's published contact person: kept, because the town maintains it, not the account.
struct TownProfilePersonalData: PersonalDataOwner {
    var columns: [PersonalColumn] {
        PersonalColumn.kept(
            TownProfileModel.schema, ["contact_person", "contact_email"],
            because: "the town's published contact, maintained by its Verwalter and tied to no account")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] { [] }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {}
}
