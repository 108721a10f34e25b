import Fluent
import Foundation

/// "Interesse bekunden": a town asks the owner of an item to cooperate on it.
final class InterestRequestModel: Model, @unchecked Sendable {
    static let schema = "interest_requests"

    enum Status: String {
        case open = "offen"
        case accepted = "angenommen"
        case declined = "abgelehnt"

        var label: String {
            switch self {
            case .open: "offen"
            case .accepted: "angenommen"
            case .declined: "abgelehnt"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    /// The asking town and the owning town.
    @Field(key: "from_key") var fromKey: String
    @Field(key: "to_key") var toKey: String
    @OptionalField(key: "requested_by") var requestedBy: UUID?
    @Field(key: "requester_name") var requesterName: String
    @Field(key: "message") var message: String
    @Field(key: "status") var status: String
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(itemID: UUID, fromKey: String, toKey: String, requestedBy: UUID?, requesterName: String, message: String) {
        self.itemID = itemID
        self.fromKey = fromKey
        self.toKey = toKey
        self.requestedBy = requestedBy
        self.requesterName = requesterName
        self.message = message
        status = Status.open.rawValue
    }

    var statusValue: Status { Status(rawValue: status) ?? .open }
}
