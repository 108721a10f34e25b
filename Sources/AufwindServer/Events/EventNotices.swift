import AufwindCore
import Fluent
import Foundation

/// What an event's participants hear, in the transaction of the change: proposals and voting
/// open, the programme published (everyone registered) or changed (who hosts or wants a session
/// that moved: what changed for *their* sessions), a pitch taken into a pitch block.
struct EventNotices {
    let database: any Database
    let baseURL: String

    private var notifier: Notifier { Notifier(database: database, baseURL: baseURL) }

    /// The confirmed participants of the event.
    private func participants(of event: EventModel) async throws -> [UUID] {
        try await EventRegistrationModel.query(on: database).filter(\.$eventID == event.requireID())
            .filter(\.$status == EventRegistrationModel.Status.bestaetigt.rawValue).all().map(\.userID)
    }

    /// The organiser moved the event into `phase`; for the phases in which participants act, they hear of it.
    func phaseChanged(_ event: EventModel, to phase: EventPhase, by organiser: UUID?) async throws {
        let message: NotificationMessage
        switch phase {
        case .themenEinreichen:
            message = NotificationMessage(
                category: .veranstaltungen, subject: "Themen einreichen: \(event.title)",
                text: "Für „\(event.title)“ können Sie jetzt Themen für Sessions vorschlagen.", link: event.path + "/sessions",
                action: "Thema vorschlagen")
        case .abstimmen:
            message = NotificationMessage(
                category: .veranstaltungen, subject: "Abstimmung läuft: \(event.title)",
                text: "Für „\(event.title)“ läuft die Abstimmung: Markieren Sie die Sessions, die Sie interessieren.",
                link: event.path + "/sessions", action: "Abstimmen")
        case .planen, .veroeffentlicht:
            return  // planning is the organisers' work; the publication tells everyone (`published`)
        }
        try await notifier.notify(users: participants(of: event), excluding: organiser, message)
    }

    /// A schedule version was published. The first tells every participant; later ones tell those
    /// whose sessions (hosted or marked as interesting) moved or were cancelled, each with their changes.
    func published(_ version: ScheduleVersionModel, of event: EventModel, by organiser: UUID?) async throws {
        let link = event.path + "/programm"
        guard version.number > 1 else {
            try await notifier.notify(
                users: participants(of: event), excluding: organiser,
                NotificationMessage(
                    category: .veranstaltungen, subject: "Programm veröffentlicht: \(event.title)",
                    text: "Das Programm von „\(event.title)“ ist veröffentlicht.", link: link, action: "Programm ansehen"))
            return
        }
        let changes = version.changeList.filter { $0.kind != .neu }
        let sessionIDs = changes.compactMap { UUID(uuidString: $0.session) }
        guard !sessionIDs.isEmpty else { return }
        let hosts = try await EventSessionHostModel.query(on: database).filter(\.$sessionID ~~ sessionIDs).all()
        let voters = try await EventVoteModel.query(on: database).filter(\.$sessionID ~~ sessionIDs).all()
        var texts: [UUID: [String]] = [:]
        for change in changes {
            guard let id = UUID(uuidString: change.session) else { continue }
            for person in Set(hosts.filter { $0.sessionID == id }.map(\.userID) + voters.filter { $0.sessionID == id }.map(\.userID)) {
                texts[person, default: []].append(change.text)
            }
        }
        for user in try await UserModel.query(on: database).filter(\.$id ~~ Array(texts.keys)).all() {
            guard let id = user.id, id != organiser, let list = texts[id] else { continue }
            try await notifier.notify(
                user,
                NotificationMessage(
                    category: .veranstaltungen, subject: "Programm geändert: \(event.title)",
                    text: "Programm von „\(event.title)“ geändert (Version \(version.number)), Ihre Sessions: \(list.joined(separator: "; "))",
                    link: link, action: "Programm ansehen"))
        }
    }

    /// The organiser put a participant's pitch into a pitch block.
    func pitchAccepted(_ pitch: PitchModel, block: PitchBlockModel, event: EventModel) async throws {
        guard let userID = pitch.userID else { return }
        try await notifier.notify(
            users: [userID],
            NotificationMessage(
                category: .veranstaltungen, subject: "Ihr Pitch ist angenommen: \(event.title)",
                text: "Ihr Pitch „\(pitch.title)“ ist im Block „\(block.title)“ von „\(event.title)“ eingeplant.",
                link: event.path + "/buehne", action: "Bühne ansehen"))
    }

    /// The organiser changed the days or the place: everyone registered (waitlist included) hears
    /// the new facts.
    func eventChanged(_ event: EventModel, _ edit: EventEdit, by organiser: UUID?) async throws {
        let registered = try await EventRegistrationModel.query(on: database).filter(\.$eventID == event.requireID()).all().map(\.userID)
        var facts: [String] = []
        if edit.datesChanged { facts.append("Termin: \(EventsController.when(event))") }
        if edit.placeChanged {
            if !event.place.isEmpty { facts.append("Ort: \(event.place)") }
            if !event.onlineURL.isEmpty { facts.append("online: \(event.onlineURL)") }
        }
        try await notifier.notify(
            users: registered, excluding: organiser,
            NotificationMessage(
                category: .veranstaltungen, subject: "Geändert: \(event.title)",
                text: "„\(event.title)“ hat sich geändert. \(facts.joined(separator: "; ")).", link: event.path, action: "Veranstaltung ansehen"))
    }

    /// The team changed rooms or days under a published programme (`EventEditService`): who
    /// hosts or wants a session that moved or left the programme hears what changed for them.
    func programmeCorrected(_ changes: [ScheduleChange], of event: EventModel, version: Int, by organiser: UUID?) async throws {
        let sessionIDs = changes.compactMap { UUID(uuidString: $0.session) }
        guard !sessionIDs.isEmpty else { return }
        let hosts = try await EventSessionHostModel.query(on: database).filter(\.$sessionID ~~ sessionIDs).all()
        let voters = try await EventVoteModel.query(on: database).filter(\.$sessionID ~~ sessionIDs).all()
        var texts: [UUID: [String]] = [:]
        for change in changes {
            guard let id = UUID(uuidString: change.session) else { continue }
            let text =
                change.kind == .abgesagt
                ? "„\(change.title)“ ist nicht mehr eingeplant (war \(change.before.map { "\($0.room), \($0.slotLabel)" } ?? "")); das Team plant sie neu"
                : change.text
            for person in Set(hosts.filter { $0.sessionID == id }.map(\.userID) + voters.filter { $0.sessionID == id }.map(\.userID)) {
                texts[person, default: []].append(text)
            }
        }
        for user in try await UserModel.query(on: database).filter(\.$id ~~ Array(texts.keys)).all() {
            guard let id = user.id, id != organiser, let list = texts[id] else { continue }
            try await notifier.notify(
                user,
                NotificationMessage(
                    category: .veranstaltungen, subject: "Programm geändert: \(event.title)",
                    text: "Programm von „\(event.title)“ geändert (Version \(version)), Ihre Sessions: \(list.joined(separator: "; "))",
                    link: event.path + "/programm", action: "Programm ansehen"))
        }
    }
}
