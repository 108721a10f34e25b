import AufwindCore
import Fluent
import Foundation

/// Anbieter and Veranstalter organisations the account founded: they stay, without their founder.
struct OrganisationPersonalData: PersonalDataOwner {
    struct Organisation: Encodable, Sendable {
        var name: String
        var art: String
        var status: String
        var gegruendet: Date?
    }

    var columns: [PersonalColumn] { PersonalColumn.anonymised(OrganisationModel.schema, ["founded_by"], exportedIn: "gegruendeteOrganisationen") }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let founded = try await OrganisationModel.query(on: context.database).filter(\.$foundedBy == subject.id).sort(\.$name).all()
        return [
            PersonalDataSection(
                "gegruendeteOrganisationen",
                founded.map { Organisation(name: $0.name, art: $0.kind, status: $0.status, gegruendet: $0.createdAt) })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await OrganisationModel.query(on: context.database).filter(\.$foundedBy == subject.id).set(\.$foundedBy, to: nil).update()
    }
}
