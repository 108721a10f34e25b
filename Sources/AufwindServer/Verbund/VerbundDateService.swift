import AufwindCore
import Fluent
import Foundation

/// The deadlines, milestones and tasks of a Verbund (the reminders: `VerbundService.sendDueReminders`).
struct VerbundDateService {
    let database: any Database

    /// By due day.
    func dates(of verbundID: UUID) async throws -> [VerbundDateModel] {
        try await VerbundDateModel.query(on: database).filter(\.$verbundID == verbundID).sort(\.$due).all()
    }

    func add(_ input: VerbundDateInput, to verbundID: UUID) async throws {
        try await VerbundDateModel(verbundID: verbundID, kind: input.kind.rawValue, title: input.title, due: input.due, ownerKey: input.ownerKey)
            .create(on: database)
    }

    /// Marks a date of this Verbund done; false when it has no such date.
    func markDone(_ dateID: UUID, of verbundID: UUID) async throws -> Bool {
        guard let date = try await VerbundDateModel.query(on: database).filter(\.$id == dateID).filter(\.$verbundID == verbundID).first() else {
            return false
        }
        date.done = true
        try await date.save(on: database)
        return true
    }
}
