import AufwindCore
import Fluent
import Foundation

/// "Mein Programm": the sessions a person marked, exported with their event, deleted with the account.
struct ProgrammeFavouritePersonalData: PersonalDataOwner {
    struct Favourite: Encodable, Sendable {
        var veranstaltung: String
        var session: String
        var gemerkt: Date?
    }

    var columns: [PersonalColumn] { PersonalColumn.deleted(ProgrammeFavouriteModel.schema, ["user_id"], exportedIn: "meinProgramm") }

    func export(_ subject: DataSubject, in context: PersonalDataContext) async throws -> [PersonalDataSection] {
        let db = context.database
        let favourites = try await ProgrammeFavouriteModel.query(on: db).filter(\.$userID == subject.id).sort(\.$createdAt).all()
        let sessions = favourites.isEmpty ? [] : try await EventSessionModel.query(on: db).filter(\.$id ~~ favourites.map(\.sessionID)).all()
        let events = favourites.isEmpty ? [] : try await EventModel.query(on: db).filter(\.$id ~~ favourites.map(\.eventID)).all()
        return [
            PersonalDataSection(
                "meinProgramm",
                favourites.map { favourite in
                    Favourite(
                        veranstaltung: events.first { $0.id == favourite.eventID }?.title ?? "",
                        session: sessions.first { $0.id == favourite.sessionID }?.title ?? "", gemerkt: favourite.createdAt)
                })
        ]
    }

    func forget(_ subject: DataSubject, in context: PersonalDataContext) async throws {
        try await ProgrammeFavouriteModel.query(on: context.database).filter(\.$userID == subject.id).delete()
    }
}
