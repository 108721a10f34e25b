import AufwindCore
import Fluent
import Foundation

/// When the person last opened the home base: exported, and deleted with the account.
struct HomeVisitPersonalData: PersonalDataOwner {
    struct Visit: Encodable, Sendable {
        var letzterBesuch: Date
        var besuchDavor: Date?
    }

    var columns: [PersonalColumn] { PersonalColumn.deleted(HomeVisitModel.schema, ["user_id"], exportedIn: "meinAufwindBesuche") }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let visits = try await HomeVisitModel.query(on: context.database).filter(\.$userID == subject.id).all()
        return [PersonalDataSection("meinAufwindBesuche", visits.map { Visit(letzterBesuch: $0.seenAt, besuchDavor: $0.previousSeenAt) })]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await HomeVisitModel.query(on: context.database).filter(\.$userID == subject.id).delete()
    }
}
