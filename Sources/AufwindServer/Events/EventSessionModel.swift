import AufwindCore
import Fluent
import Foundation

/// A session proposed for a barcamp: title, short description, hosts, Handlungsfeld, format.
final class EventSessionModel: Model, @unchecked Sendable {
    static let schema = "event_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    /// 1, 2, 3 … per event in the order of proposal: the stable id in Frab exports.
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "handlungsfeld") var handlungsfeld: String
    @Field(key: "format") var format: String
    @Field(key: "cancelled") var cancelled: Bool
    /// Slot ids (comma-separated) in which a host cannot.
    @Field(key: "unavailable_slots") var unavailableSlots: String
    @Field(key: "result") var result: String
    /// The draft Vorhaben made from the result.
    @OptionalField(key: "item_id") var itemID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var formatValue: SessionFormat { SessionFormat(rawValue: format) ?? .diskussion }
    var fieldValue: Handlungsfeld? { Handlungsfeld(rawValue: handlungsfeld) }
    var unavailable: [String] { unavailableSlots.split(separator: ",").map(String.init) }
    var key: String { id?.uuidString.lowercased() ?? "" }
}

/// A host of a session.
final class EventSessionHostModel: Model, @unchecked Sendable {
    static let schema = "event_session_hosts"

    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "user_name") var userName: String

    init() {}

    init(sessionID: UUID, userID: UUID, userName: String) {
        self.sessionID = sessionID
        self.userID = userID
        self.userName = userName
    }
}

/// A participant's interest in a session (the vote).
final class EventVoteModel: Model, @unchecked Sendable {
    static let schema = "event_votes"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "user_id") var userID: UUID

    init() {}

    init(eventID: UUID, sessionID: UUID, userID: UUID) {
        self.eventID = eventID
        self.sessionID = sessionID
        self.userID = userID
    }
}

/// Where a session lies in the working plan (before publishing), and whether it is pinned there.
final class EventAssignmentModel: Model, @unchecked Sendable {
    static let schema = "event_assignments"

    @ID(custom: "session_id", generatedBy: .user) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "room_id") var roomID: UUID
    @Field(key: "slot_id") var slotID: UUID
    @Field(key: "pinned") var pinned: Bool

    init() {}

    init(sessionID: UUID, eventID: UUID, roomID: UUID, slotID: UUID, pinned: Bool) {
        id = sessionID
        self.eventID = eventID
        self.roomID = roomID
        self.slotID = slotID
        self.pinned = pinned
    }
}

/// A published version of the schedule: what participants see, and what changed since the last.
final class ScheduleVersionModel: Model, @unchecked Sendable {
    static let schema = "event_schedule_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "number") var number: Int
    /// JSON: `[ScheduleChange.Placement]`.
    @Field(key: "placements") var placements: String
    /// JSON: `[ScheduleChange]`.
    @Field(key: "changes") var changes: String
    @Field(key: "published_by") var publishedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var placementList: [ScheduleChange.Placement] { (try? JSONDecoder().decode([ScheduleChange.Placement].self, from: Data(placements.utf8))) ?? [] }
    var changeList: [ScheduleChange] { (try? JSONDecoder().decode([ScheduleChange].self, from: Data(changes.utf8))) ?? [] }
}

/// A town suggested as partner for a Vorhaben that came out of an event session.
final class ItemPartnerSuggestionModel: Model, @unchecked Sendable {
    static let schema = "item_partner_suggestions"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "town_key") var townKey: String
    @Field(key: "source") var source: String

    init() {}

    init(itemID: UUID, townKey: String, source: String) {
        self.itemID = itemID
        self.townKey = townKey
        self.source = source
    }
}
