import AufwindCore
import Fluent
import Foundation

extension HomeDashboard {
    /// Answers of Anbieter to the towns' Bedarfe from the last 14 days that nobody looked into yet
    /// (still open, no message): one task for all of them.
    static func answerTasks(of townKeys: [String], now: Date, on db: any Database) async throws -> [Task] {
        let needs = try await CooperationItemModel.query(on: db).filter(\.$ownerKey ~~ townKeys).filter(\.$kind == ItemKind.bedarf.rawValue)
            .field(\.$id).all().compactMap(\.id)
        guard !needs.isEmpty else { return [] }
        let recent = try await NeedAnswerModel.query(on: db).filter(\.$itemID ~~ needs).filter(\.$hidden == nil)
            .filter(\.$status == NeedAnswerModel.Status.offen.rawValue).filter(\.$createdAt > now.addingTimeInterval(-14 * 24 * 3600)).all()
        guard !recent.isEmpty else { return [] }
        let hiddenSolutions = Set(
            try await SolutionModel.query(on: db).filter(\.$id ~~ Array(Set(recent.map(\.solutionID)))).filter(\.$hidden == true).all()
                .compactMap(\.id))
        let talkedAbout = Set(
            try await NeedAnswerMessageModel.query(on: db).filter(\.$answerID ~~ recent.compactMap(\.id)).field(\.$answerID).all().map(\.answerID))
        let untouched = recent.filter { answer in
            answer.id.map { !talkedAbout.contains($0) } ?? false && !hiddenSolutions.contains(answer.solutionID)
        }
        guard !untouched.isEmpty else { return [] }
        return [
            Task(
                text: "\(GermanFormat.count(untouched.count, "neue Antwort", "neue Antworten")) von Anbietern auf Bedarfe Ihrer Kommunen ansehen",
                path: "/antworten", date: untouched.compactMap(\.createdAt).min())
        ]
    }

    /// For the platform administration: reported content to decide, and objections it may decide
    /// (not those against its own decisions).
    static func moderationTasks(for adminID: UUID, on db: any Database) async throws -> [Task] {
        let open = try await ModerationCaseModel.query(on: db).filter(\.$status == ModerationCaseModel.Status.offen.rawValue).all()
        let objections = try await ModerationCaseModel.query(on: db).filter(\.$status == ModerationCaseModel.Status.einspruch.rawValue).all()
            .filter { $0.decidedBy != adminID }
        var tasks: [Task] = []
        if !open.isEmpty {
            tasks.append(
                Task(
                    text: "\(GermanFormat.count(open.count, "gemeldeten Inhalt", "gemeldete Inhalte")) entscheiden", path: "/admin/moderation",
                    date: open.compactMap(\.createdAt).min()))
        }
        if !objections.isEmpty {
            tasks.append(
                Task(
                    text: "\(GermanFormat.count(objections.count, "Einspruch", "Einsprüche")) gegen Entscheidungen der Moderation entscheiden",
                    path: "/admin/moderation", date: objections.compactMap(\.objectionAt).min()))
        }
        return tasks
    }
}
