import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Reports, decisions and objections. Every step is one transaction with its audit entry and the
/// notifications of the people who must act or know: a report tells the administration, a decision
/// the author (or the town or Anbieter, when the account is gone) and the reporters, an objection
/// the other administrators, the decision on it the author. Nothing is ever decided automatically.
struct ModerationService {
    let database: any Database
    let baseURL: String
    let stores: ModerationStores

    init(_ request: Request) {
        database = request.db
        baseURL = request.application.aufwindConfig.baseURL
        stores = ModerationStores(
            database: request.db, matchStore: request.application.matchStore, solutionUsers: request.application.solutionUsers,
            solutionSearch: request.application.solutionSearch)
    }

    enum ReportOutcome {
        case reported
        /// This person reported this content before, and the case still waits.
        case alreadyReported
    }

    func report(_ content: ModeratedContent, _ input: ReportInput, by user: UserModel) async throws -> ReportOutcome {
        do {
            return try await reportOnce(content, input, by: user)
        } catch let failure as any DatabaseError where failure.isConstraintFailure {
            // Two first reports of the same content at once: the other one opened the case; join it.
            return try await reportOnce(content, input, by: user)
        }
    }

    private func reportOnce(_ content: ModeratedContent, _ input: ReportInput, by user: UserModel) async throws -> ReportOutcome {
        let userID = try user.requireID()
        return try await database.transaction { db in
            let key = ModerationCaseModel.openKey(content.kind, content.id)
            let found = try await ModerationCaseModel.query(on: db).filter(\.$openKey == key).first()
            let moderationCase: ModerationCaseModel
            if let found {
                moderationCase = found
                let earlier = try await ContentReportModel.query(on: db).filter(\.$caseID == found.requireID()).filter(\.$reporterID == userID)
                    .first()
                if earlier != nil { return .alreadyReported }
            } else {
                moderationCase = ModerationCaseModel(content)
                try await moderationCase.create(on: db)
            }
            try await ContentReportModel(caseID: moderationCase.requireID(), reporterID: userID, input: input).create(on: db)
            try await AuditEntryModel(
                actor: user, action: "inhalt-gemeldet", subject: moderationCase.openKey ?? key, detail: input.category.label
            ).create(on: db)
            try await Notifier(database: db, baseURL: baseURL).notifyPlatformAdmins(
                excluding: userID,
                NotificationMessage(
                    category: .anfragen, subject: "Meldung: \(content.title)",
                    text: "\(content.kind.label) gemeldet als „\(input.category.label)“: \(content.title).", detail: input.text,
                    link: moderationCase.adminPath, action: "Meldung prüfen"))
            return .reported
        }
    }

    /// The first decision; of two administrators deciding at once one wins.
    func decide(_ moderationCase: ModerationCaseModel, _ statement: StatementOfReasons, by admin: UserModel, now: Date) async throws -> Bool {
        let caseID = try moderationCase.requireID()
        guard let kind = moderationCase.kindValue else { throw ProblemDetails.notFound("Diese Meldung gibt es nicht.") }
        if moderationCase.authorID != nil, moderationCase.authorID == admin.id {
            throw ProblemDetails(
                title: "Nicht möglich", status: 403, detail: "Über Ihre eigenen Inhalte entscheidet eine andere Person der Plattform-Administration.")
        }
        let decided: Bool = try await database.transaction { db in
            struct Row: Decodable { var id: UUID }
            let changed = try await db.sql().update(ModerationCaseModel.schema)
                .set("status", to: ModerationCaseModel.Status.entschieden.rawValue).set("open_key", to: SQLLiteral.null)
                .set("outcome", to: statement.outcome.rawValue).set("ground", to: statement.ground?.rawValue)
                .set("ground_reference", to: statement.groundReference).set("explanation", to: statement.explanation)
                .set("facts", to: statement.facts).set("decided_by", to: admin.id).set("decided_at", to: now)
                .where("id", .equal, caseID).where("status", .equal, ModerationCaseModel.Status.offen.rawValue)
                .returning("id").all(decoding: Row.self)
            guard !changed.isEmpty else { return false }
            let effects = ModerationEffects(database: db)
            switch statement.outcome {
            case .behalten: break
            case .verbergen:
                let state = try await effects.hide(kind, moderationCase.contentID)
                try await db.sql().update(ModerationCaseModel.schema).set("restore_state", to: state).where("id", .equal, caseID).run()
            case .loeschen:
                try await effects.delete(kind, moderationCase.contentID)
            }
            try await AuditEntryModel(
                actor: admin, action: "moderation-entschieden", subject: ModerationCaseModel.openKey(kind, moderationCase.contentID),
                detail: "\(statement.outcome.label)" + (statement.ground.map { " (\($0.label): \(statement.groundReference))" } ?? "")
            ).create(on: db)
            let notifier = Notifier(database: db, baseURL: baseURL)
            let what: String =
                switch statement.outcome {
                case .behalten: "bleibt unverändert"
                case .verbergen: "ist verborgen"
                case .loeschen: "ist gelöscht"
                }
            if statement.outcome.restricts {
                try await notifyParties(
                    of: moderationCase, on: db,
                    NotificationMessage(
                        category: .anfragen, subject: "Entscheidung der Moderation: \(moderationCase.contentTitle)",
                        text: "\(moderationCase.contentTitle) \(what). Die Begründung und Ihr Recht auf Einspruch finden Sie hier.",
                        detail: statement.explanation, link: moderationCase.decisionPath, action: "Begründung ansehen"))
            }
            let reporters = try await ContentReportModel.query(on: db).filter(\.$caseID == caseID).all().compactMap(\.reporterID)
            let users = reporters.isEmpty ? [] : try await UserModel.query(on: db).filter(\.$id ~~ reporters).all()
            try await notifier.notify(
                users,
                NotificationMessage(
                    category: .anfragen, subject: "Ihre Meldung ist entschieden",
                    text: "Die Plattform-Administration hat über Ihre Meldung zu \(moderationCase.contentTitle) entschieden: \(what).",
                    detail: statement.explanation, link: "/moderation/meldungen", action: "Meine Meldungen"))
            return true
        }
        if decided {
            try await ModerationEffects.afterCommit(kind, moderationCase.contentID, outcome: statement.outcome, restored: false, app: stores)
        }
        return decided
    }

    /// The one objection against a restricting decision.
    func object(_ moderationCase: ModerationCaseModel, text: String, by user: UserModel, now: Date) async throws -> Bool {
        let caseID = try moderationCase.requireID()
        return try await database.transaction { db in
            struct Row: Decodable { var id: UUID }
            let changed = try await db.sql().update(ModerationCaseModel.schema)
                .set("status", to: ModerationCaseModel.Status.einspruch.rawValue).set("objection_text", to: text)
                .set("objection_by", to: user.id).set("objection_at", to: now)
                .where("id", .equal, caseID).where("status", .equal, ModerationCaseModel.Status.entschieden.rawValue)
                .where("outcome", .in, [ModerationOutcome.verbergen.rawValue, ModerationOutcome.loeschen.rawValue])
                .returning("id").all(decoding: Row.self)
            guard !changed.isEmpty else { return false }
            try await AuditEntryModel(actor: user, action: "moderation-einspruch", subject: caseSubject(moderationCase), detail: "")
                .create(on: db)
            let admins = try await UserModel.query(on: db).filter(\.$isAdmin == true).all()
                .filter { $0.id != moderationCase.decidedBy && $0.id != user.id }
            try await Notifier(database: db, baseURL: baseURL).notify(
                admins,
                NotificationMessage(
                    category: .anfragen, subject: "Einspruch: \(moderationCase.contentTitle)",
                    text:
                        "Gegen die Entscheidung zu \(moderationCase.contentTitle) ist Einspruch eingelegt. Entscheiden muss eine andere Person als die, die entschieden hat.",
                    detail: text, link: moderationCase.adminPath, action: "Einspruch entscheiden"))
            return true
        }
    }

    enum ObjectionResult {
        case decided
        /// Someone decided first.
        case alreadyDecided
        /// The administrator who made the decision may not decide the objection.
        case sameAdministrator
    }

    func decideObjection(
        _ moderationCase: ModerationCaseModel, _ outcome: ObjectionOutcome, reasons: String, by admin: UserModel, now: Date
    ) async throws -> ObjectionResult {
        let caseID = try moderationCase.requireID()
        guard let kind = moderationCase.kindValue else { throw ProblemDetails.notFound("Diese Meldung gibt es nicht.") }
        // Not who decided, not who objected, not who wrote the content.
        let involved = [moderationCase.decidedBy, moderationCase.objectionBy, moderationCase.authorID].compactMap { $0 }
        guard let adminID = admin.id, !involved.contains(adminID) else { return .sameAdministrator }
        // Hidden content is shown again; a deleted item (kept blank) may be written anew.
        let restores =
            outcome == .aufgehoben
            && (moderationCase.outcomeValue == .verbergen || (moderationCase.outcomeValue == .loeschen && kind == .eintrag))
        let result: ObjectionResult = try await database.transaction { db in
            struct Row: Decodable { var id: UUID }
            let changed = try await db.sql().update(ModerationCaseModel.schema)
                .set("status", to: ModerationCaseModel.Status.abgeschlossen.rawValue).set("objection_outcome", to: outcome.rawValue)
                .set("objection_reasons", to: reasons).set("objection_decided_by", to: admin.id).set("objection_decided_at", to: now)
                .where("id", .equal, caseID).where("status", .equal, ModerationCaseModel.Status.einspruch.rawValue)
                .where { $0.where(SQLIdentifier("decided_by"), .is, SQLLiteral.null).orWhere("decided_by", .notEqual, adminID) }
                .returning("id").all(decoding: Row.self)
            guard !changed.isEmpty else { return .alreadyDecided }
            if restores {
                try await ModerationEffects(database: db).restore(
                    kind, moderationCase.contentID, state: moderationCase.outcomeValue == .verbergen ? moderationCase.restoreState : "")
            }
            try await AuditEntryModel(
                actor: admin, action: "moderation-einspruch-entschieden", subject: caseSubject(moderationCase), detail: outcome.label
            )
            .create(on: db)
            let text: String =
                switch (outcome, moderationCase.outcomeValue) {
                case (.bestaetigt, _): "Ihr Einspruch zu \(moderationCase.contentTitle) ist geprüft: Die Entscheidung bleibt."
                case (.aufgehoben, .loeschen?):
                    "Ihr Einspruch zu \(moderationCase.contentTitle) hat Erfolg: Die Löschung war nicht gerechtfertigt. Gelöschtes lässt sich nicht wiederherstellen; Sie dürfen den Inhalt erneut einstellen."
                case (.aufgehoben, _): "Ihr Einspruch zu \(moderationCase.contentTitle) hat Erfolg: Der Inhalt ist wieder sichtbar."
                }
            try await notifyParties(
                of: moderationCase, on: db,
                NotificationMessage(
                    category: .anfragen, subject: "Einspruch entschieden: \(moderationCase.contentTitle)", text: text, detail: reasons,
                    link: moderationCase.decisionPath, action: "Entscheidung ansehen"))
            return .decided
        }
        if case .decided = result, restores {
            try await ModerationEffects.afterCommit(kind, moderationCase.contentID, outcome: moderationCase.outcomeValue, restored: true, app: stores)
        }
        return result
    }

    private func caseSubject(_ moderationCase: ModerationCaseModel) -> String {
        "\(moderationCase.contentKind):\(moderationCase.contentID.uuidString.lowercased())"
    }

    /// The author; without an account, the members of the town or the Anbieter the content belongs to.
    private func notifyParties(of moderationCase: ModerationCaseModel, on db: any Database, _ message: NotificationMessage) async throws {
        let notifier = Notifier(database: db, baseURL: baseURL)
        if let authorID = moderationCase.authorID, let author = try await UserModel.find(authorID, on: db) {
            try await notifier.notify(author, message)
        } else if let town = moderationCase.townKey {
            try await notifier.notifyMembers(of: town, excluding: nil, message)
        } else if let organisation = moderationCase.organisationID {
            try await notifier.notifyMembers(of: organisation.uuidString, kind: .anbieter, excluding: nil, message)
        }
    }
}
