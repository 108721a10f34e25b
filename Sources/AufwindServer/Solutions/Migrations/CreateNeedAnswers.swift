import Fluent
import SQLKit

/// 040: Anbieter answer published Bedarfe with one of their solutions (issue 16, part 3); the town
/// marks an answer "passt nicht" or talks with the Anbieter about it, and can switch answers off.
struct CreateNeedAnswers: AsyncMigration {
    var name: String { "040-CreateNeedAnswers" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NeedAnswerModel.schema)
            .id()
            .field("item_id", .uuid, .required, .references(CooperationItemModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("solution_id", .uuid, .required, .references(SolutionModel.schema, "id", onDelete: .cascade))
            .field("body", .string, .required)
            .field("author_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("author_name", .string, .required)
            .field("status", .string, .required)
            .field("decline_reason", .string, .required)
            .field("declined_by", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("declined_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "item_id", "solution_id")
            .create()
        try await database.schema(NeedAnswerMessageModel.schema)
            .id()
            .field("answer_id", .uuid, .required, .references(NeedAnswerModel.schema, "id", onDelete: .cascade))
            .field("side", .string, .required)
            .field("author_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(NeedAnswerClosureModel.schema)
            .id()
            .field("item_id", .uuid, .required, .references(CooperationItemModel.schema, "id", onDelete: .cascade))
            .field("closed_by", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "item_id")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "need_answers_item").on(NeedAnswerModel.schema).column("item_id").run()
        try await sql.create(index: "need_answers_organisation_time").on(NeedAnswerModel.schema).column("organisation_id").column("created_at")
            .run()
        try await sql.create(index: "need_answer_messages_answer").on(NeedAnswerMessageModel.schema).column("answer_id").column("created_at")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NeedAnswerClosureModel.schema).delete()
        try await database.schema(NeedAnswerMessageModel.schema).delete()
        try await database.schema(NeedAnswerModel.schema).delete()
    }
}
