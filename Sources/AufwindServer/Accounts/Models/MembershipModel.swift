import Fluent
import Foundation

/// A user's membership in a town (Gemeinde or Kreis), an organisation or a region:
/// requested, then confirmed or declined by someone allowed to.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class MembershipModel: Model, @unchecked Sendable {
    static let schema = "memberships"

    enum Kind: String, Codable, CaseIterable {
        /// A Gemeinde (AGS) or Kreis (5-digit key).
        case kommune
        /// Read access to regional overviews of a Kreis, Regierungsbezirk or Land.
        case region
        /// An Anbieter or Veranstalter organisation (org_key: its id).
        case anbieter, veranstalter
    }

    enum Status: String, Codable {
        case pending = "offen"
        case confirmed = "bestaetigt"
        case declined = "abgelehnt"

        var label: String {
            switch self {
            case .pending: "wartet auf Bestätigung"
            case .confirmed: "bestätigt"
            case .declined: "abgelehnt"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "kind") var kind: String
    @Field(key: "org_key") var orgKey: String
    @Field(key: "role") var role: String
    @Field(key: "status") var status: String
    @Field(key: "message") var message: String
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "verification") var verification: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, kind: Kind, orgKey: String, message: String) {
        self.$user.id = userID
        self.kind = kind.rawValue
        self.orgKey = orgKey
        self.role = "mitglied"
        self.status = Status.pending.rawValue
        self.message = message
    }

    var statusValue: Status { Status(rawValue: status) ?? .pending }
}
