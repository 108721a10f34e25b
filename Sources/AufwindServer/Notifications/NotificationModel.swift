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
    /// The label of the one action (e.g. "Anfrage ansehen"), for the digest mail.
    @OptionalField(key: "action") var action: String?
    @OptionalField(key: "read_at") var readAt: Date?
    /// Waits for the user's daily or weekly digest (their setting for the category when it came).
    @Field(key: "awaits_digest") var awaitsDigest: Bool
    /// When the user was first active in the app after it came (a page with the unread count): a
    /// digest does not mail it any more.
    @OptionalField(key: "seen_at") var seenAt: Date?
    /// When a digest took it (mailed, or skipped as already seen).
    @OptionalField(key: "digested_at") var digestedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, category: NotificationCategory, text: String, link: String, action: String? = nil, awaitsDigest: Bool = false) {
        self.userID = userID
        self.category = category.rawValue
        self.text = text
        self.link = link
        self.action = action
        self.awaitsDigest = awaitsDigest
    }

    var categoryValue: NotificationCategory { NotificationCategory(rawValue: category) ?? .anfragen }
}
