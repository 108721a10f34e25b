import AufwindCore
import Fluent
import Foundation

/// Answers to Bedarfe the account wrote for its Anbieter, answers it marked "passt nicht" for its
/// town, and its messages about answers: the answers and messages stay with their Anbieter and
/// town, without the name.
struct NeedAnswerPersonalData: PersonalDataOwner {
    struct Answer: Encodable, Sendable {
        var eintrag: String
        var text: String
        var rolle: String
        var zeitpunkt: Date?
    }
    struct Message: Encodable, Sendable {
        var antwort: String
        var text: String
        var zeitpunkt: Date?
    }

    var columns: [PersonalColumn] {
        PersonalColumn.anonymised(NeedAnswerModel.schema, ["author_id", "author_name", "declined_by"], exportedIn: "antworten")
            + PersonalColumn.anonymised(NeedAnswerMessageModel.schema, ["author_id", "author_name"], exportedIn: "antwort_nachrichten")
            + PersonalColumn.anonymised(NeedAnswerClosureModel.schema, ["closed_by"], exportedIn: "antworten")
    }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let db = context.database
        let answers = try await NeedAnswerModel.query(on: db).group(.or) {
            $0.filter(\.$authorID == subject.id).filter(\.$declinedBy == subject.id)
        }.sort(\.$createdAt).all()
        let closures = try await NeedAnswerClosureModel.query(on: db).filter(\.$closedBy == subject.id).all()
        let messages = try await NeedAnswerMessageModel.query(on: db).filter(\.$authorID == subject.id).sort(\.$createdAt).all()
        return [
            PersonalDataSection(
                "antworten",
                answers.map { answer in
                    Answer(
                        eintrag: answer.itemID.uuidString.lowercased(), text: answer.body,
                        rolle: answer.authorID == subject.id ? "geschrieben" : "als „passt nicht“ markiert: \(answer.declineReason)",
                        zeitpunkt: answer.authorID == subject.id ? answer.createdAt : answer.declinedAt)
                }
                    + closures.map {
                        Answer(eintrag: $0.itemID.uuidString.lowercased(), text: "", rolle: "Antworten ausgeschaltet", zeitpunkt: $0.createdAt)
                    }),
            PersonalDataSection(
                "antwort_nachrichten",
                messages.map { Message(antwort: $0.answerID.uuidString.lowercased(), text: $0.body, zeitpunkt: $0.createdAt) }),
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        let db = context.database
        try await NeedAnswerModel.query(on: db).filter(\.$authorID == subject.id).set(\.$authorID, to: nil)
            .set(\.$authorName, to: FormerMember.name).update()
        try await NeedAnswerModel.query(on: db).filter(\.$declinedBy == subject.id).set(\.$declinedBy, to: nil).update()
        try await NeedAnswerMessageModel.query(on: db).filter(\.$authorID == subject.id).set(\.$authorID, to: nil)
            .set(\.$authorName, to: FormerMember.name).update()
        try await NeedAnswerClosureModel.query(on: db).filter(\.$closedBy == subject.id).set(\.$closedBy, to: nil).update()
    }
}
