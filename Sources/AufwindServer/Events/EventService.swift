import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Events, their rooms and slot grid, registrations and phases. Every multi-row change runs in
/// one transaction; registrations of one event are serialised by raising the event's version
/// first (a row lock on PostgreSQL, the write lock on SQLite), so the capacity holds.
struct EventService {
    let database: any Database

    static func refused(_ message: ValidationMessage, status: Int = 409) -> ProblemDetails {
        ProblemDetails(title: "Nicht möglich", status: status, detail: message.text)
    }

    func create(_ input: EventInput, organiserType: EventModel.OrganiserType, organiserKey: String, organiserName: String) async throws -> EventModel
    {
        let event = EventModel()
        apply(input, to: event)
        event.organiserType = organiserType.rawValue
        event.organiserKey = organiserKey
        event.organiserName = organiserName
        event.phase = EventPhase.themenEinreichen.rawValue
        event.registrationOpen = true
        event.version = 1
        try await event.create(on: database)
        return event
    }

    func apply(_ input: EventInput, to event: EventModel) {
        event.title = input.title
        event.description = input.description
        event.firstDay = input.firstDay
        event.lastDay = input.lastDay
        event.place = input.place
        event.onlineURL = input.onlineURL
        event.capacity = input.capacity
        event.meetingTables = input.meetingTables
    }

    /// Sets capacity and whether registration is open; more places move people up from the
    /// waitlist (returned).
    func setRegistration(_ event: EventModel, capacity: Int, open: Bool) async throws -> [EventRegistrationModel] {
        try await changeRegistrations(of: event) { registration, db in
            event.capacity = capacity
            event.registrationOpen = open
            try await event.update(on: db)
            return (registration.setCapacity(capacity), ())
        }.moved
    }

    // MARK: Rooms and slots

    func addRoom(_ event: EventModel, name: String, capacity: Int) async throws {
        do {
            try await EventRoomModel(eventID: event.requireID(), name: name, capacity: capacity).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Self.refused("Einen Raum „\(name)“ gibt es schon.")
        }
    }

    /// Adds a slot to the grid; overlaps and days outside the event are refused.
    func addSlot(_ event: EventModel, slot: SlotGrid.Slot) async throws -> Result<Void, ValidationMessages> {
        let eventID = try event.requireID()
        return try await database.transaction { db in
            let existing = try await EventSlotModel.query(on: db).filter(\.$eventID == eventID).all()
            var grid = SlotGrid(slots: existing.map(\.slot))
            switch grid.add(slot, eventDays: event.days) {
            case .failure(let problems): return .failure(problems)
            case .success:
                try await EventSlotModel(eventID: eventID, slot: slot).create(on: db)
                return .success(())
            }
        }
    }

    // MARK: Registration

    /// Registers the user (confirmed while places are free, else on the waitlist).
    func register(_ event: EventModel, user: UserModel, type: EventRegistration.ParticipantType, orgKey: String, orgName: String) async throws
        -> Result<EventRegistration.Outcome, ValidationMessage>
    {
        let userID = try user.requireID()
        do {
            return try await changeRegistrations(of: event) { registration, db in
                let outcome = registration.register(.init(person: userID.uuidString, type: type))
                guard case .success(let result) = outcome else { return ([], outcome) }
                let model = EventRegistrationModel()
                model.eventID = try event.requireID()
                model.userID = userID
                model.userName = user.displayName
                model.participantType = type.rawValue
                model.orgKey = orgKey
                model.orgName = orgName
                model.status = (result == .confirmed ? EventRegistrationModel.Status.bestaetigt : .warteliste).rawValue
                model.sequence = event.version
                try await model.create(on: db)
                return ([], outcome)
            }.value
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return .failure("Sie sind bereits angemeldet.")
        }
    }

    /// Cancels the user's registration; the first on the waitlist moves up. Returns who moved up.
    func cancel(_ event: EventModel, userID: UUID) async throws -> [EventRegistrationModel] {
        try await changeRegistrations(of: event) { registration, db in
            try await EventRegistrationModel.query(on: db).filter(\.$eventID == event.requireID()).filter(\.$userID == userID).delete()
            return (registration.cancel(userID.uuidString), ())
        }.moved
    }

    /// Runs a change of the registrations against the core rules, under the event's lock, and
    /// writes who moved up from the waitlist.
    private func changeRegistrations<T: Sendable>(
        of event: EventModel,
        _ change: @escaping @Sendable (inout EventRegistration, any Database) async throws -> (moved: [EventRegistration.Entry], value: T)
    ) async throws -> (moved: [EventRegistrationModel], value: T) {
        let eventID = try event.requireID()
        return try await database.transaction { db in
            // Lock first: raise the version (row lock on PostgreSQL, write lock on SQLite).
            try await (db as! any SQLDatabase).update(EventModel.schema).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
                .where(SQLIdentifier("id"), .equal, SQLBind(eventID)).run()
            guard let fresh = try await EventModel.find(eventID, on: db) else { throw ProblemDetails.notFound("Diese Veranstaltung gibt es nicht.") }
            event.version = fresh.version
            let rows = try await EventRegistrationModel.query(on: db).filter(\.$eventID == eventID).sort(\.$sequence).sort(\.$createdAt).all()
            var registration = EventRegistration(capacity: 0, isOpen: fresh.registrationOpen)
            registration.restore(
                confirmed: rows.filter { $0.statusValue == .bestaetigt }.map { .init(person: $0.userID.uuidString, type: $0.typeValue) },
                waitlist: rows.filter { $0.statusValue == .warteliste }.map { .init(person: $0.userID.uuidString, type: $0.typeValue) },
                capacity: fresh.capacity)
            let (moved, value) = try await change(&registration, db)
            let movedIDs = moved.compactMap { UUID(uuidString: $0.person) }
            guard !movedIDs.isEmpty else { return ([], value) }
            try await EventRegistrationModel.query(on: db).filter(\.$eventID == eventID).filter(\.$userID ~~ movedIDs)
                .set(\.$status, to: EventRegistrationModel.Status.bestaetigt.rawValue).update()
            return (try await EventRegistrationModel.query(on: db).filter(\.$eventID == eventID).filter(\.$userID ~~ movedIDs).all(), value)
        }
    }

    /// Tells those who moved up from the waitlist (in the app and by mail).
    func notifyMovedUp(_ moved: [EventRegistrationModel], event: EventModel, baseURL: String) async throws {
        guard !moved.isEmpty else { return }
        let users = try await UserModel.query(on: database).filter(\.$id ~~ moved.map(\.userID)).all()
        let notifier = Notifier(database: database, baseURL: baseURL)
        try await notifier.notify(
            users,
            NotificationMessage(
                category: .veranstaltungen, subject: "Nachgerückt: \(event.title)",
                text: "Ein Platz ist frei geworden: Sie sind jetzt für „\(event.title)“ angemeldet.", link: event.path,
                action: "Veranstaltung ansehen"))
    }

    /// Moves the event into `phase`; when it really changes (one conditional update, so of two
    /// organisers at once one announces it), the participants hear of it in the same transaction.
    func setPhase(_ event: EventModel, _ phase: EventPhase, by organiser: UUID? = nil, baseURL: String? = nil) async throws {
        let eventID = try event.requireID()
        let changed = try await database.transaction { db in
            let rows = try await (db as! any SQLDatabase).update(EventModel.schema).set(SQLIdentifier("phase"), to: SQLBind(phase.rawValue))
                .where(SQLIdentifier("id"), .equal, SQLBind(eventID)).where(SQLIdentifier("phase"), .notEqual, SQLBind(phase.rawValue))
                .returning(SQLIdentifier("id")).all()
            guard !rows.isEmpty else { return false }
            if let baseURL { try await EventNotices(database: db, baseURL: baseURL).phaseChanged(event, to: phase, by: organiser) }
            return true
        }
        if changed { event.phase = phase.rawValue }
    }

    func registration(of userID: UUID?, in event: EventModel) async throws -> EventRegistrationModel? {
        guard let userID else { return nil }
        return try await EventRegistrationModel.query(on: database).filter(\.$eventID == event.requireID()).filter(\.$userID == userID).first()
    }
}
