import AufwindCore
import Fluent
import Foundation
import SQLKit

/// 1:1 meetings in the organiser's meeting windows. A request names a window; accepting books
/// both people and a table in one transaction whose unique keys make double booking impossible.
struct MeetingService {
    let database: any Database

    /// Requests expire after two days, and at the latest when their window begins.
    static let validity: TimeInterval = 2 * 24 * 3600

    func request(
        _ event: EventModel, slot: EventSlotModel, from requester: EventRegistrationModel, to invitee: EventRegistrationModel, context: String,
        message: String,
        now: Date, announce: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws -> MeetingModel {
        guard slot.kind == SlotGrid.Kind.treffen.rawValue, slot.eventID == event.id else {
            throw EventService.refused("Treffen werden nur in den Zeitfenstern für 1:1-Treffen vereinbart.", status: 422)
        }
        guard event.meetingTables > 0 else { throw EventService.refused("Diese Veranstaltung hat keine Tische für 1:1-Treffen.") }
        guard requester.userID != invitee.userID else { throw EventService.refused("Ein Treffen mit sich selbst ist nicht möglich.", status: 422) }
        guard requester.statusValue == .bestaetigt, invitee.statusValue == .bestaetigt else {
            throw EventService.refused("Treffen gibt es nur zwischen bestätigten Teilnehmer:innen.")
        }
        guard let start = slot.interval?.start, start > now else { throw EventService.refused("Dieses Zeitfenster hat schon begonnen.") }
        let slotID = try slot.requireID()
        let booked = try await MeetingBookingModel.query(on: database).filter(\.$slotID == slotID)
            .filter(\.$resource ~~ ["person:\(requester.userID.uuidString)", "person:\(invitee.userID.uuidString)"]).all()
        if booked.contains(where: { $0.resource == "person:\(requester.userID.uuidString)" }) {
            throw EventService.refused("Sie haben in diesem Zeitfenster schon ein Treffen.")
        }
        if !booked.isEmpty { throw EventService.refused("\(invitee.userName) hat in diesem Zeitfenster schon ein Treffen.") }
        let open = try await MeetingModel.query(on: database).filter(\.$slotID == slotID).filter(\.$requesterID == requester.userID)
            .filter(\.$inviteeID == invitee.userID).filter(\.$status == MeetingModel.Status.angefragt.rawValue).filter(\.$expiresAt > now).count()
        if open > 0 { throw EventService.refused("Sie haben \(invitee.userName) für dieses Zeitfenster schon angefragt.") }
        let meeting = MeetingModel()
        meeting.eventID = try event.requireID()
        meeting.slotID = slotID
        meeting.requesterID = requester.userID
        meeting.requesterName = requester.userName
        meeting.inviteeID = invitee.userID
        meeting.inviteeName = invitee.userName
        meeting.context = context
        meeting.message = message
        meeting.status = MeetingModel.Status.angefragt.rawValue
        meeting.expiresAt = min(now.addingTimeInterval(Self.validity), start)
        try await database.transaction { db in
            try await meeting.create(on: db)
            try await announce(db)
        }
        return meeting
    }

    enum Decision: Equatable {
        case accepted(table: Int)
        case declined
    }

    /// The invitee accepts (books both people and a free table) or declines. Expired or already
    /// decided requests and double bookings are refused with a German reason; nothing changes then.
    /// `announce` runs in the transaction of the decision (the requester hears of it).
    func decide(
        _ meeting: MeetingModel, accept: Bool, tables: Int, now: Date,
        announce: @escaping @Sendable (Decision, any Database) async throws -> Void = { _, _ in }
    ) async throws -> Decision {
        let meetingID = try meeting.requireID()
        guard accept else {
            return try await database.transaction { db in
                let sql = db as! any SQLDatabase
                let rows = try await sql.update(MeetingModel.schema).set(
                    SQLIdentifier("status"), to: SQLBind(MeetingModel.Status.abgelehnt.rawValue)
                )
                .where(SQLIdentifier("id"), .equal, SQLBind(meetingID)).where(
                    SQLIdentifier("status"), .equal, SQLBind(MeetingModel.Status.angefragt.rawValue)
                )
                .returning(SQLIdentifier("id")).all()
                guard !rows.isEmpty else { throw EventService.refused("Diese Anfrage ist schon entschieden.") }
                try await announce(.declined, db)
                return .declined
            }
        }
        guard !meeting.isExpired(at: now) else {
            throw EventService.refused("Diese Anfrage ist abgelaufen (\(GermanFormat.dateTime(meeting.expiresAt))).", status: 410)
        }
        let noTable = EventService.refused("In diesem Zeitfenster ist kein Tisch mehr frei.")
        guard tables > 0 else { throw noTable }
        // One attempt per table: a table taken by a concurrent acceptance sends us to the next.
        for _ in 0..<tables {
            do {
                return try await database.transaction { db in
                    let sql = db as! any SQLDatabase
                    let rows = try await sql.update(MeetingModel.schema).set(
                        SQLIdentifier("status"), to: SQLBind(MeetingModel.Status.angenommen.rawValue)
                    )
                    .where(SQLIdentifier("id"), .equal, SQLBind(meetingID))
                    .where(SQLIdentifier("status"), .equal, SQLBind(MeetingModel.Status.angefragt.rawValue))
                    .where(SQLIdentifier("expires_at"), .greaterThan, SQLBind(now))
                    .returning(SQLIdentifier("id")).all()
                    guard !rows.isEmpty else { throw EventService.refused("Diese Anfrage ist schon entschieden oder abgelaufen.") }
                    let taken = try await MeetingBookingModel.query(on: db).filter(\.$slotID == meeting.slotID).filter(\.$resource =~ "tisch:").all()
                        .compactMap { Int($0.resource.dropFirst("tisch:".count)) }
                    guard let table = (1...tables).first(where: { !taken.contains($0) }) else { throw noTable }
                    for resource in ["person:\(meeting.requesterID.uuidString)", "person:\(meeting.inviteeID.uuidString)", "tisch:\(table)"] {
                        try await MeetingBookingModel(eventID: meeting.eventID, slotID: meeting.slotID, resource: resource, meetingID: meetingID)
                            .create(on: db)
                    }
                    try await sql.update(MeetingModel.schema).set(SQLIdentifier("table_number"), to: SQLBind(table))
                        .where(SQLIdentifier("id"), .equal, SQLBind(meetingID)).run()
                    try await announce(.accepted(table: table), db)
                    return .accepted(table: table)
                }
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Someone booked a person or the table meanwhile: is it a person? Then refuse.
                let people = try await MeetingBookingModel.query(on: database).filter(\.$slotID == meeting.slotID)
                    .filter(\.$resource ~~ ["person:\(meeting.requesterID.uuidString)", "person:\(meeting.inviteeID.uuidString)"]).count()
                if people > 0 { throw EventService.refused("Zu dieser Zeit ist schon ein anderes Treffen vereinbart; diese Anfrage bleibt offen.") }
                continue  // the table was taken: try the next free one
            }
        }
        throw noTable
    }

    /// The requester withdraws, or either side cancels an agreed meeting (its bookings are freed).
    func withdraw(_ meeting: MeetingModel) async throws {
        let meetingID = try meeting.requireID()
        try await database.transaction { db in
            try await MeetingBookingModel.query(on: db).filter(\.$meetingID == meetingID).delete()
            meeting.status = MeetingModel.Status.zurueckgezogen.rawValue
            try await meeting.update(on: db)
        }
    }
}
