import AufwindCore
import Fluent
import Foundation

/// Interest requests the account sent or decided: they stay between the towns, by an "ehemaliges Mitglied".
struct InterestRequestPersonalData: PersonalDataOwner {
    struct Sent: Encodable, Sendable {
        var eintrag: String
        var von: String
        var an: String
        var nachricht: String
        var status: String
        var zeitpunkt: Date?
    }
    struct Decided: Encodable, Sendable {
        var eintrag: String
        var von: String
        var an: String
        var status: String
        var entschieden: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.anonymised(InterestRequestModel.schema, ["requested_by", "requester_name"], exportedIn: "anfragen")
            + PersonalColumn.anonymised(InterestRequestModel.schema, ["decided_by", "decided_by_name"], exportedIn: "anfrageEntscheidungen")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let db = context.database
        let sent = try await InterestRequestModel.query(on: db).filter(\.$requestedBy == subject.id).sort(\.$createdAt).all()
        let decided = try await InterestRequestModel.query(on: db).filter(\.$decidedBy == subject.id).sort(\.$decidedAt).all()
        let titles = try await ItemTitles.of((sent + decided).map(\.itemID), on: db)
        return [
            PersonalDataSection(
                "anfragen",
                sent.map {
                    Sent(
                        eintrag: titles[$0.itemID] ?? "", von: $0.fromKey, an: $0.toKey, nachricht: $0.message, status: $0.status,
                        zeitpunkt: $0.createdAt)
                }),
            PersonalDataSection(
                "anfrageEntscheidungen",
                decided.map { Decided(eintrag: titles[$0.itemID] ?? "", von: $0.fromKey, an: $0.toKey, status: $0.status, entschieden: $0.decidedAt) }
            ),
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        try await InterestRequestModel.query(on: db).filter(\.$requestedBy == subject.id)
            .set(\.$requestedBy, to: nil).set(\.$requesterName, to: FormerMember.name).update()
        try await InterestRequestModel.query(on: db).filter(\.$decidedBy == subject.id)
            .set(\.$decidedBy, to: nil).set(\.$decidedByName, to: FormerMember.name).update()
    }
}
