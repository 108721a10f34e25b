import AufwindCore
import Fluent
import Foundation

/// The name of the admin who last edited a funding programme: kept (see the reason).
struct FundingPersonalData: PersonalDataOwner {
    var columns: [PersonalColumn] {
        PersonalColumn.kept(
            FundingProgrammeModel.schema, ["updated_by_name"],
            because:
                "a display name copied at the time of the edit and not linked to the account; the audit log holds the link and is anonymised")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] { [] }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {}
}
