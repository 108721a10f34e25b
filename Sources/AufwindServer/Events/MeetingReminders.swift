import AufwindCore
import Fluent
import Foundation
import SQLKit

/// A reminder to both people shortly before each planned 1:1 meeting. Each meeting is claimed
/// with one conditional update (`reminded_at IS NULL`), so it is reminded once, whichever
/// instance runs first; a meeting that moves is reminded again at its new time.
struct MeetingReminders {
    let database: any Database
    let baseURL: String

    /// How long before a meeting the reminder goes out.
    static let lead: TimeInterval = 30 * 60

    /// Sends the reminders due at `now`; returns how many meetings were reminded.
    func sendDue(now: Date) async throws -> Int {
        let today = ISODay.today(now)
        let windows = try await EventSlotModel.query(on: database).filter(\.$kind == SlotGrid.Kind.treffen.rawValue)
            .filter(\.$day ~~ [today, ISODay.adding(1, to: today)]).all()
        guard !windows.isEmpty else { return 0 }
        let byID = Dictionary(uniqueKeysWithValues: windows.map { ($0.id!, $0) })
        let meetings = try await MeetingModel.query(on: database).filter(\.$slotID ~~ Array(byID.keys))
            .filter(\.$status == MeetingModel.Status.angenommen.rawValue).filter(\.$remindedAt == nil).all()
        // The events of the due meetings, read once.
        let eventIDs = Array(Set(meetings.map(\.eventID)))
        let events =
            eventIDs.isEmpty
            ? [:] : Dictionary(uniqueKeysWithValues: try await EventModel.query(on: database).filter(\.$id ~~ eventIDs).all().map { ($0.id!, $0) })
        var sent = 0
        for meeting in meetings {
            guard let window = byID[meeting.slotID], let start = meeting.plannedStart,
                let instant = SlotGrid.instant(day: window.day, minutes: start), instant > now, instant.timeIntervalSince(now) <= Self.lead,
                let event = events[meeting.eventID]
            else { continue }
            let place = MeetingWindowPlanner.Assignment(start: start, end: start + window.meetingLength, table: meeting.tableNumber ?? 1)
            let claimed = try await database.transaction { db -> Bool in
                let rows = try await (db as! any SQLDatabase).update(MeetingModel.schema)
                    .set(SQLIdentifier("reminded_at"), to: SQLBind(now))
                    .where(SQLIdentifier("id"), .equal, SQLBind(try meeting.requireID()))
                    .where(SQLIdentifier("reminded_at"), .is, SQLLiteral.null)
                    .where(SQLIdentifier("planned_start"), .equal, SQLBind(start))
                    .where(SQLIdentifier("table_number"), .equal, SQLBind(place.table))
                    .returning(SQLIdentifier("id")).all()
                guard !rows.isEmpty else { return false }
                let notifier = Notifier(database: db, baseURL: baseURL)
                for (person, other) in [(meeting.requesterID, meeting.inviteeName), (meeting.inviteeID, meeting.requesterName)] {
                    try await notifier.notify(
                        users: [person],
                        NotificationMessage(
                            category: .veranstaltungen, subject: "Gleich: 1:1-Treffen mit \(other), \(place.timeLabel) Uhr, Tisch \(place.table)",
                            text: "Ihr 1:1-Treffen mit \(other) bei „\(event.title)“ beginnt bald: \(MeetingService.label(day: window.day, place)).",
                            link: event.path + "/treffen/plan", action: "Treffplan ansehen"))
                }
                return true
            }
            if claimed { sent += 1 }
        }
        return sent
    }
}
