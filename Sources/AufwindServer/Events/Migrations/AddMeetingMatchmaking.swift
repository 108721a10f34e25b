import Fluent
import SQLKit

/// 038: 1:1 meetings as b2match does them. Meeting windows get a meeting length (15/20/30
/// minutes) and their own number of tables; participants an event profile ("Wir suchen / Wir
/// bieten") and the times they cannot meet; requests a priority (1–3), the planned start within
/// their window and the time their reminder went out. The scheduler's plan replaces the bookings
/// table: an accepted meeting that had its whole window now starts at the window's beginning.
struct AddMeetingMatchmaking: AsyncMigration {
    var name: String { "038-AddMeetingMatchmaking" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(EventSlotModel.schema).field("meeting_length", .int, .required, .sql(.default(15))).update()
        try await database.schema(EventSlotModel.schema).field("meeting_tables", .int).update()
        try await database.schema(EventSlotModel.schema).field("meeting_plan_version", .int, .required, .sql(.default(0))).update()
        try await database.schema(EventRegistrationModel.schema).field("meeting_seeking", .string, .required, .sql(.default(""))).update()
        try await database.schema(EventRegistrationModel.schema).field("meeting_offering", .string, .required, .sql(.default(""))).update()
        try await database.schema(EventRegistrationModel.schema).field("meeting_unavailable", .string, .required, .sql(.default(""))).update()
        try await database.schema(EventRegistrationModel.schema).field("meeting_profile_saved_at", .datetime).update()
        try await database.schema(MeetingModel.schema).field("priority", .int, .required, .sql(.default(2))).update()
        try await database.schema(MeetingModel.schema).field("planned_start", .int).update()
        try await database.schema(MeetingModel.schema).field("reminded_at", .datetime).update()
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            UPDATE event_meetings SET planned_start = \
            (SELECT start_minute FROM event_slots WHERE event_slots.id = event_meetings.slot_id) \
            WHERE status = 'angenommen'
            """
        ).run()
        try await database.schema("event_meeting_bookings").delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("event_meeting_bookings")
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id", onDelete: .cascade))
            .field("slot_id", .uuid, .required, .references(EventSlotModel.schema, "id", onDelete: .cascade))
            .field("resource", .string, .required)
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id", onDelete: .cascade))
            .unique(on: "event_id", "slot_id", "resource")
            .create()
        for field in ["reminded_at", "planned_start", "priority"] {
            try await database.schema(MeetingModel.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
        for field in ["meeting_profile_saved_at", "meeting_unavailable", "meeting_offering", "meeting_seeking"] {
            try await database.schema(EventRegistrationModel.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
        for field in ["meeting_plan_version", "meeting_tables", "meeting_length"] {
            try await database.schema(EventSlotModel.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
