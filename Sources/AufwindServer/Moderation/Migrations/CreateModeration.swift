import Fluent
import SQLKit

/// 041: the moderation baseline (issue 16, part 5): reports of content, one case per reported
/// content with the decision, its statement of reasons and the objection; and the `hidden` mark on
/// every kind of content a decision can hide.
struct CreateModeration: AsyncMigration {
    var name: String { "041-CreateModeration" }

    static let hideable = ["solutions", "cooperation_items", "need_answers", "cooperation_messages", "need_answer_messages"]

    func prepare(on database: any Database) async throws {
        try await database.schema(ModerationCaseModel.schema)
            .id()
            .field("content_kind", .string, .required)
            .field("content_id", .uuid, .required)
            // "kind:id" while the case waits for a first decision, NULL afterwards: one open case per content.
            .field("open_key", .string)
            .field("content_title", .string, .required)
            .field("content_text", .string, .required)
            .field("content_path", .string, .required)
            .field("content_created_at", .datetime)
            .field("author_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("town_key", .string)
            .field("organisation_id", .uuid)
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("ground", .string)
            .field("ground_reference", .string, .required)
            .field("explanation", .string, .required)
            .field("facts", .string, .required)
            .field("decided_by", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("decided_at", .datetime)
            .field("restore_state", .string, .required)
            .field("objection_text", .string, .required)
            .field("objection_by", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("objection_at", .datetime)
            .field("objection_outcome", .string)
            .field("objection_reasons", .string, .required)
            .field("objection_decided_by", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("objection_decided_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "open_key")
            .create()
        try await database.schema(ContentReportModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ModerationCaseModel.schema, "id", onDelete: .cascade))
            .field("reporter_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("category", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime)
            .create()
        for table in Self.hideable {
            try await database.schema(table).field("hidden", .bool).update()
        }
        let sql = try database.sql()
        try await sql.create(index: "moderation_cases_status").on(ModerationCaseModel.schema).column("status").run()
        try await sql.create(index: "moderation_cases_content").on(ModerationCaseModel.schema).column("content_kind").column("content_id").run()
        try await sql.create(index: "content_reports_case").on(ContentReportModel.schema).column("case_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in Self.hideable {
            try await database.schema(table).deleteField("hidden").update()
        }
        try await database.schema(ContentReportModel.schema).delete()
        try await database.schema(ModerationCaseModel.schema).delete()
    }
}
