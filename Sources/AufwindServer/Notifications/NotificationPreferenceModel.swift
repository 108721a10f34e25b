import AufwindCore
import Fluent
import Foundation

/// A user's choice for one category (only stored once changed from the standard).
final class NotificationPreferenceModel: Model, @unchecked Sendable {
    static let schema = "notification_preferences"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// A `NotificationCategory` raw value.
    @Field(key: "category") var category: String
    /// A `NotificationCadence` raw value.
    @Field(key: "cadence") var cadence: String
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}
}
