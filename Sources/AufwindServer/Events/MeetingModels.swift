import AufwindCore
import Fluent
import Foundation

/// A 1:1 meeting request in a meeting window; accepted ones hold a table.
final class MeetingModel: Model, @unchecked Sendable {
    static let schema = "event_meetings"

    enum Status: String {
        case angefragt, angenommen, abgelehnt, zurueckgezogen

        var label: String {
            switch self {
            case .angefragt: "angefragt"
            case .angenommen: "vereinbart"
            case .abgelehnt: "abgelehnt"
            case .zurueckgezogen: "zurückgezogen"
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

    init() {}

    var statusValue: Status { Status(rawValue: status) ?? .angefragt }
    func isExpired(at now: Date) -> Bool { statusValue == .angefragt && expiresAt <= now }
    func label(at now: Date) -> String { isExpired(at: now) ? "abgelaufen" : statusValue.label }
}

/// What an accepted meeting occupies in its window: each person and one table. The unique key
/// (event, slot, resource) makes double booking impossible, whichever instance accepts.
final class MeetingBookingModel: Model, @unchecked Sendable {
    static let schema = "event_meeting_bookings"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "slot_id") var slotID: UUID
    /// "person:<user id>" or "tisch:<number>".
    @Field(key: "resource") var resource: String
    @Field(key: "meeting_id") var meetingID: UUID

    init() {}

    init(eventID: UUID, slotID: UUID, resource: String, meetingID: UUID) {
        self.eventID = eventID
        self.slotID = slotID
        self.resource = resource
        self.meetingID = meetingID
    }
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
