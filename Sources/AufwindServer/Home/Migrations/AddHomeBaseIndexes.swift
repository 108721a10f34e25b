import Fluent
import SQLKit

/// 029: the indexes `/mein-aufwind`, `/kooperationen` and `/verbuende` read through — each of the
/// page's queries asks for the rows of a few towns or of one user, and without these it read the
/// whole table. (The items of a town have `cooperation_items_owner` since 008.) Same statements on
/// SQLite and PostgreSQL.
struct AddHomeBaseIndexes: AsyncMigration {
    var name: String { "029-HomeBaseIndexes" }

    static let indexes: [(name: String, definition: String)] = [
        ("interest_requests_to_status", "interest_requests (to_key, status)"),
        ("interest_requests_from_status", "interest_requests (from_key, status)"),
        ("memberships_org_status", "memberships (org_key, kind, status)"),
        ("cooperations_owner", "cooperations (owner_key)"),
        ("cooperations_partner", "cooperations (partner_key)"),
        ("cooperation_messages_thread", "cooperation_messages (cooperation_id, created_at)"),
        ("verbund_members_member", "verbund_members (member_key, status)"),
        ("verbund_dates_verbund", "verbund_dates (verbund_id)"),
        ("event_meetings_invitee", "event_meetings (invitee_id, status)"),
        ("event_registrations_user", "event_registrations (user_id)"),
        ("events_organiser", "events (organiser_key)"),
        ("pitches_user", "pitches (user_id)"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX IF NOT EXISTS \(unsafeRaw: index.name) ON \(unsafeRaw: index.definition)").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes.reversed() {
            try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: index.name)").run()
        }
    }
}
