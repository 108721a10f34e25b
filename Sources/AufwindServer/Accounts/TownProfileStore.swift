import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Saves a town profile with optimistic locking in one statement (insert-if-absent or
/// update-if-version-matches), so concurrent saves never deadlock and a stale one never wins.
struct TownProfileStore {
    let database: any Database

    /// The new version, or nil when `expectedVersion` is no longer current.
    func save(key: String, input: TownProfileInput, expectedVersion: Int, now: Date) async throws -> Int? {
        let sql = try database.sql()
        let fields = TownProfileModel(key: key)
        fields.apply(input)
        struct Version: Decodable { var version: Int }
        if expectedVersion == 0 {
            let inserted = try await sql.insert(into: TownProfileModel.schema)
                .columns("org_key", "contact_person", "contact_email", "website", "description", "handlungsfelder", "version", "updated_at")
                .values(
                    SQLBind(key), SQLBind(fields.contactPerson), SQLBind(fields.contactEmail), SQLBind(fields.website),
                    SQLBind(fields.description), SQLBind(fields.handlungsfelder), SQLBind(1), SQLBind(now)
                )
                .ignoringConflicts(with: ["org_key"])
                .returning("version")
                .all(decoding: Version.self)
            return inserted.first?.version
        }
        let updated = try await sql.update(TownProfileModel.schema)
            .set("contact_person", to: fields.contactPerson)
            .set("contact_email", to: fields.contactEmail)
            .set("website", to: fields.website)
            .set("description", to: fields.description)
            .set("handlungsfelder", to: fields.handlungsfelder)
            .set("version", to: expectedVersion + 1)
            .set("updated_at", to: now)
            .where("org_key", .equal, key)
            .where("version", .equal, expectedVersion)
            .returning("version")
            .all(decoding: Version.self)
        return updated.first?.version
    }
}
