import AufwindCore
import Fluent
import Foundation

/// A Verbund (alliance) of towns around a Vorhaben, with a lead (Konsortialführung).
final class VerbundModel: Model, @unchecked Sendable {
    static let schema = "verbuende"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// What the Verbund is about, as its lead describes it (empty: not described).
    @Field(key: "description") var descriptionText: String
    /// Raised by every change of name or description (optimistic locking).
    @Field(key: "version") var version: Int
    @OptionalField(key: "item_id") var itemID: UUID?
    @Field(key: "lead_key") var leadKey: String
    @Field(key: "status") var status: String
    @OptionalField(key: "programme_id") var programmeID: String?
    /// SHA-256 of the secret in the calendar link (shown once, like an API token).
    @OptionalField(key: "calendar_token_hash") var calendarTokenHash: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(name: String, itemID: UUID?, leadKey: String, programmeID: String? = nil) {
        self.name = name
        self.itemID = itemID
        self.leadKey = leadKey
        self.programmeID = programmeID
        descriptionText = ""
        version = 1
        status = "in-bildung"
    }

    /// The workspace's address.
    var path: String { "/verbuende/\(id?.uuidString.lowercased() ?? "")" }

    /// How its towns and providers stand in it, and who leads it: what the policy decides on.
    func resource(_ members: [VerbundMemberModel], now: Date) -> Resource {
        .verbund(VerbundParticipants(memberships: members.map(\.membership), leadKey: leadKey, now: now))
    }
}

/// A town invited to (or in) a Verbund.
final class VerbundMemberModel: Model, @unchecked Sendable {
    static let schema = "verbund_members"

    typealias Status = VerbundMembership.Status

    @ID(key: .id) var id: UUID?
    @Field(key: "verbund_id") var verbundID: UUID
    @Field(key: "member_key") var memberKey: String
    @Field(key: "member_type") var memberType: String
    /// The name of a provider (towns are named from the register).
    @OptionalField(key: "member_name") var memberName: String?
    /// The Land of a Zweckverband (towns and Kreise have theirs in the register).
    @OptionalField(key: "member_land") var memberLand: String?
    @Field(key: "role") var role: String
    @Field(key: "status") var status: String
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// Where the invitation of a town with nobody on Aufwind was mailed (only the lead sees it).
    @OptionalField(key: "invitation_email") var invitationEmail: String?
    /// When it was mailed; while `expiresAt` is nil it waits for the town's first confirmed member.
    @OptionalField(key: "mailed_at") var mailedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(verbundID: UUID, memberKey: String, memberType: String, role: String, status: Status, expiresAt: Date?) {
        self.verbundID = verbundID
        self.memberKey = memberKey
        self.memberType = memberType
        self.role = role
        self.status = status.rawValue
        self.expiresAt = expiresAt
    }

    var statusValue: Status { Status(rawValue: status) ?? .invited }

    /// Invited by mail, and the town still has nobody on Aufwind who could answer.
    var waitsForFirstMember: Bool { statusValue == .invited && mailedAt != nil && expiresAt == nil }

    /// How the member stands for the policy: an open invitation past its expiry has expired.
    func standing(at now: Date) -> VerbundStanding { membership.standing(at: now) }

    var isProvider: Bool { memberType == MemberType.anbieter.rawValue }
    var isZweckverband: Bool { memberType == MemberType.zweckverband.rawValue }

    var membership: VerbundMembership {
        VerbundMembership(
            id: id?.uuidString.lowercased() ?? "", key: memberKey, type: MemberType(rawValue: memberType) ?? .gemeinde, name: memberName,
            landCode: memberLand, role: VerbundRole(rawValue: role) ?? .partner, status: statusValue, expiresAt: expiresAt)
    }
}

/// A milestone, task or deadline of a Verbund, with a due date and an owning town.
final class VerbundDateModel: Model, @unchecked Sendable {
    static let schema = "verbund_dates"

    @ID(key: .id) var id: UUID?
    @Field(key: "verbund_id") var verbundID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    /// ISO date (JJJJ-MM-TT).
    @Field(key: "due") var due: String
    @Field(key: "owner_key") var ownerKey: String
    @Field(key: "done") var done: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(verbundID: UUID, kind: String, title: String, due: String, ownerKey: String) {
        self.verbundID = verbundID
        self.kind = kind
        self.title = title
        self.due = due
        self.ownerKey = ownerKey
        done = false
    }

    var value: VerbundDate {
        VerbundDate(
            id: id?.uuidString.lowercased() ?? "", verbundID: verbundID.uuidString.lowercased(), kind: kind, title: title, due: due,
            ownerKey: ownerKey,
            done: done)
    }
}

/// A reminder that went out: the unique key (date, days before) makes sure it goes out once,
/// however many server instances try.
final class VerbundReminderModel: Model, @unchecked Sendable {
    static let schema = "verbund_reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "date_id") var dateID: UUID
    @Field(key: "days_before") var daysBefore: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(dateID: UUID, daysBefore: Int) {
        self.dateID = dateID
        self.daysBefore = daysBefore
    }
}

/// The secret calendar link of a town: all dates of the Verbünde it belongs to.
final class TownCalendarModel: Model, @unchecked Sendable {
    static let schema = "town_calendars"

    @ID(custom: "town_key", generatedBy: .user) var id: String?
    @Field(key: "token_hash") var tokenHash: String

    init() {}

    init(townKey: String, tokenHash: String) {
        id = townKey
        self.tokenHash = tokenHash
    }
}

/// A gap alert that went out: the unique key (Verbund, programme, deadline) makes sure each goes
/// out once, however many server instances try.
final class VerbundGapAlertModel: Model, @unchecked Sendable {
    static let schema = "verbund_gap_alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "verbund_id") var verbundID: UUID
    @Field(key: "programme_id") var programmeID: String
    /// ISO day of the deadline.
    @Field(key: "deadline") var deadline: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(verbundID: UUID, programmeID: String, deadline: String) {
        self.verbundID = verbundID
        self.programmeID = programmeID
        self.deadline = deadline
    }
}
