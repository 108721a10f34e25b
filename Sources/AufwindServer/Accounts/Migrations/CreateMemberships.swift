import Fluent

/// 003: memberships, town profiles, the audit log.
struct CreateMemberships: AsyncMigration {
    var name: String { "003-CreateMemberships" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MembershipModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("org_key", .string, .required)
            .field("role", .string, .required)
            .field("status", .string, .required)
            .field("message", .string, .required)
            .field("decided_by", .uuid)
            .field("verification", .string)
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "user_id", "kind", "org_key")
            .create()
        try await database.schema(TownProfileModel.schema)
            .field("org_key", .string, .identifier(auto: false))
            .field("contact_person", .string, .required)
            .field("contact_email", .string, .required)
            .field("website", .string, .required)
            .field("description", .string, .required)
            .field("handlungsfelder", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("detail", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [AuditEntryModel.schema, TownProfileModel.schema, MembershipModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
