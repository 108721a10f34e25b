import AufwindCore
import Fluent
import Foundation

/// An in-app notification for one user.
final class NotificationModel: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// A `NotificationCategory` raw value.
    @Field(key: "category") var category: String
    @Field(key: "text") var text: String
    /// A path on this site.
    @Field(key: "link") var link: String
    @OptionalField(key: "read_at") var readAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, category: NotificationCategory, text: String, link: String) {
        self.userID = userID
        self.category = category.rawValue
        self.text = text
        self.link = link
    }
}
