import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Pitch applications: an Anbieter applies (or applies again after withdrawing), withdraws while
/// nobody decided, and the organisers accept into a pitch block, waitlist or decline. Each change
/// is one conditional update on the status, so two organisers deciding at once cannot both win;
/// whoever must act next hears of it in the same transaction.
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
        case applied(PitchApplicationModel)
        /// The organisation applied with this solution before and the application is still standing.
        case duplicate(PitchApplicationStatus)
    }

    /// Stores the application with its Bedarfe and tells the event's team. A withdrawn application
    /// of the same solution is submitted again with the new text.
    func apply(
        to event: EventModel, solution: SolutionModel, of organisation: OrganisationModel, needs: [UUID], abstract: String, by user: UserModel,
        now: Date
    ) async throws -> ApplyOutcome {
        let eventID = try event.requireID()
        let solutionID = try solution.requireID()
        return try await database.transaction { db in
            let application: PitchApplicationModel
            if let existing = try await PitchApplicationModel.query(on: db).filter(\.$eventID == eventID).filter(\.$solutionID == solutionID).first()
            {
                guard existing.statusValue == .zurueckgezogen else { return .duplicate(existing.statusValue) }
                let reopened = try await db.sql().update(PitchApplicationModel.schema)
                    .set("status", to: PitchApplicationStatus.eingereicht.rawValue).set("abstract", to: abstract).set("reason", to: "")
                    .set("applicant_id", to: user.id).set("applicant_name", to: user.displayName).set("decided_by", to: SQLLiteral.null)
                    .set("decided_at", to: SQLLiteral.null).set("updated_at", to: now)
                    .where("id", .equal, existing.requireID()).where("status", .equal, PitchApplicationStatus.zurueckgezogen.rawValue)
                    .returning("id").all()
                guard !reopened.isEmpty else { return .duplicate(.eingereicht) }
                try await PitchApplicationNeedModel.query(on: db).filter(\.$applicationID == existing.requireID()).delete()
                existing.status = PitchApplicationStatus.eingereicht.rawValue
                existing.abstract = abstract
                application = existing
            } else {
                application = PitchApplicationModel()
                application.eventID = eventID
                application.organisationID = try organisation.requireID()
                application.solutionID = solutionID
                application.abstract = abstract
                application.applicantID = user.id
                application.applicantName = user.displayName
                application.status = PitchApplicationStatus.eingereicht.rawValue
                application.reason = ""
                do {
                    try await application.create(on: db)
                } catch let failure as any DatabaseError where failure.isConstraintFailure {
                    // The same solution applied at the same moment by a colleague.
                    return .duplicate(.eingereicht)
                }
            }
            let applicationID = try application.requireID()
            for (position, need) in needs.enumerated() {
                try await PitchApplicationNeedModel(applicationID: applicationID, itemID: need, position: position).create(on: db)
            }
            try await notifyTeam(
                of: event, on: db, excluding: user.id,
                NotificationMessage(
                    category: .veranstaltungen, subject: "Neue Pitch-Bewerbung: \(organisation.name)",
                    text: "\(organisation.name) möchte „\(solution.name)“ bei „\(event.title)“ vorstellen.", detail: abstract,
                    link: event.path + "/pitch-bewerbungen", action: "Bewerbungen ansehen"))
            return .applied(application)
        }
    }

    /// Withdraws an application nobody decided on for good; false when the organisers were faster.
    func withdraw(_ application: PitchApplicationModel, event: EventModel, organisation: OrganisationModel, by user: UserModel, now: Date)
        async throws -> Bool
    {
        try await database.transaction { db in
            let changed = try await db.sql().update(PitchApplicationModel.schema)
                .set("status", to: PitchApplicationStatus.zurueckgezogen.rawValue).set("updated_at", to: now)
                .where("id", .equal, application.requireID())
                .where("status", .in, PitchApplicationStatus.allCases.filter(\.mayWithdraw).map(\.rawValue))
                .returning("id").all()
            guard !changed.isEmpty else { return false }
            try await notifyTeam(
                of: event, on: db, excluding: user.id,
                NotificationMessage(
                    category: .veranstaltungen, subject: "Pitch-Bewerbung zurückgezogen: \(organisation.name)",
                    text: "\(organisation.name) hat die Pitch-Bewerbung für „\(event.title)“ zurückgezogen.",
                    link: event.path + "/pitch-bewerbungen", action: "Bewerbungen ansehen"))
            return true
        }
    }

    enum DecideOutcome {
        case decided
        /// Somebody decided (or the Anbieter withdrew) in between.
        case alreadyDecided
    }

    /// The organisers' decision. Accepting adds the pitch at the end of `block` (the organisers set
    /// the order on the stage's moderation page); the person who applied pitches if they are a
    /// confirmed participant. The Anbieter's members hear the outcome.
    func decide(
        _ application: PitchApplicationModel, _ decision: PitchApplicationDecision, block: PitchBlockModel?, event: EventModel,
        solution: SolutionModel, organisation: OrganisationModel, by user: UserModel, now: Date
    ) async throws -> DecideOutcome {
        let applicationID = try application.requireID()
        let from = application.statusValue
        return try await database.transaction { db in
            let changed = try await db.sql().update(PitchApplicationModel.schema)
                .set("status", to: decision.choice.status.rawValue).set("reason", to: decision.reason)
                .set("decided_by", to: user.id).set("decided_at", to: now).set("updated_at", to: now)
                .where("id", .equal, applicationID).where("status", .equal, from.rawValue)
                .returning("id").all()
            guard !changed.isEmpty else { return .alreadyDecided }
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
                try await db.sql().update(PitchApplicationModel.schema).set("pitch_id", to: pitch.requireID()).where("id", .equal, applicationID)
                    .run()
                message = NotificationMessage(
                    category: .veranstaltungen, subject: "Pitch angenommen: \(event.title)",
                    text:
                        "Ihre Bewerbung mit „\(solution.name)“ ist angenommen: Sie pitchen im Block „\(block.title)“ von „\(event.title)“ (\(EventsController.when(event)))."
                        + (pitcher == nil ? " Bitte melden Sie die Person, die pitcht, zur Veranstaltung an." : ""),
                    link: event.path + "/buehne", action: "Bühne ansehen")
            case .warteliste:
                message = NotificationMessage(
                    category: .veranstaltungen, subject: "Pitch-Bewerbung auf der Warteliste: \(event.title)",
                    text:
                        "Ihre Bewerbung mit „\(solution.name)“ für „\(event.title)“ steht auf der Warteliste. Wird ein Platz frei, hören Sie von uns.",
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
    }

    /// The members of the event's organiser (its town or Veranstalter organisation).
    private func notifyTeam(of event: EventModel, on db: any Database, excluding: UUID?, _ message: NotificationMessage) async throws {
        try await Notifier(database: db, baseURL: baseURL).notifyMembers(
            of: event.organiserKey, kind: event.organiserTypeValue == .kommune ? .kommune : .veranstalter, excluding: excluding, message)
    }
}
