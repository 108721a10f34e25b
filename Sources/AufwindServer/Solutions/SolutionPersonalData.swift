import AufwindCore
import Fluent
import Foundation

/// Solutions the account published and references it proposed, confirmed or is named in as the
/// person to ask: the solutions and references stay with their Anbieter and towns, without the
/// account; a reference stops naming the account as its contact.
struct SolutionPersonalData: PersonalDataOwner {
    struct Solution: Encodable, Sendable {
        var name: String
        var angelegt: Date?
    }
    struct Reference: Encodable, Sendable {
        var loesung: String
        var kommune: String
        var stand: String
        var rolle: String
        var zeitpunkt: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.anonymised(SolutionModel.schema, ["created_by"], exportedIn: "loesungen")
            + PersonalColumn.kept(
                SolutionModel.schema, ["contact_name", "contact_email"],
                because: "the solution's contact as its publisher wrote it, part of the published text and tied to no account")
            + PersonalColumn.anonymised(SolutionReferenceModel.schema, ["proposed_by", "decided_by", "contact_user_id"], exportedIn: "referenzen")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let db = context.database
        let created = try await SolutionModel.query(on: db).filter(\.$createdBy == subject.id).sort(\.$createdAt).all()
        let references = try await SolutionReferenceModel.query(on: db).group(.or) {
            $0.filter(\.$proposedBy == subject.id).filter(\.$decidedBy == subject.id).filter(\.$contactUserID == subject.id)
        }.sort(\.$createdAt).all()
        let solutions =
            references.isEmpty ? [] : try await SolutionModel.query(on: db).filter(\.$id ~~ Array(Set(references.map(\.solutionID)))).all()
        let names = Dictionary(uniqueKeysWithValues: solutions.compactMap { s in s.id.map { ($0, s.name) } })
        return [
            PersonalDataSection("loesungen", created.map { Solution(name: $0.name, angelegt: $0.createdAt) }),
            PersonalDataSection(
                "referenzen",
                references.map { reference in
                    var roles: [String] = []
                    if reference.proposedBy == subject.id { roles.append("vorgeschlagen") }
                    if reference.decidedBy == subject.id { roles.append("bestätigt oder entschieden") }
                    if reference.contactUserID == subject.id { roles.append("Ansprechperson für Nachfragen") }
                    return Reference(
                        loesung: names[reference.solutionID] ?? "", kommune: context.towns.name(of: reference.townKey) ?? reference.townKey,
                        stand: reference.statusValue.label, rolle: roles.joined(separator: ", "), zeitpunkt: reference.updatedAt)
                }),
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        try await SolutionModel.query(on: db).filter(\.$createdBy == subject.id).set(\.$createdBy, to: nil).update()
        try await SolutionReferenceModel.query(on: db).filter(\.$proposedBy == subject.id).set(\.$proposedBy, to: nil).update()
        try await SolutionReferenceModel.query(on: db).filter(\.$decidedBy == subject.id).set(\.$decidedBy, to: nil).update()
        try await SolutionReferenceModel.query(on: db).filter(\.$contactUserID == subject.id).set(\.$contactUserID, to: nil).update()
    }
}
