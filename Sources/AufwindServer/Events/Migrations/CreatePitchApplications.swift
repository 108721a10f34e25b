import Fluent
import SQLKit

/// 042: Anbieter apply for a pitch at an event (issue 16, part 4); the organisers accept an
/// application into a pitch block, waitlist or decline it. A pitch knows the solution it presents
/// and can be hidden by a moderation decision.
struct CreatePitchApplications: AsyncMigration {
    var name: String { "042-CreatePitchApplications" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(PitchModel.schema)
            .field("solution_id", .uuid, .references(SolutionModel.schema, "id", onDelete: .setNull)).update()
        try await database.schema(PitchModel.schema).field("hidden", .bool).update()
        try await database.schema(PitchApplicationModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            // A solution deleted by a moderation decision leaves the application (the Anbieter's record) without it.
            .field("solution_id", .uuid, .references(SolutionModel.schema, "id", onDelete: .setNull))
            .field("abstract", .string, .required)
            .field("applicant_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("applicant_name", .string, .required)
            .field("status", .string, .required)
            .field("reason", .string, .required)
            .field("decided_by", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("decided_at", .datetime)
            .field("pitch_id", .uuid, .references(PitchModel.schema, "id", onDelete: .setNull))
            // Raised by every change: a decision form carries it, so a stale form decides nothing.
            .field("revision", .int, .required)
            // How often it was submitted (a withdrawn application may be submitted again, a few times).
            .field("submissions", .int, .required)
            .field("submitted_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "event_id", "solution_id")
            .create()
        try await database.schema(PitchApplicationNeedModel.schema)
            .id()
            .field("application_id", .uuid, .required, .references(PitchApplicationModel.schema, "id", onDelete: .cascade))
            .field("item_id", .uuid, .required, .references(CooperationItemModel.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .unique(on: "application_id", "item_id")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "pitch_applications_event").on(PitchApplicationModel.schema).column("event_id").column("status").run()
        try await sql.create(index: "pitch_applications_organisation").on(PitchApplicationModel.schema).column("organisation_id").run()
        try await sql.create(index: "pitch_application_needs_application").on(PitchApplicationNeedModel.schema).column("application_id").run()
    }

    /// On SQLite the pitches' new columns stay (SQLite drops no column with a foreign key); the tables go.
    func revert(on database: any Database) async throws {
        try await database.schema(PitchApplicationNeedModel.schema).delete()
        try await database.schema(PitchApplicationModel.schema).delete()
        guard try database.sql().dialect.name != "sqlite" else { return }
        try await database.schema(PitchModel.schema).deleteField("hidden").update()
        try await database.schema(PitchModel.schema).deleteField("solution_id").update()
    }
}
