import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Pitch applications: an Anbieter applies (or, after withdrawing, applies again — at most
/// `PitchApplicationModel.maximumSubmissions` times), withdraws (an accepted one leaves its block
/// while its pitch has not been on stage), and the organisers accept into a pitch block, waitlist or
/// decline. Each change is one conditional update on the status and the revision the deciding form
/// was shown with, so a stale form decides nothing; whoever must act next hears of it in the same
/// transaction. Every transaction begins with its write (on SQLite it then holds the write lock).
struct PitchApplicationService {
    let database: any Database
    let baseURL: String

    init(database: any Database, baseURL: String) {
        self.database = database
        self.baseURL = baseURL
    }

    init(_ request: Request) {
        self.init(database: request.db, baseURL: request.application.aufwindConfig.baseURL)
    }

    enum ApplyOutcome {
        case applied(UUID)
        /// The organisation applied with this solution before and the application is still standing.
        case duplicate(PitchApplicationStatus)
        /// Withdrawn and submitted again too often.
        case tooManySubmissions
    }

    private struct Row: Decodable { var id: UUID }

    /// Stores the application with its Bedarfe and tells the event's team. A withdrawn application
    /// of the same solution is submitted again with the new text.
    func apply(
        to event: EventModel, solution: SolutionModel, of organisation: OrganisationModel, needs: [UUID], abstract: String, by user: UserModel,
        now: Date
    ) async throws -> ApplyOutcome {
        let eventID = try event.requireID()
        let solutionID = try solution.requireID()
        let organisationID = try organisation.requireID()
        let newID = UUID()
        return try await database.transaction { db in
            let sql = try db.sql()
            let inserted = try await sql.raw(
                """
                INSERT INTO \(ident: PitchApplicationModel.schema) \
                (id, event_id, organisation_id, solution_id, abstract, applicant_id, applicant_name, status, reason, revision, submissions, \
                submitted_at, created_at, updated_at) \
                VALUES (\(bind: newID), \(bind: eventID), \(bind: organisationID), \(bind: solutionID), \(bind: abstract), \(bind: user.id), \
                \(bind: user.displayName), \(bind: PitchApplicationStatus.eingereicht.rawValue), '', 1, 1, \(bind: now), \(bind: now), \(bind: now)) \
                ON CONFLICT (event_id, solution_id) DO NOTHING RETURNING id
                """
            ).all(decoding: Row.self)
            var applicationID = inserted.first?.id
            if applicationID == nil {
                // Submitted before: again only after a withdrawal, and only a few times.
                let reopened = try await sql.update(PitchApplicationModel.schema)
                    .set("status", to: PitchApplicationStatus.eingereicht.rawValue).set("abstract", to: abstract).set("reason", to: "")
                    .set("applicant_id", to: user.id).set("applicant_name", to: user.displayName).set("decided_by", to: SQLLiteral.null)
                    .set("decided_at", to: SQLLiteral.null).set("submitted_at", to: now).set("updated_at", to: now)
                    .set("revision", to: SQLBinaryExpression(SQLIdentifier("revision"), .add, SQLLiteral.numeric("1")))
                    .set("submissions", to: SQLBinaryExpression(SQLIdentifier("submissions"), .add, SQLLiteral.numeric("1")))
                    .where("event_id", .equal, eventID).where("solution_id", .equal, solutionID)
                    .where("status", .equal, PitchApplicationStatus.zurueckgezogen.rawValue)
                    .where("submissions", .lessThan, PitchApplicationModel.maximumSubmissions)
                    .returning("id").all(decoding: Row.self)
                guard let id = reopened.first?.id else {
                    let existing = try await PitchApplicationModel.query(on: db).filter(\.$eventID == eventID).filter(\.$solutionID == solutionID)
                        .first()
                    if existing?.statusValue == .zurueckgezogen { return .tooManySubmissions }
                    return .duplicate(existing?.statusValue ?? .eingereicht)
                }
                try await PitchApplicationNeedModel.query(on: db).filter(\.$applicationID == id).delete()
                applicationID = id
            }
            guard let applicationID else { return .duplicate(.eingereicht) }
            for (position, need) in needs.enumerated() {
                try await PitchApplicationNeedModel(applicationID: applicationID, itemID: need, position: position).create(on: db)
            }
            try await notifyTeam(
                of: event, on: db, excluding: user.id,
                NotificationMessage(
                    category: .veranstaltungen, subject: "Neue Pitch-Bewerbung: \(organisation.name)",
                    text: "\(organisation.name) möchte „\(solution.name)“ bei „\(event.title)“ vorstellen.", detail: abstract,
                    link: event.path + "/pitch-bewerbungen", action: "Bewerbungen ansehen"))
            return .applied(applicationID)
        }
    }

    enum WithdrawOutcome {
        case withdrawn
        /// Decided (declined) or withdrawn in between.
        case notWithdrawable(PitchApplicationStatus)
        /// Accepted, and its pitch has been on stage (or is on it now).
        case alreadyOnStage(String)
    }

    /// Withdraws an open or accepted application; an accepted one's pitch leaves its block (only
    /// while it has not been on stage). The team hears of it.
    func withdraw(_ application: PitchApplicationModel, event: EventModel, organisation: OrganisationModel, by user: UserModel, now: Date)
        async throws -> WithdrawOutcome
    {
        let applicationID = try application.requireID()
        do {
            return try await database.transaction { db in
                let changed = try await db.sql().update(PitchApplicationModel.schema)
                    .set("status", to: PitchApplicationStatus.zurueckgezogen.rawValue).set("updated_at", to: now)
                    .set("revision", to: SQLBinaryExpression(SQLIdentifier("revision"), .add, SQLLiteral.numeric("1")))
                    .where("id", .equal, applicationID)
                    .where("status", .in, PitchApplicationStatus.allCases.filter(\.mayWithdraw).map(\.rawValue))
                    .returning("id").all(decoding: Row.self)
                guard !changed.isEmpty else {
                    let current = try await PitchApplicationModel.find(applicationID, on: db)?.statusValue ?? application.statusValue
                    return .notWithdrawable(current)
                }
                // Read after the write: an acceptance committed just before is seen with its pitch.
                let wasOnStage = try await PitchApplicationModel.find(applicationID, on: db)?.pitchID
                if let pitchID = wasOnStage {
                    try await removePitch(pitchID, on: db)
                    try await db.sql().update(PitchApplicationModel.schema).set("pitch_id", to: SQLLiteral.null).where("id", .equal, applicationID)
                        .run()
                }
                try await notifyTeam(
                    of: event, on: db, excluding: user.id,
                    NotificationMessage(
                        category: .veranstaltungen, subject: "Pitch-Bewerbung zurückgezogen: \(organisation.name)",
                        text: "\(organisation.name) hat die Pitch-Bewerbung für „\(event.title)“ zurückgezogen"
                            + (wasOnStage == nil ? "." : "; der Pitch ist aus seinem Block genommen."),
                        link: event.path + "/pitch-bewerbungen", action: "Bewerbungen ansehen"))
                return .withdrawn
            }
        } catch let refusal as StageRefusal {
            return .alreadyOnStage(refusal.text)
        }
    }

    /// The clock refused to take a pitch out (it has been on stage); the transaction rolls back.
    struct StageRefusal: Error { var text: String }

    /// Takes the pitch out of its block's order and deletes it (in the caller's transaction).
    private func removePitch(_ pitchID: UUID, on db: any Database) async throws {
        guard let pitch = try await PitchModel.find(pitchID, on: db), let block = try await PitchBlockModel.find(pitch.blockID, on: db) else {
            return
        }
        do {
            _ = try await StageService(database: db).change(block) { $0.remove(pitch.key) }
        } catch let problem as ProblemDetails where problem.status == 409 {
            throw StageRefusal(text: problem.detail)
        }
        try await pitch.delete(on: db)
    }

    enum TeamRemoval {
        case removed
        case refused(String)
    }

    /// The team takes a pitch off the stage before it was on; a pitch from an application counts
    /// as withdrawn by the team, and the Anbieter hears why.
    func removeFromStage(_ pitch: PitchModel, event: EventModel, by user: UserModel, now: Date) async throws -> TeamRemoval {
        let pitchID = try pitch.requireID()
        do {
            return try await database.transaction { db in
                // The write first (SQLite then holds the write lock): the application, if the pitch came from one.
                struct Taken: Decodable {
                    var id: UUID
                    var organisation_id: UUID
                }
                let application = try await db.sql().update(PitchApplicationModel.schema)
                    .set("status", to: PitchApplicationStatus.zurueckgezogen.rawValue).set("updated_at", to: now)
                    .set("reason", to: "Vom Team der Veranstaltung aus dem Ablauf genommen.").set("decided_by", to: user.id)
                    .set("decided_at", to: now).set("pitch_id", to: SQLLiteral.null)
                    .set("revision", to: SQLBinaryExpression(SQLIdentifier("revision"), .add, SQLLiteral.numeric("1")))
                    .where("pitch_id", .equal, pitchID).returning("id", "organisation_id").all(decoding: Taken.self).first
                try await removePitch(pitchID, on: db)
                if let application {
                    try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                        of: application.organisation_id.uuidString, kind: .anbieter, excluding: user.id,
                        NotificationMessage(
                            category: .veranstaltungen, subject: "Pitch abgesagt: \(event.title)",
                            text: "Das Team von „\(event.title)“ hat Ihren Pitch „\(pitch.title)“ aus dem Ablauf genommen.",
                            link: event.path + "/pitch-bewerbung", action: "Bewerbung ansehen"))
                }
                return .removed
            }
        } catch let refusal as StageRefusal {
            return .refused(refusal.text)
        }
    }

    enum DecideOutcome {
        case decided
        /// Somebody decided (or the Anbieter withdrew or applied anew) since the form was shown.
        case stale
        /// The stage refused the pitch (changed by many at once).
        case stageBusy(String)
    }

    /// The organisers' decision, taken only if the application is still as the form showed it
    /// (`revision`). Accepting adds the pitch at the end of `block` (the organisers set the order on
    /// the stage's moderation page); the person who applied pitches if they are a confirmed
    /// participant. The Anbieter's members hear the outcome.
    func decide(
        _ application: PitchApplicationModel, _ decision: PitchApplicationDecision, shownRevision: Int, block: PitchBlockModel?,
        event: EventModel, solution: SolutionModel, organisation: OrganisationModel, by user: UserModel, now: Date
    ) async throws -> DecideOutcome {
        let applicationID = try application.requireID()
        do {
            return try await database.transaction { db in
                let changed = try await db.sql().update(PitchApplicationModel.schema)
                    .set("status", to: decision.choice.status.rawValue).set("reason", to: decision.reason)
                    .set("decided_by", to: user.id).set("decided_at", to: now).set("updated_at", to: now)
                    .set("revision", to: SQLBinaryExpression(SQLIdentifier("revision"), .add, SQLLiteral.numeric("1")))
                    .where("id", .equal, applicationID).where("revision", .equal, shownRevision)
                    .where("status", .in, PitchApplicationStatus.allCases.filter { $0.decisions.contains(decision.choice) }.map(\.rawValue))
                    .returning("id").all(decoding: Row.self)
                guard !changed.isEmpty else { return .stale }
                let message: NotificationMessage
                switch decision.choice {
                case .annehmen:
                    guard let block else { throw ProblemDetails.badRequest("Bitte wählen Sie den Pitch-Block.") }
                    let pitcher =
                        try await EventRegistrationModel.query(on: db).filter(\.$eventID == event.requireID())
                        .filter(\.$userID == application.applicantID ?? UUID())
                        .filter(\.$status == EventRegistrationModel.Status.bestaetigt.rawValue).first()?.userID
                    let pitch = try await StageService(database: db).addPitch(
                        block, title: solution.name, presenter: organisation.name, userID: pitcher, organisationID: organisation.requireID(),
                        solutionID: solution.requireID())
                    try await db.sql().update(PitchApplicationModel.schema).set("pitch_id", to: pitch.requireID())
                        .where("id", .equal, applicationID).run()
                    message = NotificationMessage(
                        category: .veranstaltungen, subject: "Pitch angenommen: \(event.title)",
                        text:
                            "Ihre Bewerbung mit „\(solution.name)“ ist angenommen: Sie pitchen im Block „\(block.title)“ von „\(event.title)“ (\(EventsController.when(event)))."
                            + (pitcher == nil
                                ? " Damit Teilnehmende Sie zu 1:1-Treffen anfragen können, melden Sie die Person, die pitcht, zur Veranstaltung an."
                                : ""),
                        link: event.path + "/buehne", action: "Bühne ansehen")
                case .warteliste:
                    message = NotificationMessage(
                        category: .veranstaltungen, subject: "Pitch-Bewerbung auf der Warteliste: \(event.title)",
                        text:
                            "Ihre Bewerbung mit „\(solution.name)“ für „\(event.title)“ steht auf der Warteliste. Nimmt das Team sie noch an, erfahren Sie es hier.",
                        detail: decision.reason.isEmpty ? nil : decision.reason, link: event.path + "/pitch-bewerbung", action: "Bewerbung ansehen")
                case .ablehnen:
                    message = NotificationMessage(
                        category: .veranstaltungen, subject: "Pitch-Bewerbung abgelehnt: \(event.title)",
                        text: "Ihre Bewerbung mit „\(solution.name)“ für „\(event.title)“ ist abgelehnt.", detail: decision.reason,
                        link: event.path + "/pitch-bewerbung", action: "Begründung lesen")
                }
                try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                    of: organisation.requireID().uuidString, kind: .anbieter, excluding: user.id, message)
                return .decided
            }
        } catch let problem as ProblemDetails where problem.status == 409 {
            return .stageBusy(problem.detail)
        }
    }

    /// The members of the event's organiser (its town or Veranstalter organisation).
    private func notifyTeam(of event: EventModel, on db: any Database, excluding: UUID?, _ message: NotificationMessage) async throws {
        try await Notifier(database: db, baseURL: baseURL).notifyMembers(
            of: event.organiserKey, kind: event.organiserTypeValue == .kommune ? .kommune : .veranstalter, excluding: excluding, message)
    }
}
