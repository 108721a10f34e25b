import AufwindCore
import Fluent
import Foundation

/// Reports the account made, decisions about content it wrote, objections it raised, and — for
/// administrators — the decisions it made. The cases stay (they are the record of each decision,
/// DSA Art. 17 and 20) without the account.
struct ModerationPersonalData: PersonalDataOwner {
    struct Report: Encodable, Sendable {
        var inhalt: String
        var grund: String
        var text: String
        var zeitpunkt: Date?
    }
    struct Decision: Encodable, Sendable {
        var inhalt: String
        var rolle: String
        var entscheidung: String
        var einspruch: String
        var zeitpunkt: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.anonymised(ContentReportModel.schema, ["reporter_id"], exportedIn: "meldungen")
            + PersonalColumn.anonymised(
                ModerationCaseModel.schema, ["author_id", "decided_by", "objection_by", "objection_decided_by"], exportedIn: "moderation")
            + PersonalColumn.kept(
                ModerationCaseModel.schema, ["content_title", "content_text", "objection_text"],
                because: "the record of a moderation decision (DSA Art. 17, 20): the content as reported and the objection, tied to no account")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let db = context.database
        let reports = try await ContentReportModel.query(on: db).filter(\.$reporterID == subject.id).sort(\.$createdAt).all()
        let reportedCases =
            reports.isEmpty ? [] : try await ModerationCaseModel.query(on: db).filter(\.$id ~~ Array(Set(reports.map(\.caseID)))).all()
        let titles = Dictionary(uniqueKeysWithValues: reportedCases.compactMap { c in c.id.map { ($0, c.contentTitle) } })
        let cases = try await ModerationCaseModel.query(on: db).group(.or) {
            $0.filter(\.$authorID == subject.id).filter(\.$decidedBy == subject.id).filter(\.$objectionBy == subject.id)
                .filter(\.$objectionDecidedBy == subject.id)
        }.sort(\.$createdAt).all()
        return [
            PersonalDataSection(
                "meldungen",
                reports.map { Report(inhalt: titles[$0.caseID] ?? "", grund: $0.categoryValue.label, text: $0.text, zeitpunkt: $0.createdAt) }),
            PersonalDataSection(
                "moderation",
                cases.map { found in
                    var roles: [String] = []
                    if found.authorID == subject.id { roles.append("verfasst") }
                    if found.decidedBy == subject.id { roles.append("entschieden") }
                    if found.objectionBy == subject.id { roles.append("Einspruch eingelegt") }
                    if found.objectionDecidedBy == subject.id { roles.append("über den Einspruch entschieden") }
                    return Decision(
                        inhalt: found.contentTitle, rolle: roles.joined(separator: ", "), entscheidung: found.outcomeValue?.label ?? "offen",
                        einspruch: found.objectionText, zeitpunkt: found.decidedAt ?? found.createdAt)
                }),
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        try await ContentReportModel.query(on: db).filter(\.$reporterID == subject.id).set(\.$reporterID, to: nil).update()
        try await ModerationCaseModel.query(on: db).filter(\.$authorID == subject.id).set(\.$authorID, to: nil).update()
        try await ModerationCaseModel.query(on: db).filter(\.$decidedBy == subject.id).set(\.$decidedBy, to: nil).update()
        try await ModerationCaseModel.query(on: db).filter(\.$objectionBy == subject.id).set(\.$objectionBy, to: nil).update()
        try await ModerationCaseModel.query(on: db).filter(\.$objectionDecidedBy == subject.id).set(\.$objectionDecidedBy, to: nil).update()
    }
}
