import Fluent
import Foundation

/// When a person last opened `/mein-aufwind`, for "neu seit Ihrem letzten Besuch". A visit lasts
/// `HomeVisits.visitLength`: reloads within it keep showing what was new when it began.
final class HomeVisitModel: Model, @unchecked Sendable {
    static let schema = "home_visits"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// When the current visit began.
    @Field(key: "seen_at") var seenAt: Date
    /// When the visit before began; nil on the first visit.
    @OptionalField(key: "previous_seen_at") var previousSeenAt: Date?

    init() {}
}
