import Fluent
import SQLKit

/// 044: leases of periodic jobs (issue 18): one row per job, held by one instance until it runs out.
struct CreateJobLeases: AsyncMigration {
    var name: String { "044-CreateJobLeases" }

    func prepare(on database: any Database) async throws {
        try await database.schema(JobLease.schema)
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobLease.schema).delete()
    }
}
