import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The rules of joining a town and of deciding about it; the controllers only translate HTTP.
struct MembershipService {
    let database: any Database
    let baseURL: String
    /// Names towns in what confirmations release (the invitations that waited for a town).
    var directory: TownDirectory? = nil

    /// The actor for the policy: the user with their confirmed memberships.
    static func actor(for user: UserModel, on db: any Database) async throws -> Actor {
        try actor(for: user, memberships: try await memberships(of: user, on: db))
    }

    /// All memberships of the user, whatever their status (one indexed read).
    static func memberships(of user: UserModel, on db: any Database) async throws -> [MembershipModel] {
        try await MembershipModel.query(on: db).filter(\.$user.$id == user.requireID()).all()
    }

    /// The actor for the policy from the user's memberships: only confirmed ones count.
    static func actor(for user: UserModel, memberships all: [MembershipModel]) throws -> Actor {
        let memberships = all.filter { $0.status == MembershipModel.Status.confirmed.rawValue }
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

    /// Whether a town (or organisation) has a confirmed Verwalter, who decides its requests.
    func hasConfirmedVerwalter(kind: MembershipModel.Kind, key: String) async throws -> Bool {
        try await MembershipModel.query(on: database)
            .filter(\.$kind == kind.rawValue).filter(\.$orgKey == key).filter(\.$role == MemberRole.verwalter.rawValue)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).count() > 0
    }

    /// What asking to join came to.
    enum RequestOutcome: Equatable {
        case requested
        /// The request was made before and waits for its decision (a second tab, a reload).
        case alreadyPending
        case alreadyMember
    }

    /// Asks to join; a declined request may be made again, an open one or a membership stays as it
    /// is. In the same transaction the requester hears that the request arrived, and those who
    /// decide it are told (`MembershipNotices`).
    func request(user: UserModel, kind: MembershipModel.Kind, key: String, message: String, orgName: String) async throws -> RequestOutcome {
        let userID = try user.requireID()
        do {
            return try await database.transaction { db in
                if let existing = try await MembershipModel.query(on: db)
                    .filter(\.$user.$id == userID).filter(\.$kind == kind.rawValue).filter(\.$orgKey == key).first()
                {
                    switch existing.statusValue {
                    case .pending: return .alreadyPending
                    case .confirmed: return .alreadyMember
                    case .declined: break
                    }
                    existing.status = MembershipModel.Status.pending.rawValue
                    existing.message = message
                    existing.decidedBy = nil
                    existing.decidedAt = nil
                    try await existing.save(on: db)
                } else {
                    try await MembershipModel(userID: userID, kind: kind, orgKey: key, message: message).create(on: db)
                }
                try await MembershipNotices(database: db, baseURL: baseURL).requested(by: user, kind: kind, key: key, name: orgName, message: message)
                return .requested
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return .alreadyPending
        }
    }

    /// The action (and resource) the policy must allow for deciding about `membership`: a town's
    /// Verwalter decide; a town without one (no members yet, or its last Verwalter deleted the
    /// account) is decided by the platform, like a first member.
    func requiredAction(for membership: MembershipModel) async throws -> AufwindCore.Action {
        switch MembershipModel.Kind(rawValue: membership.kind) ?? .kommune {
        case .region: return .verifyFirstTownMember
        case .anbieter, .veranstalter: return .manageOrganisation
        case .kommune:
            return try await hasConfirmedVerwalter(kind: .kommune, key: membership.orgKey) ? .decideTownMembership : .verifyFirstTownMember
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

    static let verificationRequired =
        "Beim ersten Mitglied einer Kommune (oder wenn sie keine Verwalter:innen hat) bitte angeben, wie es geprüft wurde (z. B. Rückruf über die Telefonnummer des Rathauses)."

    /// Whether confirming `membership` needs a note on how the person was verified that is missing:
    /// the first member of a town (or of one without a Verwalter) is confirmed by the platform only so.
    func lacksVerification(_ membership: MembershipModel, accept: Bool, verification: String?) async throws -> Bool {
        guard accept, membership.kind == MembershipModel.Kind.kommune.rawValue, (verification ?? "").trimmingSpaces.isEmpty else { return false }
        return try await requiredAction(for: membership) == .verifyFirstTownMember
    }

    /// Confirms or declines a pending request. Only one decision wins, even when two arrive at once.
    func decide(
        _ membership: MembershipModel, accept: Bool, verification: String?, by decider: UserModel, townName: String, now: Date
    ) async throws {
        let first = try await requiredAction(for: membership) == .verifyFirstTownMember
        if try await lacksVerification(membership, accept: accept, verification: verification) {
            throw ProblemDetails(title: "Angabe fehlt", status: 422, detail: Self.verificationRequired)
        }
        let note = String((verification ?? "").trimmingSpaces.prefix(500))
        let status: MembershipModel.Status = accept ? .confirmed : .declined
        let role = accept && first && membership.kind == MembershipModel.Kind.kommune.rawValue ? "verwalter" : membership.role
        try await database.transaction { db in
            let sql = try db.sql()
            let won = try await sql.update(MembershipModel.schema)
                .set("status", to: status.rawValue)
                .set("role", to: role)
                .set("decided_by", to: decider.requireID())
                .set("decided_at", to: now)
                .set("verification", to: note.isEmpty ? nil : note)
                .where("id", .equal, membership.requireID())
                .where("status", .equal, MembershipModel.Status.pending.rawValue)
                .returning("id")
                .all()
            guard !won.isEmpty else {
                throw ProblemDetails(title: "Schon entschieden", status: 409, detail: "Über diese Anfrage wurde bereits entschieden.")
            }
            let requester = try await UserModel.find(membership.$user.id, on: db)
            try await AuditEntryModel(
                actor: decider, action: accept ? "mitgliedschaft-bestaetigt" : "mitgliedschaft-abgelehnt",
                subject: "\(membership.kind):\(membership.orgKey)",
                detail: "\(requester?.email ?? "?")" + (accept ? " als \(role)" : "") + (note.isEmpty ? "" : "; Prüfung: \(note)")
            ).create(on: db)
            let notices = MembershipNotices(database: db, baseURL: baseURL)
            if let requester {
                try await notices.decided(for: requester, accepted: accept, role: role, kind: membership.kind, key: membership.orgKey, name: townName)
            }
            if accept, membership.kind == MembershipModel.Kind.kommune.rawValue {
                // The town's first members find the Verbund invitations that waited for them.
                try await WaitingInvitations(database: db, baseURL: baseURL, directory: directory).release(town: membership.orgKey, now: now)
            }
        }
    }

    /// Makes a confirmed member Mitglied or Verwalter. Taking the role from a Verwalter is one
    /// conditional statement that requires another confirmed Verwalter to stay (see
    /// `anotherVerwalterRemains`): of two Verwalter demoting each other at once, one keeps the role.
    func changeRole(_ membership: MembershipModel, to role: MemberRole, by actor: UserModel, orgName: String) async throws {
        guard membership.statusValue == .confirmed else {
            throw ProblemDetails.badRequest("Die Rolle lässt sich nur bei bestätigten Mitgliedern ändern.")
        }
        let sql = try database.sql()
        let id = try membership.requireID()
        let before = membership.role
        let verwalter = MemberRole.verwalter.rawValue
        let confirmed = MembershipModel.Status.confirmed.rawValue
        let condition: SQLQueryString =
            role == .mitglied
            ? "(role <> \(bind: verwalter) OR \(Self.anotherVerwalterRemains(kind: membership.kind, key: membership.orgKey, dialect: sql.dialect)))"
            : "1 = 1"
        let changed = try await sql.raw(
            """
            UPDATE \(ident: MembershipModel.schema) SET role = \(bind: role.rawValue) \
            WHERE id = \(bind: id) AND status = \(bind: confirmed) AND \(condition) RETURNING id
            """
        ).all()
        guard !changed.isEmpty else {
            guard let fresh = try await MembershipModel.find(id, on: database), fresh.statusValue == .confirmed else {
                throw ProblemDetails.notFound("Diese Mitgliedschaft gibt es nicht mehr.")
            }
            if fresh.role == role.rawValue { return }  // someone else did the same a moment ago
            throw Self.lastVerwalter(orgName: orgName, isSelf: fresh.$user.id == actor.id)
        }
        guard before != role.rawValue else { return }
        membership.role = role.rawValue
        let member = try await UserModel.find(membership.$user.id, on: database)
        try await AuditEntryModel(
            actor: actor, action: "rolle-geaendert", subject: "\(membership.kind):\(membership.orgKey)",
            detail: "\(member?.email ?? "?"): \(before) → \(role.rawValue)"
        ).create(on: database)
    }

    /// Ends one's own membership, or withdraws an open request. The last confirmed Verwalter of a
    /// town or organisation cannot leave: one conditional `DELETE`, race-free like `changeRole`.
    func leave(_ membership: MembershipModel, user: UserModel, orgName: String) async throws {
        let sql = try database.sql()
        let id = try membership.requireID()
        let userID = try user.requireID()
        let verwalter = MemberRole.verwalter.rawValue
        let confirmed = MembershipModel.Status.confirmed.rawValue
        let guardSQL = Self.anotherVerwalterRemains(kind: membership.kind, key: membership.orgKey, dialect: sql.dialect)
        let removed = try await sql.raw(
            """
            DELETE FROM \(ident: MembershipModel.schema) \
            WHERE id = \(bind: id) AND user_id = \(bind: userID) AND (role <> \(bind: verwalter) OR status <> \(bind: confirmed) OR \(guardSQL)) \
            RETURNING id
            """
        ).all()
        guard !removed.isEmpty else {
            guard try await MembershipModel.find(id, on: database) != nil else { return }  // already gone
            throw Self.lastVerwalter(orgName: orgName, isSelf: true)
        }
        if membership.statusValue == .confirmed {
            try await AuditEntryModel(
                actor: user, action: "mitgliedschaft-beendet", subject: "\(membership.kind):\(membership.orgKey)",
                detail: "\(user.email) (\(membership.role))"
            ).create(on: database)
        }
    }

    /// The refusal when a town or organisation would be left without a Verwalter.
    static func lastVerwalter(orgName: String, isSelf: Bool) -> ProblemDetails {
        ProblemDetails(
            title: "Nicht möglich", status: 409,
            detail: (isSelf ? "Sie sind die einzige Person, die \(orgName) verwaltet." : "Das ist die einzige Person, die \(orgName) verwaltet.")
                + " Setzen Sie zuerst ein anderes Mitglied als Verwalter:in ein – sonst entscheidet niemand mehr über Anfragen.")
    }

    /// The condition of every statement that takes a Verwalter away: at least two confirmed
    /// Verwalter of the town (or organisation) exist, so another one stays. On PostgreSQL the
    /// subquery locks the Verwalter rows in id order (`FOR UPDATE`): of two such statements at once
    /// the second waits, re-reads the rows the first changed and sees one Verwalter fewer (a plain
    /// `count(*)` would let both see two under READ COMMITTED). SQLite has no row locks and needs
    /// none: it runs one writing statement at a time.
    static func anotherVerwalterRemains(kind: String, key: String, dialect: any SQLDialect) -> SQLQueryString {
        "(SELECT count(*) FROM (\(lockedVerwalterIDs(kind: kind, keys: [key], dialect: dialect))) AS verwalter) > 1"
    }

    /// The confirmed Verwalter of some towns or organisations, locked in id order on PostgreSQL.
    static func lockedVerwalterIDs(kind: String, keys: [String], dialect: any SQLDialect) -> SQLQueryString {
        let lock = dialect.exclusiveSelectLockExpression ?? SQLRaw("")
        return """
            SELECT id FROM \(ident: MembershipModel.schema) WHERE kind = \(bind: kind) AND org_key IN (\(binds: keys)) \
            AND role = \(bind: MemberRole.verwalter.rawValue) AND status = \(bind: MembershipModel.Status.confirmed.rawValue) ORDER BY id \(lock)
            """
    }

    /// Deletes all memberships of a user who deletes the account (in the caller's transaction);
    /// never refused (DSGVO). A town whose last Verwalter this was falls back to the platform: its
    /// open requests show in the admin queue (`requiredAction`), and the admins are told.
    func removeAll(userID: UUID, towns directory: TownDirectory) async throws {
        let kommune = MembershipModel.Kind.kommune.rawValue
        let own = try await MembershipModel.query(on: database).filter(\.$user.$id == userID).all()
        let towns = Array(
            Set(
                own.filter {
                    $0.kind == kommune && $0.statusValue == .confirmed && $0.role == MemberRole.verwalter.rawValue
                }.map(\.orgKey))
        ).sorted()
        if !towns.isEmpty, let sql = database as? any SQLDatabase {
            // Waits for (and then blocks) concurrent demotions, departures and deletions in these towns,
            // so that the count below is the final one.
            try await sql.raw(Self.lockedVerwalterIDs(kind: kommune, keys: towns, dialect: sql.dialect)).run()
        }
        try await MembershipModel.query(on: database).filter(\.$user.$id == userID).delete()
        for town in towns {
            let left = try await MembershipModel.query(on: database).filter(\.$kind == kommune).filter(\.$orgKey == town)
                .filter(\.$status ~~ [MembershipModel.Status.confirmed.rawValue, MembershipModel.Status.pending.rawValue]).all()
            guard !left.contains(where: { $0.statusValue == .confirmed && $0.role == MemberRole.verwalter.rawValue }) else { continue }
            let open = left.filter { $0.statusValue == .pending }.count
            let members = left.count - open
            guard open > 0 || members > 0 else { continue }
            let name = directory.name(of: town) ?? town
            // Not the leaving user, should they be an admin: nothing is sent to a deleted account.
            let text =
                "\(name) hat keine Verwalter:innen mehr (Konto gelöscht): "
                + (open > 0
                    ? "\(open == 1 ? "eine offene Anfrage wartet" : "\(open) offene Anfragen warten") in der Warteschlange"
                    : "keine offenen Anfragen")
                + (members > 0
                    ? "; \(members == 1 ? "ein Mitglied bleibt" : "\(members) Mitglieder bleiben") – bei Bedarf als Verwalter:in einsetzen." : ".")
            try await Notifier(database: database, baseURL: baseURL).notifyPlatformAdmins(
                excluding: userID,
                NotificationMessage(
                    category: .anfragen, subject: "Keine Verwalter:innen mehr: \(name)", text: text,
                    link: open > 0 || members == 0 ? "/admin/warteschlange" : "/kommunen/\(town)/mitglieder",
                    action: open > 0 ? "Warteschlange öffnen" : "Mitglieder ansehen"))
        }
    }
}

extension Optional {
    /// `flatMap` for an async transform.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
