import Fluent
import Foundation

/// A session of the published programme a participant has put into "Mein Programm".
final class ProgrammeFavouriteModel: Model, @unchecked Sendable {
    static let schema = "event_favourites"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "user_id") var userID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(eventID: UUID, sessionID: UUID, userID: UUID) {
        self.eventID = eventID
        self.sessionID = sessionID
        self.userID = userID
    }
}
