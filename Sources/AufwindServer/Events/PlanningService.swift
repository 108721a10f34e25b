import AufwindCore
import Fluent
import Foundation
import Vapor

/// The planning grid: the optimiser's instance built from the database, runs of the optimiser,
/// moves and pins by hand, conflicts, and publishing versions with their change list.
struct PlanningService {
    let database: any Database

    /// Everything the grid needs, read once.
    struct Board {
        var event: EventModel
        var rooms: [EventRoomModel]
        /// Session slots only (meeting windows and breaks are not planned).
        var slots: [EventSlotModel]
        var sessions: [EventSessionModel]
        var hosts: [UUID: [EventSessionHostModel]]
        var votes: [UUID: Int]
        var assignments: [UUID: EventAssignmentModel]
        var participants: [ScheduleInstance.Participant]

        var active: [EventSessionModel] { sessions.filter { !$0.cancelled } }

        /// The optimiser's view: ids are the database ids (lowercased UUIDs).
        var instance: ScheduleInstance {
            let slotIDs = Set(slots.compactMap(\.id))
            return ScheduleInstance(
                rooms: rooms.map { .init(id: $0.id!.uuidString.lowercased(), capacity: $0.capacity) },
                slots: slots.map { $0.id!.uuidString.lowercased() },
                sessions: active.map { session in
                    let pin = assignments[session.id!].flatMap {
                        $0.pinned ? ScheduleInstance.Pin(room: $0.roomID.uuidString.lowercased(), slot: $0.slotID.uuidString.lowercased()) : nil
                    }
                    return .init(
                        id: session.key, hosts: (hosts[session.id!] ?? []).map { $0.userID.uuidString.lowercased() }, pinned: pin,
                        unavailableSlots: session.unavailable.filter { UUID(uuidString: $0).map(slotIDs.contains) ?? false })
                },
                participants: participants)
        }

        /// The working plan as the optimiser's `Schedule`.
        var plan: Schedule {
            let active = Set(active.compactMap(\.id))
            let assignments = assignments.values.filter { active.contains($0.id!) }.map {
                Schedule.Assignment(
                    session: $0.id!.uuidString.lowercased(), room: $0.roomID.uuidString.lowercased(), slot: $0.slotID.uuidString.lowercased())
            }
            return Schedule(assignments: assignments, unscheduled: [], score: 0, covered: 0, overflow: 0)
        }

        func title(_ key: String) -> String { sessions.first { $0.key == key }?.title ?? key }
        func roomName(_ key: String) -> String { rooms.first { $0.id!.uuidString.lowercased() == key }?.name ?? key }
        func slotLabel(_ key: String) -> String { slots.first { $0.id!.uuidString.lowercased() == key }?.label ?? key }

        /// Names instead of ids in the optimiser's German messages.
        func readable(_ text: String) -> String {
            var text = text
            for session in sessions { text = text.replacingOccurrences(of: session.key, with: session.title) }
            for room in rooms { text = text.replacingOccurrences(of: room.id!.uuidString.lowercased(), with: room.name) }
            for slot in slots { text = text.replacingOccurrences(of: slot.id!.uuidString.lowercased(), with: slot.label) }
            for host in hosts.values.flatMap({ $0 }) {
                text = text.replacingOccurrences(of: host.userID.uuidString.lowercased(), with: host.userName)
            }
            return text
        }
    }

    func board(_ event: EventModel) async throws -> Board {
        let eventID = try event.requireID()
        let rooms = try await EventRoomModel.query(on: database).filter(\.$eventID == eventID).sort(\.$createdAt).all()
        let slots = try await EventSlotModel.query(on: database).filter(\.$eventID == eventID)
            .filter(\.$kind == SlotGrid.Kind.session.rawValue).sort(\.$day).sort(\.$startMinute).all()
        let loaded = try await SessionService(database: database).load(eventID)
        let assignments = try await EventAssignmentModel.query(on: database).filter(\.$eventID == eventID).all()
        let confirmed = try await EventRegistrationModel.query(on: database).filter(\.$eventID == eventID)
            .filter(\.$status == EventRegistrationModel.Status.bestaetigt.rawValue).all().map(\.userID)
        let votes = try await EventVoteModel.query(on: database).filter(\.$eventID == eventID).all()
        let active = Set(loaded.sessions.filter { !$0.cancelled }.compactMap(\.id))
        var interests: [UUID: [String]] = [:]
        for vote in votes where active.contains(vote.sessionID) { interests[vote.userID, default: []].append(vote.sessionID.uuidString.lowercased()) }
        // Hosts count as participants of their own sessions even when they did not register.
        let people = Array(Set(confirmed).union(loaded.hosts.values.flatMap { $0.map(\.userID) }).union(interests.keys)).sorted {
            $0.uuidString < $1.uuidString
        }
        return Board(
            event: event, rooms: rooms, slots: slots, sessions: loaded.sessions, hosts: loaded.hosts, votes: loaded.votes,
            assignments: Dictionary(assignments.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a }),
            participants: people.map { .init(id: $0.uuidString.lowercased(), interests: interests[$0] ?? []) })
    }

    /// Runs the optimiser (a re-plan with minimal change when a plan exists) and stores the result.
    /// Returns the plan and the sessions that moved.
    func optimise(_ board: Board, threadPool: NIOThreadPool) async throws -> (Schedule, [String]) {
        let instance = board.instance
        let optimiser: ScheduleOptimizer
        do {
            optimiser = try ScheduleOptimizer(instance)
        } catch {
            throw EventService.refused(ValidationMessage(error.problems.map(board.readable).joined(separator: " ")), status: 422)
        }
        let previous = board.plan
        let result: (Schedule, [String]) = try await threadPool.runIfActive {
            if previous.assignments.isEmpty { return (optimiser.optimize(), []) }
            let replanned = optimiser.replan(previous: previous)
            return (replanned.schedule, replanned.moved)
        }
        try await store(result.0, board: board)
        return result
    }

    /// Replaces the working plan (pins stay where they are).
    private func store(_ schedule: Schedule, board: Board) async throws {
        let eventID = try board.event.requireID()
        let pinned = Set(board.assignments.values.filter(\.pinned).compactMap(\.id))
        try await database.transaction { db in
            try await EventAssignmentModel.query(on: db).filter(\.$eventID == eventID).delete()
            for assignment in schedule.assignments {
                guard let session = UUID(uuidString: assignment.session), let room = UUID(uuidString: assignment.room),
                    let slot = UUID(uuidString: assignment.slot)
                else { continue }
                try await EventAssignmentModel(sessionID: session, eventID: eventID, roomID: room, slotID: slot, pinned: pinned.contains(session))
                    .create(on: db)
            }
        }
    }

    /// Moves a session into a cell (nil: out of the plan). A session already there changes
    /// places with it; a pinned one stays and the move is refused.
    func move(_ board: Board, session: EventSessionModel, to cell: (room: UUID, slot: UUID)?) async throws {
        let eventID = try board.event.requireID()
        let sessionID = try session.requireID()
        let current = board.assignments[sessionID]
        if current?.pinned == true { throw EventService.refused("„\(session.title)“ ist festgelegt; lösen Sie zuerst die Festlegung.") }
        guard let cell else {
            try await EventAssignmentModel.query(on: database).filter(\.$id == sessionID).delete()
            return
        }
        guard board.rooms.contains(where: { $0.id == cell.room }), board.slots.contains(where: { $0.id == cell.slot }) else {
            throw EventService.refused("Diesen Raum oder dieses Zeitfenster gibt es in dieser Veranstaltung nicht.", status: 422)
        }
        let occupant = board.assignments.values.first { $0.roomID == cell.room && $0.slotID == cell.slot && $0.id != sessionID }
        if let occupant, occupant.pinned {
            throw EventService.refused("Dort ist „\(board.sessions.first { $0.id == occupant.id }?.title ?? "eine Session")“ festgelegt.")
        }
        try await database.transaction { db in
            if let occupant {
                if let current {
                    occupant.roomID = current.roomID
                    occupant.slotID = current.slotID
                    try await occupant.update(on: db)
                } else {
                    try await occupant.delete(on: db)
                }
            }
            if let current {
                current.roomID = cell.room
                current.slotID = cell.slot
                try await current.update(on: db)
            } else {
                try await EventAssignmentModel(sessionID: sessionID, eventID: eventID, roomID: cell.room, slotID: cell.slot, pinned: false).create(
                    on: db)
            }
        }
    }

    /// Pins a session where it lies, or releases it. Pins that contradict others (a host pinned
    /// twice in one slot, a pin into an unavailable slot) are refused; nothing changes.
    func pin(_ board: Board, session: EventSessionModel, pinned: Bool) async throws {
        let sessionID = try session.requireID()
        guard let assignment = board.assignments[sessionID] else {
            throw EventService.refused("„\(session.title)“ ist noch nicht eingeplant; ziehen Sie sie zuerst in eine Zelle.", status: 422)
        }
        if pinned {
            var trial = board
            let copy = EventAssignmentModel(
                sessionID: sessionID, eventID: assignment.eventID, roomID: assignment.roomID, slotID: assignment.slotID, pinned: true)
            trial.assignments[sessionID] = copy
            let problems = trial.instance.problems
            if !problems.isEmpty {
                throw EventService.refused(
                    ValidationMessage(
                        "Die Festlegung widerspricht dem Plan: " + problems.map(board.readable).joined(separator: " ")
                            + " Der Plan bleibt unverändert."))
            }
        }
        assignment.pinned = pinned
        try await assignment.update(on: database)
    }

    /// Every conflict of the working plan, in German with names.
    func conflicts(_ board: Board, optimiser: ScheduleOptimizer) -> [ScheduleConflict] {
        optimiser.conflicts(in: board.plan).map { conflict in
            var readable = conflict
            readable.message = board.readable(conflict.message)
            return readable
        }
    }

    /// The working plan in display form, in grid order (slot, then room).
    func placements(_ board: Board) -> [ScheduleChange.Placement] {
        let order = Dictionary(uniqueKeysWithValues: board.slots.enumerated().map { ($1.id!.uuidString.lowercased(), $0) })
        return board.plan.assignments.map { a in
            ScheduleChange.Placement(
                session: a.session, title: board.title(a.session), room: board.roomName(a.room), slot: a.slot, slotLabel: board.slotLabel(a.slot))
        }.sorted { (order[$0.slot] ?? 0, $0.room) < (order[$1.slot] ?? 0, $1.room) }
    }

    /// Publishes the working plan as the next version with the change list against the last one.
    /// Publishes the board as the next version; `announce` runs in the same transaction (the
    /// participants hear of it: `EventNotices.published`).
    func publish(
        _ board: Board, by publisher: String,
        announce: @escaping @Sendable (ScheduleVersionModel, any Database) async throws -> Void = { _, _ in }
    ) async throws -> ScheduleVersionModel {
        let eventID = try board.event.requireID()
        let placements = placements(board)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try await database.transaction { db in
            let last = try await ScheduleVersionModel.query(on: db).filter(\.$eventID == eventID).sort(\.$number, .descending).first()
            let version = ScheduleVersionModel()
            version.eventID = eventID
            version.number = (last?.number ?? 0) + 1
            version.placements = String(decoding: try encoder.encode(placements), as: UTF8.self)
            let changes = last.map { ScheduleChange.between($0.placementList, placements) } ?? []
            version.changes = String(decoding: try encoder.encode(changes), as: UTF8.self)
            version.publishedBy = publisher
            try await version.create(on: db)
            board.event.phase = EventPhase.veroeffentlicht.rawValue
            try await board.event.update(on: db)
            try await announce(version, db)
            return version
        }
    }

    func latestVersion(_ eventID: UUID) async throws -> ScheduleVersionModel? {
        try await ScheduleVersionModel.query(on: database).filter(\.$eventID == eventID).sort(\.$number, .descending).first()
    }
}
