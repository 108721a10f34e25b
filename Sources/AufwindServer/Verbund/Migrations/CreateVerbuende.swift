import Fluent

/// 011: Verbünde, their members, dates and sent reminders; town calendars.
struct CreateVerbuende: AsyncMigration {
    var name: String { "011-CreateVerbuende" }

    func prepare(on database: any Database) async throws {
        try await database.schema(VerbundModel.schema)
            .id()
            .field("name", .string, .required)
            .field("item_id", .uuid, .references(CooperationItemModel.schema, "id", onDelete: .setNull))
            .field("lead_key", .string, .required)
            .field("status", .string, .required)
            .field("programme_id", .string)
            .field("calendar_token_hash", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(VerbundMemberModel.schema)
            .id()
            .field("verbund_id", .uuid, .required, .references(VerbundModel.schema, "id", onDelete: .cascade))
            .field("member_key", .string, .required)
            .field("member_type", .string, .required)
            .field("member_name", .string)
            .field("member_land", .string)
            .field("role", .string, .required)
            .field("status", .string, .required)
            .field("expires_at", .datetime)
            .field("decided_by", .uuid)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "verbund_id", "member_key")
            .create()
        try await database.schema(VerbundDateModel.schema)
            .id()
            .field("verbund_id", .uuid, .required, .references(VerbundModel.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("due", .string, .required)
            .field("owner_key", .string, .required)
            .field("done", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(VerbundReminderModel.schema)
            .id()
            .field("date_id", .uuid, .required, .references(VerbundDateModel.schema, "id", onDelete: .cascade))
            .field("days_before", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "date_id", "days_before")
            .create()
        try await database.schema(TownCalendarModel.schema)
            .field("town_key", .string, .identifier(auto: false))
            .field("token_hash", .string, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            TownCalendarModel.schema, VerbundReminderModel.schema, VerbundDateModel.schema, VerbundMemberModel.schema, VerbundModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
