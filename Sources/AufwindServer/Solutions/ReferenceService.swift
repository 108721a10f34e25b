import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Who uses a solution: a town records its own use (confirmed at once); the publisher proposes a
/// town, whose members confirm or decline; the town renews or removes its reference. Each step is
/// one transaction with its audit entry and the notification of whoever acts next; the in-memory
/// users (`SolutionUserStore`) follow after the commit.
struct ReferenceService {
    let database: any Database
    let baseURL: String
    let towns: TownDirectory
    let store: SolutionUserStore

    init(_ request: Request) {
        database = request.db
        baseURL = request.application.aufwindConfig.baseURL
        towns = TownDirectory(catalog: request.register)
        store = request.application.solutionUsers
    }

    struct Use: Sendable {
        var status: ReferenceStatus
        var since: String
        /// The acting member may be asked about it by other towns.
        var mayBeAsked: Bool
    }

    /// "Das nutzen wir": the town's own statement, public at once. Replaces an earlier reference or
    /// an open proposal of the same town.
    func record(_ solution: SolutionModel, townKey: String, use: Use, by user: UserModel, now: Date) async throws {
        do {
            try await recordOnce(solution, townKey: townKey, use: use, by: user, now: now)
        } catch let failure as any DatabaseError where failure.isConstraintFailure {
            // Two members recorded the first reference at the same moment: the other row stands; this
            // statement updates it.
            try await recordOnce(solution, townKey: townKey, use: use, by: user, now: now)
        }
    }

    private func recordOnce(_ solution: SolutionModel, townKey: String, use: Use, by user: UserModel, now: Date) async throws {
        let solutionID = try solution.requireID()
        let userID = try user.requireID()
        let town = towns.name(of: townKey) ?? townKey
        let reference = try await database.transaction { db in
            let reference =
                try await SolutionReferenceModel.query(on: db).filter(\.$solutionID == solutionID).filter(\.$townKey == townKey).first()
                ?? SolutionReferenceModel(
                    solutionID: solutionID, townKey: townKey, status: use.status, since: use.since, state: .bestaetigt, proposedBy: nil)
            let wasConfirmed = reference.id != nil && reference.stateValue == .bestaetigt
            reference.status = use.status.rawValue
            reference.since = use.since
            reference.state = ReferenceState.bestaetigt.rawValue
            reference.confirmedAt = now
            reference.decidedBy = userID
            reference.declineReason = ""
            if use.mayBeAsked {
                reference.contactUserID = userID
            } else if reference.contactUserID == userID {
                reference.contactUserID = nil
            }
            try await reference.save(on: db)
            try await AuditEntryModel(
                actor: user, action: "referenz-eingetragen", subject: "loesung:\(solutionID)", detail: "\(town): \(use.status.label)"
            ).create(on: db)
            if !wasConfirmed {
                try await notifyPublisher(
                    of: solution, excluding: userID,
                    NotificationMessage(
                        category: .anfragen, subject: "\(town) nutzt \(solution.name)",
                        text: "\(town) hat eingetragen, dass sie „\(solution.name)“ nutzt (\(use.status.label)).", link: solution.path,
                        action: "Lösung ansehen", reason: "Sie Mitglied des Anbieters dieser Lösung sind"), on: db)
            }
            return reference
        }
        if let user = reference.user { store.put(solutionID, user) }
    }

    enum ProposalOutcome: Equatable {
        case proposed
        case alreadyConfirmed
        case alreadyProposed
        case declinedBefore
    }

    /// The publisher says a town uses the solution; the town's members are asked to confirm.
    func propose(_ solution: SolutionModel, townKey: String, status: ReferenceStatus, since: String, by user: UserModel, now: Date)
        async throws -> ProposalOutcome
    {
        let solutionID = try solution.requireID()
        let town = towns.name(of: townKey) ?? townKey
        return try await database.transaction { db in
            if let existing = try await SolutionReferenceModel.query(on: db).filter(\.$solutionID == solutionID).filter(\.$townKey == townKey)
                .first()
            {
                switch existing.stateValue {
                case .bestaetigt: return .alreadyConfirmed
                case .vorgeschlagen: return .alreadyProposed
                case .abgelehnt: return .declinedBefore
                }
            }
            let reference = SolutionReferenceModel(
                solutionID: solutionID, townKey: townKey, status: status, since: since, state: .vorgeschlagen, proposedBy: try user.requireID())
            try await reference.create(on: db)
            try await AuditEntryModel(
                actor: user, action: "referenz-vorgeschlagen", subject: "loesung:\(solutionID)", detail: "\(town): \(status.label)"
            ).create(on: db)
            try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                of: townKey, excluding: nil,
                NotificationMessage(
                    category: .anfragen, subject: "Bitte bestätigen: \(town) nutzt \(solution.name)?",
                    text: "Der Anbieter von „\(solution.name)“ gibt an, dass \(town) die Lösung nutzt (\(status.label)). "
                        + "Öffentlich wird das erst, wenn Ihre Kommune es bestätigt.",
                    link: "/loesungen/referenzen", action: "Bestätigen oder ablehnen", reason: "Sie Mitglied von \(town) sind"))
            return .proposed
        }
    }

    enum Decision: Sendable {
        case confirm(Use)
        case decline(reason: String)
    }

    /// A member of the town confirms (correcting status and date if need be) or declines a proposal.
    /// Only an open proposal is decided; of two answers at once exactly one counts.
    func decide(_ reference: SolutionReferenceModel, solution: SolutionModel, _ decision: Decision, by user: UserModel, now: Date)
        async throws -> Bool
    {
        let referenceID = try reference.requireID()
        let solutionID = try solution.requireID()
        let userID = try user.requireID()
        let town = towns.name(of: reference.townKey) ?? reference.townKey
        let decided: SolutionReferenceModel? = try await database.transaction { db in
            struct Row: Decodable { var id: UUID }
            var update = try db.sql().update(SolutionReferenceModel.schema).set("decided_by", to: userID).set("updated_at", to: now)
            switch decision {
            case .confirm(let use):
                update = update.set("state", to: ReferenceState.bestaetigt.rawValue).set("status", to: use.status.rawValue)
                    .set("since", to: use.since).set("confirmed_at", to: now).set("contact_user_id", to: use.mayBeAsked ? userID : nil)
            case .decline(let reason):
                update = update.set("state", to: ReferenceState.abgelehnt.rawValue).set("decline_reason", to: reason)
            }
            let rows = try await update.where("id", .equal, referenceID).where("state", .equal, ReferenceState.vorgeschlagen.rawValue)
                .returning("id").all(decoding: Row.self)
            guard rows.count == 1, let saved = try await SolutionReferenceModel.find(referenceID, on: db) else { return nil }
            let confirmed = saved.stateValue == .bestaetigt
            try await AuditEntryModel(
                actor: user, action: confirmed ? "referenz-bestaetigt" : "referenz-abgelehnt", subject: "loesung:\(solutionID)",
                detail: confirmed ? "\(town): \(saved.statusValue.label)" : "\(town): \(saved.declineReason)"
            ).create(on: db)
            try await notifyPublisher(
                of: solution, excluding: userID,
                NotificationMessage(
                    category: .anfragen,
                    subject: confirmed ? "\(town) bestätigt: \(solution.name)" : "\(town) lehnt die Referenz ab: \(solution.name)",
                    text: confirmed
                        ? "\(town) hat bestätigt, dass sie „\(solution.name)“ nutzt (\(saved.statusValue.label)). Die Referenz ist jetzt öffentlich."
                        : "\(town) hat die vorgeschlagene Referenz für „\(solution.name)“ abgelehnt.",
                    detail: confirmed ? nil : "Begründung: \(saved.declineReason)", link: solution.path, action: "Lösung ansehen",
                    reason: "Sie Mitglied des Anbieters dieser Lösung sind"), on: db)
            return saved
        }
        guard let decided else { return false }
        if let user = decided.user { store.put(solutionID, user) }
        return true
    }

    /// The town says again that it uses the solution (and how): the 12 and 18 months start anew.
    func renew(_ reference: SolutionReferenceModel, use: Use, by user: UserModel, now: Date) async throws {
        let userID = try user.requireID()
        let town = towns.name(of: reference.townKey) ?? reference.townKey
        try await database.transaction { db in
            reference.status = use.status.rawValue
            reference.since = use.since
            reference.confirmedAt = now
            reference.decidedBy = userID
            if use.mayBeAsked {
                reference.contactUserID = userID
            } else if reference.contactUserID == userID {
                reference.contactUserID = nil
            }
            try await reference.save(on: db)
            try await AuditEntryModel(
                actor: user, action: "referenz-erneuert", subject: "loesung:\(reference.solutionID)", detail: "\(town): \(use.status.label)"
            ).create(on: db)
        }
        if let user = reference.user { store.put(reference.solutionID, user) }
    }

    /// The town takes its reference (or a proposal to it) off the platform.
    func remove(_ reference: SolutionReferenceModel, by user: UserModel) async throws {
        let town = towns.name(of: reference.townKey) ?? reference.townKey
        try await database.transaction { db in
            try await reference.delete(on: db)
            try await AuditEntryModel(
                actor: user, action: "referenz-entfernt", subject: "loesung:\(reference.solutionID)", detail: town
            ).create(on: db)
        }
        store.remove(reference.solutionID, townKey: reference.townKey)
    }

    private func notifyPublisher(of solution: SolutionModel, excluding: UUID?, _ message: NotificationMessage, on db: any Database) async throws {
        let notifier = Notifier(database: db, baseURL: baseURL)
        switch solution.publisher {
        case .organisation(let id): try await notifier.notifyMembers(of: id, kind: .anbieter, excluding: excluding, message)
        case .town(let key): try await notifier.notifyMembers(of: key, excluding: excluding, message)
        }
    }
}
