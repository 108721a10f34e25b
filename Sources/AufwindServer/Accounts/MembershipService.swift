import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The rules of joining a town and of deciding about it; the controllers only translate HTTP.
struct MembershipService {
    let database: any Database
    let baseURL: String

    /// The actor for the policy: the user with their confirmed memberships.
    static func actor(for user: UserModel, on db: any Database) async throws -> Actor {
        let memberships = try await MembershipModel.query(on: db)
            .filter(\.$user.$id == user.requireID()).filter(\.$status == MembershipModel.Status.confirmed.rawValue).all()
        var towns: [String: MemberRole] = [:]
        var regions: Set<String> = []
        var organisations: [String: MemberRole] = [:]
        for membership in memberships {
            let role = MemberRole(rawValue: membership.role) ?? .mitglied
            switch MembershipModel.Kind(rawValue: membership.kind) {
            case .kommune: towns[membership.orgKey] = role
            case .region: regions.insert(membership.orgKey)
            case .anbieter, .veranstalter: organisations[membership.orgKey] = role
            case nil: break
            }
        }
        return Actor(
            userID: try user.requireID().uuidString, isPlatformAdmin: user.isAdmin, emailConfirmed: user.emailConfirmedAt != nil,
            townRoles: towns, regionalKeys: regions, organisationRoles: organisations)
    }

    func hasConfirmedMembers(kind: MembershipModel.Kind, key: String) async throws -> Bool {
        try await MembershipModel.query(on: database)
            .filter(\.$kind == kind.rawValue).filter(\.$orgKey == key)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).count() > 0
    }

    /// Asks to join; a declined request may be made again.
    func request(user: UserModel, kind: MembershipModel.Kind, key: String, message: String) async throws {
        let userID = try user.requireID()
        if let existing = try await MembershipModel.query(on: database)
            .filter(\.$user.$id == userID).filter(\.$kind == kind.rawValue).filter(\.$orgKey == key).first()
        {
            guard existing.statusValue == .declined else {
                throw ProblemDetails(title: "Schon angefragt", status: 409, detail: "Sie haben für diese Kommune schon eine Mitgliedschaft oder eine offene Anfrage.")
            }
            existing.status = MembershipModel.Status.pending.rawValue
            existing.message = message
            existing.decidedBy = nil
            existing.decidedAt = nil
            try await existing.save(on: database)
            return
        }
        do {
            try await MembershipModel(userID: userID, kind: kind, orgKey: key, message: message).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw ProblemDetails(title: "Schon angefragt", status: 409, detail: "Sie haben für diese Kommune schon eine Mitgliedschaft oder eine offene Anfrage.")
        }
    }

    /// The action (and resource) the policy must allow for deciding about `membership`.
    func requiredAction(for membership: MembershipModel) async throws -> AufwindCore.Action {
        switch MembershipModel.Kind(rawValue: membership.kind) ?? .kommune {
        case .region: return .verifyFirstTownMember
        case .anbieter, .veranstalter: return .manageOrganisation
        case .kommune:
            return try await hasConfirmedMembers(kind: .kommune, key: membership.orgKey) ? .decideTownMembership : .verifyFirstTownMember
        }
    }

    /// The resource a decision about `membership` concerns.
    static func resource(for membership: MembershipModel, action: AufwindCore.Action) -> Resource {
        switch action {
        case .verifyFirstTownMember: .platform
        case .manageOrganisation: .organisation(membership.orgKey)
        default: .town(membership.orgKey)
        }
    }

    /// Confirms or declines a pending request. Only one decision wins, even when two arrive at once.
    func decide(_ membership: MembershipModel, accept: Bool, verification: String?, by decider: UserModel, townName: String) async throws {
        let first = try await requiredAction(for: membership) == .verifyFirstTownMember
        if accept, first, membership.kind == MembershipModel.Kind.kommune.rawValue, (verification ?? "").trimmingSpaces.isEmpty {
            throw ProblemDetails.badRequest(
                "Beim ersten Mitglied einer Kommune bitte angeben, wie es geprüft wurde (z. B. Rückruf über die Telefonnummer des Rathauses).")
        }
        let note = String((verification ?? "").trimmingSpaces.prefix(500))
        let status: MembershipModel.Status = accept ? .confirmed : .declined
        let role = accept && first && membership.kind == MembershipModel.Kind.kommune.rawValue ? "verwalter" : membership.role
        guard let sql = database as? any SQLDatabase else { throw RegisterStorageError.notSQL }
        let won = try await sql.update(MembershipModel.schema)
            .set("status", to: status.rawValue)
            .set("role", to: role)
            .set("decided_by", to: decider.requireID())
            .set("decided_at", to: Date())
            .set("verification", to: note.isEmpty ? nil : note)
            .where("id", .equal, membership.requireID())
            .where("status", .equal, MembershipModel.Status.pending.rawValue)
            .returning("id")
            .all()
        guard !won.isEmpty else {
            throw ProblemDetails(title: "Schon entschieden", status: 409, detail: "Über diese Anfrage wurde bereits entschieden.")
        }
        let requester = try await UserModel.find(membership.$user.id, on: database)
        try await AuditEntryModel(
            actor: decider, action: accept ? "mitgliedschaft-bestaetigt" : "mitgliedschaft-abgelehnt",
            subject: "\(membership.kind):\(membership.orgKey)",
            detail: "\(requester?.email ?? "?")" + (accept ? " als \(role)" : "") + (note.isEmpty ? "" : "; Prüfung: \(note)")
        ).create(on: database)
        if let requester {
            try await Outbox.send(
                to: requester.email,
                subject: accept ? "Ihre Mitgliedschaft bei \(townName) ist bestätigt" : "Ihre Anfrage bei \(townName) wurde abgelehnt",
                body: accept
                    ? "Sie handeln auf Aufwind jetzt für \(townName) (\(role == "verwalter" ? "Verwalter" : "Mitglied")). \(baseURL)/konto/organisationen"
                    : "Ihre Anfrage, für \(townName) zu handeln, wurde abgelehnt. Bei Fragen wenden Sie sich an die Verwaltung von \(townName).",
                on: database)
        }
    }

    /// Makes a confirmed member Mitglied or Verwalter; the last Verwalter stays Verwalter.
    func changeRole(_ membership: MembershipModel, to role: MemberRole, by actor: UserModel) async throws {
        guard membership.statusValue == .confirmed else {
            throw ProblemDetails.badRequest("Die Rolle lässt sich nur bei bestätigten Mitgliedern ändern.")
        }
        if role == .mitglied, membership.role == MemberRole.verwalter.rawValue {
            let verwalter = try await MembershipModel.query(on: database)
                .filter(\.$kind == membership.kind).filter(\.$orgKey == membership.orgKey)
                .filter(\.$status == MembershipModel.Status.confirmed.rawValue).filter(\.$role == MemberRole.verwalter.rawValue).count()
            if verwalter <= 1 {
                throw ProblemDetails(title: "Nicht möglich", status: 409, detail: "Es muss mindestens einen Verwalter geben: Bitte ernennen Sie zuerst ein anderes Mitglied zum Verwalter.")
            }
        }
        let before = membership.role
        membership.role = role.rawValue
        try await membership.save(on: database)
        let member = try await UserModel.find(membership.$user.id, on: database)
        try await AuditEntryModel(
            actor: actor, action: "rolle-geaendert", subject: "\(membership.kind):\(membership.orgKey)",
            detail: "\(member?.email ?? "?"): \(before) → \(role.rawValue)"
        ).create(on: database)
    }
}


extension Optional {
    /// `flatMap` for an async transform.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
