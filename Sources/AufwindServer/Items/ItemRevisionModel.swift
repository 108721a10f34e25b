import Fluent
import Foundation

/// One saved version of an item: who, when, what changed, and the full state as JSON.
final class ItemRevisionModel: Model, @unchecked Sendable {
    static let schema = "item_revisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "version") var version: Int
    @OptionalField(key: "edited_by") var editedBy: UUID?
    /// Kept as text, so that the history stays readable after an account is deleted.
    @Field(key: "editor_name") var editorName: String
    /// German field names, comma-separated; "angelegt" for the first version.
    @Field(key: "changes") var changes: String
    @Field(key: "snapshot") var snapshot: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(itemID: UUID, version: Int, editedBy: UUID?, editorName: String, changes: String, snapshot: String) {
        self.itemID = itemID
        self.version = version
        self.editedBy = editedBy
        self.editorName = editorName
        self.changes = changes
        self.snapshot = snapshot
    }
}
