import Fluent

/// 037: "Mein Programm": the sessions of a published programme a participant has marked, one row
/// per person and session, gone with the account, the session or the event.
struct CreateProgrammeFavourites: AsyncMigration {
    var name: String { "037-ProgrammeFavourites" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProgrammeFavouriteModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references(EventSessionModel.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "user_id", "session_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProgrammeFavouriteModel.schema).delete()
    }
}
