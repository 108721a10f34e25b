import AufwindCore
import Fluent
import Foundation

/// Pitch applications the account submitted for its Anbieter, and those it decided on for an
/// event's team: the applications stay with their Anbieter and event, without the name.
struct PitchApplicationPersonalData: PersonalDataOwner {
    struct Application: Encodable, Sendable {
        var veranstaltung: String
        var loesung: String
        var abstract: String
        var rolle: String
        var status: String
        var zeitpunkt: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.anonymised(PitchApplicationModel.schema, ["applicant_id", "applicant_name", "decided_by"], exportedIn: "pitch_bewerbungen")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let applications = try await PitchApplicationModel.query(on: context.database).group(.or) {
            $0.filter(\.$applicantID == subject.id).filter(\.$decidedBy == subject.id)
        }.sort(\.$createdAt).all()
        return [
            PersonalDataSection(
                "pitch_bewerbungen",
                applications.map { application in
                    let applied = application.applicantID == subject.id
                    return Application(
                        veranstaltung: application.eventID.uuidString.lowercased(), loesung: application.solutionID?.uuidString.lowercased() ?? "",
                        abstract: applied ? application.abstract : "", rolle: applied ? "eingereicht" : "entschieden: \(application.reason)",
                        status: application.statusValue.label, zeitpunkt: applied ? application.createdAt : application.decidedAt)
                })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        try await PitchApplicationModel.query(on: db).filter(\.$applicantID == subject.id).set(\.$applicantID, to: nil)
            .set(\.$applicantName, to: FormerMember.name).update()
        try await PitchApplicationModel.query(on: db).filter(\.$decidedBy == subject.id).set(\.$decidedBy, to: nil).update()
    }
}
