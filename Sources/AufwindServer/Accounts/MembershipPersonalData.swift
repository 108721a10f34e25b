import AufwindCore
import Fluent
import Foundation

/// The account's memberships (deleted; a town left without a Verwalter is reported to the
/// admins) and the membership requests it decided (kept, without the decider).
struct MembershipPersonalData: PersonalDataOwner {
    struct Membership: Encodable, Sendable {
        var art: String
        var schluessel: String
        var rolle: String
        var status: String
        var nachricht: String
        var angefragt: Date?
        var entschieden: Date?
    }
    /// A request someone else made that the account decided (without the requester).
    struct Decision: Encodable, Sendable {
        var art: String
        var schluessel: String
        var status: String
        var entschieden: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.deleted(MembershipModel.schema, ["user_id"], exportedIn: "mitgliedschaften")
            + PersonalColumn.anonymised(MembershipModel.schema, ["decided_by"], exportedIn: "mitgliedschaftsEntscheidungen")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let own = try await MembershipModel.query(on: context.database).filter(\.$user.$id == subject.id).all()
        let decided = try await MembershipModel.query(on: context.database).filter(\.$decidedBy == subject.id).all()
        return [
            PersonalDataSection(
                "mitgliedschaften",
                own.map {
                    Membership(
                        art: $0.kind, schluessel: $0.orgKey, rolle: $0.role, status: $0.status, nachricht: $0.message, angefragt: $0.createdAt,
                        entschieden: $0.decidedAt)
                }),
            PersonalDataSection(
                "mitgliedschaftsEntscheidungen",
                decided.map { Decision(art: $0.kind, schluessel: $0.orgKey, status: $0.status, entschieden: $0.decidedAt) }),
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        try await MembershipModel.query(on: db).filter(\.$decidedBy == subject.id).set(\.$decidedBy, to: nil).update()
        try await MembershipService(database: db, baseURL: context.baseURL).removeAll(userID: subject.id, towns: context.towns)
    }
}
