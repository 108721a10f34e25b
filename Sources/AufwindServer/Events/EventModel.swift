import AufwindCore
import Fluent
import Foundation

/// An event (barcamp, fair) run by a town or a Veranstalter organisation.
final class EventModel: Model, @unchecked Sendable {
    static let schema = "events"

    enum OrganiserType: String { case kommune, veranstalter }

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    /// ISO dates of the first and last day.
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String
    @Field(key: "place") var place: String
    @Field(key: "online_url") var onlineURL: String
    @Field(key: "organiser_type") var organiserType: String
    /// AGS/Kreis key of a town or id of a Veranstalter organisation.
    @Field(key: "organiser_key") var organiserKey: String
    @Field(key: "organiser_name") var organiserName: String
    @Field(key: "phase") var phase: String
    @Field(key: "registration_open") var registrationOpen: Bool
    @Field(key: "capacity") var capacity: Int
    /// Tables (or rooms) for 1:1 meetings in every meeting window.
    @Field(key: "meeting_tables") var meetingTables: Int
    /// Raised by every registration change: serialises them per event (a row lock on PostgreSQL).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var phaseValue: EventPhase { EventPhase(rawValue: phase) ?? .themenEinreichen }
    var organiserTypeValue: OrganiserType { OrganiserType(rawValue: organiserType) ?? .kommune }
    var path: String { "/veranstaltungen/\(id?.uuidString.lowercased() ?? "")" }
    var days: ClosedRange<String> { firstDay...max(firstDay, lastDay) }
}

/// A room of an event, with its capacity.
final class EventRoomModel: Model, @unchecked Sendable {
    static let schema = "event_rooms"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "name") var name: String
    @Field(key: "capacity") var capacity: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(eventID: UUID, name: String, capacity: Int) {
        self.eventID = eventID
        self.name = name
        self.capacity = capacity
    }
}

/// A time slot of an event's grid: sessions, 1:1 meetings or a break.
final class EventSlotModel: Model, @unchecked Sendable {
    static let schema = "event_slots"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "day") var day: String
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    @Field(key: "kind") var kind: String
    /// Meeting windows: minutes per 1:1 meeting (15, 20 or 30).
    @Field(key: "meeting_length") var meetingLength: Int
    /// Meeting windows: tables in this window; nil: the event's number of tables.
    @OptionalField(key: "meeting_tables") var meetingTables: Int?
    /// Meeting windows: raised by every re-plan, which so holds the window's row while it plans.
    @Field(key: "meeting_plan_version") var meetingPlanVersion: Int

    init() {}

    init(eventID: UUID, slot: SlotGrid.Slot) {
        meetingLength = 15
        meetingPlanVersion = 0
        self.eventID = eventID
        day = slot.day
        startMinute = slot.start
        endMinute = slot.end
        kind = slot.kind.rawValue
    }

    var slot: SlotGrid.Slot {
        SlotGrid.Slot(
            id: id?.uuidString.lowercased() ?? "", day: day, start: startMinute, end: endMinute, kind: SlotGrid.Kind(rawValue: kind) ?? .session)
    }

    /// "26.11.2026, 10:00–10:45 Uhr"
    var label: String { "\(GermanFormat.date(iso: day)), \(slot.timeLabel) Uhr" }

    /// The meeting window as the scheduler sees it (the event's tables unless the window has its own).
    func meetingWindow(eventTables: Int) -> MeetingWindows.Window {
        MeetingWindows.Window(slot: slot, length: meetingLength, tables: meetingTables ?? eventTables)
    }

    var interval: DateInterval? {
        guard let start = SlotGrid.instant(day: day, minutes: startMinute), let end = SlotGrid.instant(day: day, minutes: endMinute), start < end
        else { return nil }
        return DateInterval(start: start, end: end)
    }
}

/// A person registered for an event (confirmed or on the waitlist).
final class EventRegistrationModel: Model, @unchecked Sendable {
    static let schema = "event_registrations"

    enum Status: String { case bestaetigt, warteliste }

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "user_name") var userName: String
    @Field(key: "participant_type") var participantType: String
    /// The town (AGS/Kreis key) or organisation (id) the person comes for; empty for "Sonstige".
    @Field(key: "org_key") var orgKey: String
    @Field(key: "org_name") var orgName: String
    @Field(key: "status") var status: String
    /// Orders the waitlist: first come, first served.
    @Field(key: "sequence") var sequence: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The event profile for 1:1 meetings: "Wir suchen", "Wir bieten".
    @Field(key: "meeting_seeking") var meetingSeeking: String
    @Field(key: "meeting_offering") var meetingOffering: String
    /// The times the person cannot meet: `MeetingUnavailability` text.
    @Field(key: "meeting_unavailable") var meetingUnavailable: String
    /// When the profile was saved; nil: never, the page offers one from the town's items.
    @OptionalField(key: "meeting_profile_saved_at") var meetingProfileSavedAt: Date?

    init() {
        meetingSeeking = ""
        meetingOffering = ""
        meetingUnavailable = ""
    }

    var statusValue: Status { Status(rawValue: status) ?? .warteliste }
    var typeValue: EventRegistration.ParticipantType { .init(rawValue: participantType) ?? .sonstige }
}
