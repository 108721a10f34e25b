import Fluent
import Foundation

/// "Mein Programm": marking and unmarking sessions of a published programme, per person.
struct ProgrammeFavouriteService {
    let database: any Database

    /// Marks or unmarks; marking twice (two tabs, a double click) keeps one row.
    func set(_ marked: Bool, session: EventSessionModel, userID: UUID) async throws {
        let sessionID = try session.requireID()
        if !marked {
            try await ProgrammeFavouriteModel.query(on: database).filter(\.$sessionID == sessionID).filter(\.$userID == userID).delete()
            return
        }
        let existing = try await ProgrammeFavouriteModel.query(on: database).filter(\.$sessionID == sessionID).filter(\.$userID == userID).first()
        guard existing == nil else { return }
        do {
            try await ProgrammeFavouriteModel(eventID: session.eventID, sessionID: sessionID, userID: userID).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same mark from a second request at the same moment: already there.
        }
    }

    /// The session ids (lower-case) a person has marked in an event.
    func marked(in eventID: UUID, by userID: UUID) async throws -> Set<String> {
        Set(
            try await ProgrammeFavouriteModel.query(on: database).filter(\.$eventID == eventID).filter(\.$userID == userID).all()
                .map { $0.sessionID.uuidString.lowercased() })
    }
}
