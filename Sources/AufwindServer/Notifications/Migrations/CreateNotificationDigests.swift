import Fluent

/// 020: the digests' claims. `notification_digest_runs` holds one row per digest period (the lease
/// of the instance that runs it, and when it finished); `notification_digests` one row per user and
/// period, inserted in the transaction that queues the user's digest mail — the unique key makes a
/// second instance or a second run skip the user.
struct CreateNotificationDigests: AsyncMigration {
    var name: String { "020-NotificationDigests" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationDigestClaims.runs)
            .field("cadence", .string, .required)
            .field("period", .string, .required)
            .field("owner", .string, .required)
            .field("claimed_until", .datetime, .required)
            .field("finished_at", .datetime)
            .field("mails", .int, .required, .sql(.default(0)))
            .unique(on: "cadence", "period")
            .create()
        try await database.schema(NotificationDigestClaims.users)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("cadence", .string, .required)
            .field("period", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "cadence", "period")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NotificationDigestClaims.users).delete()
        try await database.schema(NotificationDigestClaims.runs).delete()
    }
}
