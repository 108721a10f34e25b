import Fluent
import Foundation

/// A funding programme: its facts (catalogue JSON) and its rules (rule-file JSON of this one
/// programme), both as reviewed text; admins edit them with optimistic locking.
final class FundingProgrammeModel: Model, @unchecked Sendable {
    static let schema = "funding_programmes"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "facts") var facts: String
    @Field(key: "rules") var rules: String
    @Field(key: "version") var version: Int
    @OptionalField(key: "updated_by_name") var updatedByName: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: String, facts: String, rules: String) {
        self.id = id
        self.facts = facts
        self.rules = rules
        version = 1
    }
}
