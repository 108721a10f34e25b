import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Changes of an event after its creation: its facts (title, description, days, place, places),
/// its rooms (renamed, resized, removed with what happens to their sessions). Each change is one
/// transaction: the write, the corrected published programme (when one is published) and the
/// notices to the people it touches.
struct EventEditService {
    let database: any Database
    let baseURL: String

    enum Outcome: Equatable {
        case saved
        /// Somebody changed the event since the form was opened (its version moved on).
        case stale
    }

    /// Saves `edit` if the event still has `expectedVersion`; moves the slot grid with the days,
    /// lets people move up from the waitlist when there are more places, and tells the registered
    /// participants of new days or a new place, and hosts and interested people of sessions that moved.
    func edit(_ event: EventModel, _ edit: EventEdit, expectedVersion: Int, by organiser: UserModel) async throws -> Outcome {
        let eventID = try event.requireID()
        let input = edit.input
        return try await database.transaction { db in
            let rows = try await (db as! any SQLDatabase).update(EventModel.schema)
                .set(SQLIdentifier("title"), to: SQLBind(input.title)).set(SQLIdentifier("description"), to: SQLBind(input.description))
                .set(SQLIdentifier("first_day"), to: SQLBind(input.firstDay)).set(SQLIdentifier("last_day"), to: SQLBind(input.lastDay))
                .set(SQLIdentifier("place"), to: SQLBind(input.place)).set(SQLIdentifier("online_url"), to: SQLBind(input.onlineURL))
                .set(SQLIdentifier("meeting_tables"), to: SQLBind(input.meetingTables)).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
                .where(SQLIdentifier("id"), .equal, SQLBind(eventID)).where(SQLIdentifier("version"), .equal, SQLBind(expectedVersion))
                .returning(SQLIdentifier("id")).all()
            guard !rows.isEmpty, let fresh = try await EventModel.find(eventID, on: db) else { return .stale }
            for (slot, day) in edit.movedSlots {
                guard let id = UUID(uuidString: slot) else { continue }
                try await EventSlotModel.query(on: db).filter(\.$id == id).set(\.$day, to: day).update()
            }
            let service = EventService(database: db)
            let moved = try await service.setRegistration(fresh, capacity: input.capacity, open: fresh.registrationOpen)
            let notices = EventNotices(database: db, baseURL: baseURL)
            if edit.datesChanged || edit.placeChanged { try await notices.eventChanged(fresh, edit, by: organiser.id) }
            if !edit.movedSlots.isEmpty { try await correctProgramme(fresh, by: organiser, on: db) { $0 } }
            try await service.notifyMovedUp(moved, event: fresh, baseURL: baseURL)
            event.version = fresh.version
            return .saved
        }
    }

    // MARK: Rooms

    /// Renames or resizes a room; a new name reaches the published programme.
    func editRoom(_ event: EventModel, room: EventRoomModel, name: String, capacity: Int, by organiser: UserModel) async throws {
        let oldName = room.name
        do {
            try await database.transaction { db in
                room.name = name
                room.capacity = capacity
                try await room.update(on: db)
                guard oldName != name else { return }
                try await correctProgramme(event, by: organiser, on: db) { placements in
                    placements.map { placement in
                        var placement = placement
                        if placement.room == oldName { placement.room = name }
                        return placement
                    }
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw EventService.refused("Einen Raum „\(name)“ gibt es schon.")
        }
    }

    /// What happens to the sessions of a room that is removed.
    enum Disposal: Equatable {
        /// Into another room of the event, in the same slots.
        case move(to: UUID)
        /// Out of the plan: the team places them again.
        case unschedule
    }

    /// The sessions planned in `room` (working plan), with their slot, in the order of the grid.
    func sessions(in room: EventRoomModel) async throws -> [(session: EventSessionModel, slot: EventSlotModel?)] {
        let assignments = try await EventAssignmentModel.query(on: database).filter(\.$roomID == room.requireID()).all()
        guard !assignments.isEmpty else { return [] }
        let sessions = try await EventSessionModel.query(on: database).filter(\.$id ~~ assignments.compactMap(\.id)).all()
        let slots = try await EventSlotModel.query(on: database).filter(\.$id ~~ assignments.map(\.slotID)).all()
        return sessions.map { session in
            let slotID = assignments.first { $0.id == session.id }?.slotID
            return (session, slots.first { $0.id == slotID })
        }.sorted { ($0.slot?.day ?? "", $0.slot?.startMinute ?? 0) < ($1.slot?.day ?? "", $1.slot?.startMinute ?? 0) }
    }

    /// Removes a room; its sessions go where `disposal` says (a move into a room that is taken
    /// in the same slot is refused, nothing changes). Hosts and interested people hear of it.
    func removeRoom(_ event: EventModel, room: EventRoomModel, disposal: Disposal, by organiser: UserModel) async throws
        -> Result<Void, ValidationMessages>
    {
        let roomID = try room.requireID()
        let eventID = try event.requireID()
        return try await database.transaction { db in
            let assignments = try await EventAssignmentModel.query(on: db).filter(\.$roomID == roomID).all()
            var targetName: String?
            switch disposal {
            case .move(let target):
                guard let targetRoom = try await EventRoomModel.find(target, on: db), targetRoom.eventID == eventID, target != roomID else {
                    return .failure(ValidationMessages(messages: ["Bitte wählen Sie einen anderen Raum dieser Veranstaltung."]))
                }
                let taken = Set(try await EventAssignmentModel.query(on: db).filter(\.$roomID == target).all().map(\.slotID))
                let clashing = assignments.filter { taken.contains($0.slotID) }
                if !clashing.isEmpty {
                    let titles = try await EventSessionModel.query(on: db).filter(\.$id ~~ clashing.compactMap(\.id)).all().map { "„\($0.title)“" }
                    return .failure(
                        ValidationMessages(messages: [
                            "Im Raum „\(targetRoom.name)“ ist zur selben Zeit schon etwas eingeplant (betrifft \(titles.sorted().joined(separator: ", "))); bitte einen anderen Raum wählen oder die Sessions ausplanen."
                        ]))
                }
                try await EventAssignmentModel.query(on: db).filter(\.$roomID == roomID).set(\.$roomID, to: target).update()
                targetName = targetRoom.name
            case .unschedule:
                try await EventAssignmentModel.query(on: db).filter(\.$roomID == roomID).delete()
            }
            try await room.delete(on: db)
            try await correctProgramme(event, by: organiser, on: db) { placements in
                placements.compactMap { placement in
                    guard placement.room == room.name else { return placement }
                    guard let targetName else { return nil }
                    var moved = placement
                    moved.room = targetName
                    return moved
                }
            }
            return .success(())
        }
    }

    // MARK: The published programme

    /// When a programme is published, publishes its correction as the next version (the slot
    /// times as they are now, rooms as `transform` says) and tells hosts and interested people of
    /// every session that moved or left the programme.
    private func correctProgramme(
        _ event: EventModel, by organiser: UserModel, on db: any Database,
        _ transform: ([ScheduleChange.Placement]) -> [ScheduleChange.Placement]
    ) async throws {
        let eventID = try event.requireID()
        guard let last = try await ScheduleVersionModel.query(on: db).filter(\.$eventID == eventID).sort(\.$number, .descending).first()
        else { return }
        let slots = try await EventSlotModel.query(on: db).filter(\.$eventID == eventID).all()
        let labels = Dictionary(slots.map { ($0.id!.uuidString.lowercased(), $0.label) }, uniquingKeysWith: { first, _ in first })
        let old = last.placementList
        let new = transform(old).map { placement in
            var placement = placement
            placement.slotLabel = labels[placement.slot] ?? placement.slotLabel
            return placement
        }
        let changes = ScheduleChange.between(old, new)
        guard !changes.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let version = ScheduleVersionModel()
        version.eventID = eventID
        version.number = last.number + 1
        version.placements = String(decoding: try encoder.encode(new), as: UTF8.self)
        version.changes = String(decoding: try encoder.encode(changes), as: UTF8.self)
        version.publishedBy = organiser.displayName
        try await version.create(on: db)
        try await EventNotices(database: db, baseURL: baseURL).programmeCorrected(changes, of: event, version: version.number, by: organiser.id)
    }
}
