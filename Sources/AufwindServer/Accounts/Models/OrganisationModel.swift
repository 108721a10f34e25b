import Fluent
import Foundation

/// An Anbieter (startup, provider) or Veranstalter (event organiser), founded by a user and
/// confirmed by the platform before it is shown publicly.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    enum Kind: String, Codable, CaseIterable {
        case anbieter, veranstalter
        var label: String { self == .anbieter ? "Anbieter" : "Veranstalter" }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "website") var website: String
    @Field(key: "description") var description: String
    @Field(key: "status") var status: String
    @OptionalField(key: "founded_by") var foundedBy: UUID?
    /// A generated demo Anbieter (`aufwind generate-demo --solutions`); nil for every other organisation.
    @OptionalField(key: "is_demo") var isDemo: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(kind: Kind, name: String, website: String, description: String, foundedBy: UUID) {
        self.kind = kind.rawValue
        self.name = name
        self.website = website
        self.description = description
        self.status = MembershipModel.Status.pending.rawValue
        self.foundedBy = foundedBy
    }

    var kindValue: Kind { Kind(rawValue: kind) ?? .anbieter }
    var statusValue: MembershipModel.Status { MembershipModel.Status(rawValue: status) ?? .pending }
}
