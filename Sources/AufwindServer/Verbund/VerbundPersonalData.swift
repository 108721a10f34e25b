import AufwindCore
import Fluent
import Foundation

/// Invitations to a Verbund the account answered for its town: the answers stay, without the name.
struct VerbundPersonalData: PersonalDataOwner {
    struct Decision: Encodable, Sendable {
        var verbund: String
        var mitglied: String
        var status: String
        var entschieden: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.anonymised(VerbundMemberModel.schema, ["decided_by", "decided_by_name"], exportedIn: "verbundEntscheidungen")
            + PersonalColumn.kept(
                VerbundMemberModel.schema, ["invitation_email"],
                because: "the address of a town with nobody on Aufwind (e.g. its Rathaus) where the lead mailed an invitation; tied to no account")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let db = context.database
        let decided = try await VerbundMemberModel.query(on: db).filter(\.$decidedBy == subject.id).sort(\.$decidedAt).all()
        let verbuende = decided.isEmpty ? [] : try await VerbundModel.query(on: db).filter(\.$id ~~ Array(Set(decided.map(\.verbundID)))).all()
        let names = Dictionary(verbuende.compactMap { verbund in verbund.id.map { ($0, verbund.name) } }, uniquingKeysWith: { first, _ in first })
        return [
            PersonalDataSection(
                "verbundEntscheidungen",
                decided.map {
                    Decision(verbund: names[$0.verbundID] ?? "", mitglied: $0.memberKey, status: $0.status, entschieden: $0.decidedAt)
                })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await VerbundMemberModel.query(on: context.database).filter(\.$decidedBy == subject.id)
            .set(\.$decidedBy, to: nil).set(\.$decidedByName, to: FormerMember.name).update()
    }
}
