import AufwindCore
import Fluent
import Foundation
import SQLKit

/// 1:1 meetings in the organiser's meeting windows, as b2match does them: a participant asks
/// another for a meeting in a window with a priority (1–3); once accepted, the meeting scheduler
/// gives it a time and a table in that window, keeping every other meeting where it is.
///
/// Each window is planned on its own (a request belongs to one window), always inside a
/// transaction that first raises the window's plan version: that holds the window's row, so
/// two acceptances in one window plan one after the other, whichever instance they reach.
struct MeetingService {
    let database: any Database
    let baseURL: String

    /// Requests expire after two days, and at the latest when their window begins.
    static let validity: TimeInterval = 2 * 24 * 3600

    func request(
        _ event: EventModel, window: EventSlotModel, from requester: EventRegistrationModel, to invitee: EventRegistrationModel,
        priority: Int, context: String, message: String, now: Date,
        announce: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws -> MeetingModel {
        guard window.kind == SlotGrid.Kind.treffen.rawValue, window.eventID == event.id else {
            throw EventService.refused("Treffen werden nur in den Zeitfenstern für 1:1-Treffen vereinbart.", status: 422)
        }
        guard (window.meetingTables ?? event.meetingTables) > 0 else {
            throw EventService.refused("Diese Veranstaltung hat keine Tische für 1:1-Treffen.")
        }
        guard !MeetingWindows(windows: [window.meetingWindow(eventTables: event.meetingTables)]).slots.isEmpty else {
            throw EventService.refused("Dieses Zeitfenster ist kürzer als ein Treffen; bitte ein anderes wählen.")
        }
        guard MeetingInstance.priorities.contains(priority) else {
            throw EventService.refused("Die Wichtigkeit ist 1 (gern), 2 (wichtig) oder 3 (sehr wichtig).", status: 422)
        }
        guard requester.userID != invitee.userID else { throw EventService.refused("Ein Treffen mit sich selbst ist nicht möglich.", status: 422) }
        guard requester.statusValue == .bestaetigt, invitee.statusValue == .bestaetigt else {
            throw EventService.refused("Treffen gibt es nur zwischen bestätigten Teilnehmer:innen.")
        }
        guard let start = window.interval?.start, start > now else { throw EventService.refused("Dieses Zeitfenster hat schon begonnen.") }
        let windowID = try window.requireID()
        if let existing = try await pairMeetings(window: windowID, requester.userID, invitee.userID, on: database)
            .first(where: { $0.statusValue == .angenommen || ($0.statusValue == .angefragt && !$0.isExpired(at: now)) })
        {
            let message: ValidationMessage =
                existing.statusValue == .angenommen
                ? "Mit \(invitee.userName) ist in diesem Zeitfenster schon ein Treffen vereinbart (siehe „Mein Treffplan“)."
                : existing.requesterID == requester.userID
                    ? "Sie haben \(invitee.userName) für dieses Zeitfenster schon angefragt; die Anfrage steht unten unter „Ihre Anfragen“. Soll es um etwas anderes gehen, ziehen Sie sie dort zurück und fragen neu an."
                    : "\(invitee.userName) hat Sie für dieses Zeitfenster schon angefragt: Nehmen Sie die Anfrage unten unter „Anfragen an Sie“ an."
            throw EventService.refused(message)
        }
        let meeting = MeetingModel()
        meeting.eventID = try event.requireID()
        meeting.slotID = windowID
        meeting.requesterID = requester.userID
        meeting.requesterName = requester.userName
        meeting.inviteeID = invitee.userID
        meeting.inviteeName = invitee.userName
        meeting.context = context
        meeting.message = message
        meeting.priority = priority
        meeting.status = MeetingModel.Status.angefragt.rawValue
        meeting.expiresAt = min(now.addingTimeInterval(Self.validity), start)
        try await database.transaction { db in
            try await meeting.create(on: db)
            try await announce(db)
        }
        return meeting
    }

    enum Decision: Equatable {
        case accepted(MeetingWindowPlanner.Assignment)
        case declined
    }

    /// The invitee accepts (the window is re-planned and the meeting gets a time and a table) or
    /// declines. Expired or decided requests, a second meeting of the pair in the window and a
    /// window without a common free time are refused with a German reason; nothing changes then.
    /// `announce` runs in the transaction of the decision (the requester hears of it).
    func decide(
        _ meeting: MeetingModel, accept: Bool, event: EventModel, now: Date,
        announce: @escaping @Sendable (Decision, any Database) async throws -> Void = { _, _ in }
    ) async throws -> Decision {
        let meetingID = try meeting.requireID()
        return try await database.transaction { db in
            let sql = db as! any SQLDatabase
            guard accept else {
                let rows = try await sql.update(MeetingModel.schema)
                    .set(SQLIdentifier("status"), to: SQLBind(MeetingModel.Status.abgelehnt.rawValue))
                    .where(SQLIdentifier("id"), .equal, SQLBind(meetingID))
                    .where(SQLIdentifier("status"), .equal, SQLBind(MeetingModel.Status.angefragt.rawValue))
                    .returning(SQLIdentifier("id")).all()
                guard !rows.isEmpty else { throw EventService.refused("Diese Anfrage ist schon entschieden.") }
                try await announce(.declined, db)
                return .declined
            }
            guard !meeting.isExpired(at: now) else {
                throw EventService.refused("Diese Anfrage ist abgelaufen (\(GermanFormat.dateTime(meeting.expiresAt))).", status: 410)
            }
            guard let window = try await lock(window: meeting.slotID, on: db) else {
                throw EventService.refused("Dieses Zeitfenster gibt es nicht mehr.")
            }
            if try await pairMeetings(window: meeting.slotID, meeting.requesterID, meeting.inviteeID, on: db)
                .contains(where: { $0.statusValue == .angenommen })
            {
                throw EventService.refused("Mit \(meeting.requesterName) ist in diesem Zeitfenster schon ein Treffen vereinbart.")
            }
            let rows = try await sql.update(MeetingModel.schema)
                .set(SQLIdentifier("status"), to: SQLBind(MeetingModel.Status.angenommen.rawValue))
                .where(SQLIdentifier("id"), .equal, SQLBind(meetingID))
                .where(SQLIdentifier("status"), .equal, SQLBind(MeetingModel.Status.angefragt.rawValue))
                .where(SQLIdentifier("expires_at"), .greaterThan, SQLBind(now))
                .returning(SQLIdentifier("id")).all()
            guard !rows.isEmpty else { throw EventService.refused("Diese Anfrage ist schon entschieden oder abgelaufen.") }
            let changes = try await replan(window, event: event, on: db)
            guard let placed = changes.first(where: { $0.meeting.id == meetingID })?.after else {
                throw EventService.refused(
                    "In diesem Zeitfenster gibt es keine gemeinsame freie Zeit mit freiem Tisch mehr; die Anfrage bleibt offen.")
            }
            try await announce(.accepted(placed), db)
            try await notify(changes.filter { $0.meeting.id != meetingID }, window: window, event: event, on: db)
            return .accepted(placed)
        }
    }

    /// The requester withdraws an open request, or either side cancels an agreed meeting: the
    /// other person is told, and the place goes to a meeting that had none. Returns whether an
    /// agreed meeting was cancelled.
    /// The meeting is read again after the window is held, `authorize` decides on that fresh row,
    /// and the status changes only if it is still the one decided on (a decline does not hold the
    /// window), so a withdrawal never overwrites an answer given at the same moment.
    @discardableResult
    func withdraw(
        _ stale: MeetingModel, by userID: UUID, event: EventModel, authorize: @escaping @Sendable (MeetingModel) throws -> Void
    ) async throws -> Bool {
        try await database.transaction { db in
            let window = try await lock(window: stale.slotID, on: db)
            guard let meeting = try await MeetingModel.find(stale.requireID(), on: db) else {
                throw ProblemDetails.notFound("Diese Anfrage gibt es nicht.")
            }
            try authorize(meeting)
            let wasAccepted = meeting.statusValue == .angenommen
            let place = meeting.plannedStart.map { start in
                MeetingWindowPlanner.Assignment(start: start, end: start + (window?.meetingLength ?? 15), table: meeting.tableNumber ?? 1)
            }
            let rows = try await (db as! any SQLDatabase).update(MeetingModel.schema)
                .set(SQLIdentifier("status"), to: SQLBind((wasAccepted ? MeetingModel.Status.abgesagt : .zurueckgezogen).rawValue))
                .set(SQLIdentifier("planned_start"), to: SQLLiteral.null).set(SQLIdentifier("table_number"), to: SQLLiteral.null)
                .where(SQLIdentifier("id"), .equal, SQLBind(try meeting.requireID()))
                .where(SQLIdentifier("status"), .equal, SQLBind(meeting.status))
                .returning(SQLIdentifier("id")).all()
            guard !rows.isEmpty else { throw EventService.refused("Diese Anfrage hat sich gerade geändert; bitte laden Sie die Seite neu.") }
            guard wasAccepted else { return false }
            let byRequester = meeting.requesterID == userID
            let (canceller, other) = byRequester ? (meeting.requesterName, meeting.inviteeID) : (meeting.inviteeName, meeting.requesterID)
            let when = window.map { window in place.map { Self.label(day: window.day, $0) } ?? window.label } ?? ""
            try await Notifier(database: db, baseURL: baseURL).notify(
                users: [other],
                NotificationMessage(
                    category: .veranstaltungen, subject: "1:1-Treffen abgesagt: \(canceller)",
                    text: "\(canceller) hat Ihr 1:1-Treffen bei „\(event.title)“ abgesagt (\(when)). Der Platz ist wieder frei.",
                    link: event.path + "/treffen", action: "Andere Treffen anfragen"))
            if let window { try await notify(try await replan(window, event: event, on: db), window: window, event: event, on: db) }
            return true
        }
    }

    /// The organiser sets a window's meeting length and tables; the window is re-planned at once
    /// (meetings keep their place where it still exists) and everyone whose meeting moved is told.
    func configure(_ window: EventSlotModel, length: Int, tables: Int, event: EventModel) async throws -> [Change] {
        let problems = MeetingWindows(windows: [MeetingWindows.Window(slot: window.slot, length: length, tables: tables)]).problems
        guard problems.isEmpty else { throw EventService.refused(ValidationMessage(problems.joined(separator: " ")), status: 422) }
        return try await database.transaction { db in
            guard let locked = try await lock(window: window.requireID(), on: db) else {
                throw EventService.refused("Dieses Zeitfenster gibt es nicht mehr.")
            }
            let previousLength = locked.meetingLength
            locked.meetingLength = length
            locked.meetingTables = tables
            try await locked.update(on: db)
            let changes = try await replan(locked, event: event, previousLength: previousLength, on: db)
            try await notify(changes, window: locked, event: event, on: db)
            return changes
        }
    }

    /// Re-plans every meeting window of the event (e.g. after tables were added): meetings
    /// without a place get one where possible, all others stay.
    func planAll(_ event: EventModel, now: Date) async throws -> (placed: Int, unplaced: Int, changes: Int) {
        // Windows that have begun stay as they are: their meetings are under way or over.
        let windows = try await EventSlotModel.query(on: database).filter(\.$eventID == event.requireID())
            .filter(\.$kind == SlotGrid.Kind.treffen.rawValue).all().filter { ($0.interval?.start ?? .distantPast) > now }
        var changed = 0
        for window in windows {
            changed += try await database.transaction { db -> Int in
                guard let locked = try await lock(window: window.requireID(), on: db) else { return 0 }
                let changes = try await replan(locked, event: event, on: db)
                try await notify(changes, window: locked, event: event, on: db)
                return changes.count
            }
        }
        let accepted = try await MeetingModel.query(on: database).filter(\.$eventID == event.requireID())
            .filter(\.$status == MeetingModel.Status.angenommen.rawValue).all()
        let placed = accepted.filter { $0.plannedStart != nil }.count
        return (placed, accepted.count - placed, changed)
    }

    /// Saves a participant's event profile and the times they cannot meet; the windows whose
    /// times changed and that hold one of their meetings are re-planned.
    func saveProfile(
        _ registration: EventRegistrationModel, profile: MeetingProfile, unavailable: MeetingUnavailability, event: EventModel, now: Date
    ) async throws {
        let before = MeetingUnavailability(text: registration.meetingUnavailable)
        try await database.transaction { db in
            registration.meetingSeeking = profile.seeking
            registration.meetingOffering = profile.offering
            registration.meetingUnavailable = unavailable.text
            registration.meetingProfileSavedAt = now
            try await registration.update(on: db)
            let changed = unavailable.changedWindows(comparedTo: before).compactMap(UUID.init(uuidString:))
            guard !changed.isEmpty else { return }
            let mine = try await MeetingModel.query(on: db).filter(\.$eventID == registration.eventID).filter(\.$slotID ~~ changed)
                .filter(\.$status == MeetingModel.Status.angenommen.rawValue)
                .group(.or) { $0.filter(\.$requesterID == registration.userID).filter(\.$inviteeID == registration.userID) }.all()
            for windowID in Set(mine.map(\.slotID)) {
                guard let window = try await lock(window: windowID, on: db), (window.interval?.start ?? .distantPast) > now else { continue }
                try await notify(try await replan(window, event: event, on: db), window: window, event: event, on: db)
            }
        }
    }

    // MARK: Planning one window

    /// A meeting whose place changed: got one, moved, or lost it.
    struct Change: Sendable {
        var meeting: MeetingModel
        var before: MeetingWindowPlanner.Assignment?
        var after: MeetingWindowPlanner.Assignment?
    }

    /// Raises the window's plan version, which holds its row until the transaction ends.
    private func lock(window id: UUID, on db: any Database) async throws -> EventSlotModel? {
        try await (db as! any SQLDatabase).update(EventSlotModel.schema)
            .set(SQLIdentifier("meeting_plan_version"), to: SQLRaw("meeting_plan_version + 1"))
            .where(SQLIdentifier("id"), .equal, SQLBind(id)).run()
        return try await EventSlotModel.find(id, on: db)
    }

    /// Plans the accepted meetings of a locked window around their places and stores what changed.
    /// `previousLength`: the meeting length the stored places were planned with (after the
    /// organiser changed it), so that a meeting that only got longer or shorter counts as changed.
    private func replan(_ window: EventSlotModel, event: EventModel, previousLength: Int? = nil, on db: any Database) async throws -> [Change] {
        let windowID = try window.requireID()
        let accepted = try await MeetingModel.query(on: db).filter(\.$slotID == windowID)
            .filter(\.$status == MeetingModel.Status.angenommen.rawValue).sort(\.$createdAt).all()
        guard !accepted.isEmpty else { return [] }
        let people = Set(accepted.flatMap { [$0.requesterID, $0.inviteeID] })
        let registrations = try await EventRegistrationModel.query(on: db).filter(\.$eventID == window.eventID)
            .filter(\.$userID ~~ Array(people)).all()
        let windowKey = windowID.uuidString.lowercased()
        var unavailable: [String: [Range<Int>]] = [:]
        for registration in registrations {
            unavailable[registration.userID.uuidString] = MeetingUnavailability(text: registration.meetingUnavailable).times[windowKey]
        }
        let meetingWindow = window.meetingWindow(eventTables: event.meetingTables)
        let planner = MeetingWindowPlanner(window: meetingWindow, unavailable: unavailable)
        let length = previousLength ?? meetingWindow.length
        let requests = try accepted.map { meeting in
            MeetingWindowPlanner.Request(
                id: try meeting.requireID().uuidString, a: meeting.requesterID.uuidString, b: meeting.inviteeID.uuidString,
                priority: meeting.priority,
                previous: meeting.plannedStart.map { .init(start: $0, end: $0 + length, table: meeting.tableNumber ?? 1) })
        }
        // A window that holds no meeting (no tables, shorter than a meeting) gives no place: the
        // meetings lose theirs, and cancelling or saving a profile still works.
        let result: MeetingWindowPlanner.Result
        do {
            result = try planner.plan(requests)
        } catch {
            result = MeetingWindowPlanner.Result(
                assignments: [:], changes: requests.filter { $0.previous != nil }.map { .init(request: $0.id, before: $0.previous, after: nil) },
                unscheduled: requests.map(\.id))
        }
        let byID = Dictionary(uniqueKeysWithValues: accepted.map { ($0.id!.uuidString, $0) })
        var changes: [Change] = []
        for change in result.changes {
            guard let meeting = byID[change.request] else { continue }
            meeting.plannedStart = change.after?.start
            meeting.tableNumber = change.after?.table
            if change.before?.start != change.after?.start { meeting.remindedAt = nil }
            try await meeting.update(on: db)
            changes.append(Change(meeting: meeting, before: change.before, after: change.after))
        }
        return changes
    }

    /// Tells both people of each changed meeting where it is now (or that it lost its place).
    private func notify(_ changes: [Change], window: EventSlotModel, event: EventModel, on db: any Database) async throws {
        let notifier = Notifier(database: db, baseURL: baseURL)
        for change in changes {
            let m = change.meeting
            for (person, other) in [(m.requesterID, m.inviteeName), (m.inviteeID, m.requesterName)] {
                let text: String
                let subject: String
                if let after = change.after {
                    let when = Self.label(day: window.day, after)
                    if let before = change.before {
                        subject = "1:1-Treffen geändert: \(when)"
                        text =
                            "Ihr 1:1-Treffen mit \(other) bei „\(event.title)“ ist jetzt am \(when) (bisher \(Self.label(day: window.day, before)))."
                    } else {
                        subject = "1:1-Treffen eingeplant: \(when)"
                        text = "Ihr 1:1-Treffen mit \(other) bei „\(event.title)“ hat jetzt einen Platz: \(when)."
                    }
                } else {
                    subject = "1:1-Treffen ohne Platz"
                    text =
                        "Für Ihr 1:1-Treffen mit \(other) bei „\(event.title)“ ist im Zeitfenster \(window.label) kein Platz mehr: "
                        + "die Treffen dauern jetzt anders lang, es gibt weniger Tische, oder einer von Ihnen kann zu den freien Zeiten nicht. "
                        + "Sobald ein Platz frei wird, bekommt das Treffen ihn, und Sie erfahren es; Sie können es auch absagen."
                }
                try await notifier.notify(
                    users: [person],
                    NotificationMessage(
                        category: .veranstaltungen, subject: subject, text: text, link: event.path + "/treffen/plan", action: "Treffplan ansehen"))
            }
        }
    }

    /// "26.11.2026, 10:15–10:30 Uhr, Tisch 3"
    static func label(day: String, _ assignment: MeetingWindowPlanner.Assignment) -> String {
        "\(GermanFormat.date(iso: day)), \(assignment.timeLabel) Uhr, Tisch \(assignment.table)"
    }

    private func pairMeetings(window: UUID, _ one: UUID, _ other: UUID, on db: any Database) async throws -> [MeetingModel] {
        try await MeetingModel.query(on: db).filter(\.$slotID == window).group(.or) { pair in
            pair.group(.and) { $0.filter(\.$requesterID == one).filter(\.$inviteeID == other) }
            pair.group(.and) { $0.filter(\.$requesterID == other).filter(\.$inviteeID == one) }
        }.all()
    }
}
