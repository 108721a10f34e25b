import AufwindCore
import Fluent
import Foundation

/// A 1:1 meeting request in a meeting window; the scheduler gives accepted ones a time and a table.
final class MeetingModel: Model, @unchecked Sendable {
    static let schema = "event_meetings"

    enum Status: String {
        /// zurückgezogen: a request taken back before an answer; abgesagt: an agreed meeting cancelled.
        case angefragt, angenommen, abgelehnt, zurueckgezogen, abgesagt

        var label: String {
            switch self {
            case .angefragt: "angefragt"
            case .angenommen: "vereinbart"
            case .abgelehnt: "abgelehnt"
            case .zurueckgezogen: "zurückgezogen"
            case .abgesagt: "abgesagt"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "slot_id") var slotID: UUID
    @Field(key: "requester_id") var requesterID: UUID
    @Field(key: "requester_name") var requesterName: String
    @Field(key: "invitee_id") var inviteeID: UUID
    @Field(key: "invitee_name") var inviteeName: String
    /// Where the request came from ("Pitch: …", "Session: …", "Teilnehmerliste").
    @Field(key: "context") var context: String
    @Field(key: "message") var message: String
    @Field(key: "status") var status: String
    @OptionalField(key: "table_number") var tableNumber: Int?
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// 1 (gern) to 3 (wichtig), set by the requesting side; the scheduler maximises the sum.
    @Field(key: "priority") var priority: Int
    /// An accepted meeting's start in its window (minute of the day); nil: not planned (yet).
    @OptionalField(key: "planned_start") var plannedStart: Int?
    @OptionalField(key: "reminded_at") var remindedAt: Date?

    init() { priority = 2 }

    var statusValue: Status { Status(rawValue: status) ?? .angefragt }
    func isExpired(at now: Date) -> Bool { statusValue == .angefragt && expiresAt <= now }
    func label(at now: Date) -> String { isExpired(at: now) ? "abgelaufen" : statusValue.label }
}

extension MeetingModel {
    /// The meeting request as the policy decides about it.
    var resource: Resource {
        .meeting(
            MeetingStanding(
                requesterID: requesterID.uuidString, inviteeID: inviteeID.uuidString,
                state: MeetingStanding.State(rawValue: status) ?? .angefragt))
    }
}
