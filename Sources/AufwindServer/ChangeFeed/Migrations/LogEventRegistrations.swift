import AufwindCore
import Fluent
import SQLKit

/// 045: event registrations in the change log, as changes of the person (issue 18): a person's
/// registrations are kept with their session (`SessionCache`), so that a signed-in programme page
/// reads nothing from the database; a registration, a move up from the waiting list or a
/// cancellation on any instance drops the person's entries everywhere.
struct LogEventRegistrations: AsyncMigration {
    var name: String { "045-LogEventRegistrations" }

    /// A registration's status or person; not its meeting profile and the like.
    static let watch = CreateChangeLog.Watch(
        table: "event_registrations", kind: .person, keyColumn: "user_id", updateColumns: ["status", "user_id"])
    static let triggerName = "change_log_event_registrations"

    func prepare(on database: any Database) async throws {
        try await CreateChangeLog.createTriggers(Self.watch, name: Self.triggerName, on: try database.sql())
    }

    func revert(on database: any Database) async throws {
        try await CreateChangeLog.dropTriggers(Self.watch, name: Self.triggerName, on: try database.sql())
    }
}
