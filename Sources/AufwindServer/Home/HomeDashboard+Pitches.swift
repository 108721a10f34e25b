import AufwindCore
import Fluent
import Foundation

extension HomeDashboard {
    /// For the teams of upcoming events: the pitch applications waiting for a decision, one task per event.
    static func pitchApplicationTasks(organiserKeys: [String], today: String, on db: any Database) async throws -> [Task] {
        guard !organiserKeys.isEmpty else { return [] }
        let events = try await EventModel.query(on: db).filter(\.$organiserKey ~~ organiserKeys).filter(\.$lastDay >= today).all()
        guard !events.isEmpty else { return [] }
        let waiting = try await PitchApplicationModel.query(on: db).filter(\.$eventID ~~ events.compactMap(\.id))
            .filter(\.$status == PitchApplicationStatus.eingereicht.rawValue).all()
        return events.compactMap { event in
            let mine = waiting.filter { $0.eventID == event.id }
            guard !mine.isEmpty else { return nil }
            return Task(
                text: "\(GermanFormat.count(mine.count, "Pitch-Bewerbung", "Pitch-Bewerbungen")) für „\(event.title)“ entscheiden",
                path: event.path + "/pitch-bewerbungen", date: mine.compactMap(\.createdAt).min())
        }
    }

    /// For members of Anbieter: their pitch applications still waiting for the organisers.
    static func pitchApplicationsSent(organisations: [UUID], on db: any Database) async throws -> [Task] {
        guard !organisations.isEmpty else { return [] }
        let open = try await PitchApplicationModel.query(on: db).filter(\.$organisationID ~~ organisations)
            .filter(\.$status ~~ PitchApplicationStatus.allCases.filter(\.isOpen).map(\.rawValue)).sort(\.$createdAt, .descending).limit(20).all()
        guard !open.isEmpty else { return [] }
        let events = try await EventModel.query(on: db).filter(\.$id ~~ Array(Set(open.map(\.eventID)))).all()
        let solutions = try await SolutionModel.query(on: db).filter(\.$id ~~ Array(Set(open.compactMap(\.solutionID)))).all()
        return open.compactMap { application in
            guard let event = events.first(where: { $0.id == application.eventID }) else { return nil }
            let solution = solutions.first { $0.id == application.solutionID }?.name ?? ""
            return Task(
                text: "Pitch-Bewerbung mit „\(solution)“ bei „\(event.title)“ (\(application.statusValue.label))",
                path: event.path + "/pitch-bewerbung", date: application.createdAt)
        }
    }
}
