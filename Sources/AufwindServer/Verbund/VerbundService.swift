import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Forming a Verbund: founding, invitations and their decisions, status and programme, reminders.
struct VerbundService {
    let database: any Database
    let baseURL: String
    let directory: TownDirectory

    static let invitationDays = 30
    static let reminderDays = [30, 7, 1]

    func path(_ verbund: VerbundModel) -> String { verbund.path }

    /// A founded Verbund; `isNew` is false when the same founding had already happened.
    struct Founding {
        var verbund: VerbundModel
        var isNew: Bool
    }

    /// Founds a Verbund that `leadKey` leads (it is in at once), for a Vorhaben and/or a programme,
    /// and invites the towns `invited` as partners, each notified: all in one transaction. A form
    /// sent twice (a reload, a second click) founds it once: a Verbund of the same town, item,
    /// programme and name that is still in Gründung is the one already founded.
    func found(
        name: String, itemID: UUID?, leadKey: String, programmeID: String? = nil, invited: [String] = [], now: Date
    ) async throws -> Founding {
        if let existing = try await VerbundModel.query(on: database).filter(\.$leadKey == leadKey).filter(\.$itemID == itemID)
            .filter(\.$programmeID == programmeID).filter(\.$status == VerbundStatus.inBildung.rawValue).all()
            .first(where: { $0.name.lowercased() == name.lowercased() })
        {
            return Founding(verbund: existing, isNew: false)
        }
        let verbund = VerbundModel(name: name, itemID: itemID, leadKey: leadKey, programmeID: programmeID)
        let expiry = now.addingTimeInterval(Double(Self.invitationDays) * 24 * 3600)
        try await database.transaction { db in
            try await verbund.create(on: db)
            try await VerbundMemberModel(
                verbundID: verbund.requireID(), memberKey: leadKey, memberType: Self.townType(leadKey).rawValue,
                role: VerbundRole.konsortialfuehrung.rawValue, status: .accepted, expiresAt: nil
            ).create(on: db)
            for key in invited {
                try await VerbundMemberModel(
                    verbundID: verbund.requireID(), memberKey: key, memberType: Self.townType(key).rawValue, role: VerbundRole.partner.rawValue,
                    status: .invited, expiresAt: expiry
                ).create(on: db)
                try await notifyInvited(key, type: Self.townType(key), name: directory.name(of: key) ?? key, role: .partner, to: verbund, on: db)
            }
        }
        return Founding(verbund: verbund, isNew: true)
    }

    /// A Gemeinde (AGS, 8 digits) or a Kreis (5 digits).
    static func townType(_ key: String) -> MemberType { key.count == 5 ? .kreis : .gemeinde }

    /// Tells the members of an invited town (or provider) about its invitation.
    func notifyInvited(_ memberKey: String, type: MemberType, name: String, role: VerbundRole, to verbund: VerbundModel, on db: any Database)
        async throws
    {
        let lead = directory.name(of: verbund.leadKey) ?? verbund.leadKey
        try await Notifier(database: db, baseURL: baseURL).notifyMembers(
            of: memberKey, kind: type == .anbieter ? .anbieter : .kommune, excluding: nil,
            NotificationMessage(
                category: .anfragen, subject: "Einladung in den Verbund: \(verbund.name)",
                text: "\(lead) lädt \(type == .anbieter ? name + " als Anbieter" : "Sie") in den Verbund „\(verbund.name)“ ein (\(role.label)).",
                link: path(verbund), action: "Einladung beantworten"))
    }

    /// Whom the lead means by what was typed.
    enum Invitee {
        /// A town (AGS or Kreis key), or a provider organisation (`providerName` set).
        case member(key: String, providerName: String?)
        /// The name fits several towns: the lead chooses one.
        case choose([TownChoice], more: Bool)
        case unknown(ValidationMessage)
    }

    /// Whom a typed name invites: a town of the register (AGS, Kreis key, or a name only one
    /// town bears; `chosen` picks one of the towns a name may mean), else a confirmed provider of
    /// that exact name. A name that may mean several towns asks which one.
    func invitee(_ typed: String, chosen: String? = nil) async throws -> Invitee {
        let answer = TownChoices(catalog: directory.catalog).lookup(typed, chosen: chosen)
        if case .town(let key) = answer, VerbundResolver(catalog: directory.catalog).member(key: key) != nil {
            return .member(key: key, providerName: nil)
        }
        if let provider = try await Self.provider(named: typed, on: database) {
            return .member(key: try provider.requireID().uuidString, providerName: provider.name)
        }
        if case .choose(let choices, let more) = answer { return .choose(choices, more: more) }
        return .unknown("„\(typed)“: keine Gemeinde, kein Kreis und kein bestätigter Anbieter gefunden.")
    }

    /// A confirmed Anbieter organisation by its exact name (case does not matter).
    static func provider(named name: String, on db: any Database) async throws -> OrganisationModel? {
        guard !name.isEmpty, name.count <= 200 else { return nil }
        let providers = try await OrganisationModel.query(on: db).filter(\.$kind == OrganisationModel.Kind.anbieter.rawValue)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).all()
        return providers.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Invites a town or a provider (`providerName` set: an Anbieter organisation, a partner that
    /// does not apply); each is in a Verbund at most once. A town that declined or let its
    /// invitation expire can be invited again. With `email` (a town with nobody on Aufwind) the
    /// invitation goes by mail to that address and waits, without expiry, for the town's first
    /// confirmed member (`WaitingInvitations`).
    func invite(
        _ verbund: VerbundModel, memberKey: String, providerName: String? = nil, role: VerbundRole, email: String? = nil, by user: UserModel,
        now: Date
    ) async throws -> Result<VerbundMemberModel, ValidationMessage> {
        let id = try verbund.requireID()
        let name = providerName ?? directory.name(of: memberKey) ?? memberKey
        let type: MemberType = providerName != nil ? .anbieter : Self.townType(memberKey)
        if email != nil {
            guard type != .anbieter else { return .failure("Eine E-Mail-Adresse lässt sich nur für eine Kommune angeben.") }
            guard try await !Self.hasConfirmedMembers(memberKey, on: database) else {
                return .failure(
                    "\(name) ist schon auf Aufwind: Die Einladung erreicht ihre Mitglieder. Bitte ohne E-Mail-Adresse einladen.")
            }
            let leadName = directory.name(of: verbund.leadKey) ?? verbund.leadKey
            if let refusal = try await MailInvitationLimit(database: database).refusal(forLead: verbund.leadKey, leadName: leadName, now: now) {
                return .failure(refusal)
            }
        }
        let expiry: Date? = email == nil ? now.addingTimeInterval(Double(Self.invitationDays) * 24 * 3600) : nil
        @Sendable func notify(_ db: any Database) async throws {
            if let email {
                try await mailInvitation(verbund, townKey: memberKey, role: role, to: email, by: user, on: db)
            } else {
                try await notifyInvited(memberKey, type: type, name: name, role: role, to: verbund, on: db)
            }
        }
        if let existing = try await VerbundMemberModel.query(on: database).filter(\.$verbundID == id).filter(\.$memberKey == memberKey).first() {
            // A declined or expired invitation may be renewed, from exactly that state (of two
            // renewals at once, one wins); open invitations and members stay as they are.
            guard [.abgelehnt, .abgelaufen].contains(existing.standing(at: now)) else {
                return .failure("\(name) ist schon im Verbund (\(existing.statusValue.label)).")
            }
            let invited = VerbundMemberModel.Status.invited.rawValue
            let renewed = try await database.transaction { db in
                let sql = try db.sql()
                let rows = try await sql.raw(
                    """
                    UPDATE \(ident: VerbundMemberModel.schema) SET status = \(bind: invited), role = \(bind: role.rawValue), expires_at = \(bind: expiry), \
                    invitation_email = \(bind: email), mailed_at = \(bind: email == nil ? nil : now), \
                    decided_by = NULL, decided_by_name = NULL, decided_at = NULL \
                    WHERE id = \(bind: existing.requireID()) \
                    AND (status = \(bind: VerbundMemberModel.Status.declined.rawValue) OR (status = \(bind: invited) AND expires_at <= \(bind: now))) \
                    RETURNING id
                    """
                ).all()
                guard !rows.isEmpty else { return false }
                try await notify(db)
                return true
            }
            guard renewed else { return .failure("\(name) wurde gerade schon wieder eingeladen.") }
            existing.status = invited
            existing.role = role.rawValue
            existing.expiresAt = expiry
            existing.invitationEmail = email
            existing.mailedAt = email == nil ? nil : now
            return .success(existing)
        }
        let member = VerbundMemberModel(
            verbundID: id, memberKey: memberKey, memberType: type.rawValue, role: role.rawValue, status: .invited, expiresAt: expiry)
        member.memberName = providerName
        member.invitationEmail = email
        member.mailedAt = email == nil ? nil : now
        do {
            try await database.transaction { db in
                try await member.create(on: db)
                try await notify(db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return .failure("\(name) ist schon im Verbund.")
        }
        return .success(member)
    }

    /// Records a Zweckverband (a public body without accounts here): the lead enters it, it
    /// counts as an applicant of its Land, and it is in at once.
    func addZweckverband(_ verbund: VerbundModel, name: String, landCode: String, role: VerbundRole) async throws -> Result<
        VerbundMemberModel, ValidationMessage
    > {
        let id = try verbund.requireID()
        let existing = try await VerbundMemberModel.query(on: database).filter(\.$verbundID == id).filter(
            \.$memberType == MemberType.zweckverband.rawValue
        ).all()
        if existing.contains(where: { ($0.memberName ?? "").lowercased() == name.lowercased() }) { return .failure("\(name) ist schon im Verbund.") }
        let member = VerbundMemberModel(
            verbundID: id, memberKey: "zv-" + UUID().uuidString.lowercased(), memberType: MemberType.zweckverband.rawValue, role: role.rawValue,
            status: .accepted, expiresAt: nil)
        member.memberName = name
        member.memberLand = landCode
        try await member.create(on: database)
        return .success(member)
    }

    enum Decision {
        case decided
        case expired(Date)
        case alreadyDecided(String)
    }

    /// Accepts or declines an open, unexpired invitation; of two decisions at once one wins.
    func decide(_ member: VerbundMemberModel, accept: Bool, by user: UserModel, verbund: VerbundModel, now: Date) async throws -> Decision {
        let id = try member.requireID()
        let status: VerbundMemberModel.Status = accept ? .accepted : .declined
        return try await database.transaction { db in
            let sql = try db.sql()
            struct Row: Decodable { var id: UUID }
            let rows = try await sql.update(VerbundMemberModel.schema)
                .set("status", to: status.rawValue).set("decided_by", to: user.id).set("decided_by_name", to: user.displayName).set(
                    "decided_at", to: now
                )
                .where("id", .equal, id).where("status", .equal, VerbundMemberModel.Status.invited.rawValue).where("expires_at", .greaterThan, now)
                .returning("id").all(decoding: Row.self)
            guard rows.count == 1 else {
                guard let fresh = try await VerbundMemberModel.find(id, on: db) else {
                    throw ProblemDetails.notFound("Diese Einladung gibt es nicht.")
                }
                if fresh.statusValue == .invited, let expiry = fresh.expiresAt { return .expired(expiry) }
                return .alreadyDecided(fresh.statusValue.label)
            }
            let invitee = member.memberName ?? directory.name(of: member.memberKey) ?? member.memberKey
            let decision = accept ? "angenommen" : "abgelehnt"
            try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                of: verbund.leadKey, excluding: user.id,
                NotificationMessage(
                    category: .anfragen, subject: "Einladung \(decision): \(invitee)",
                    text: "\(invitee) hat die Einladung in den Verbund „\(verbund.name)“ \(decision).", link: path(verbund),
                    action: "Verbund ansehen"))
            return .decided
        }
    }

    /// Moves the Verbund on to `next`, only from `current` (the status the lead saw): of two
    /// changes at once the first wins and the other does nothing.
    func setStatus(_ verbund: VerbundModel, from current: VerbundStatus, to next: VerbundStatus) async throws {
        try await VerbundModel.query(on: database).filter(\.$id == verbund.requireID()).filter(\.$status == current.rawValue)
            .set(\.$status, to: next.rawValue).update()
    }

    /// The programme the Verbund applies for (nil: none yet).
    func chooseProgramme(_ verbund: VerbundModel, _ programmeID: String?) async throws {
        verbund.programmeID = programmeID
        try await verbund.save(on: database)
    }

    /// Sends the reminders due `today` (30, 7 and 1 days before open dates) through the outbox.
    /// A reminder row per (date, days) is inserted first: only the instance whose insert wins sends.
    @discardableResult
    func sendDueReminders(today: String) async throws -> Int {
        var sent = 0
        for days in Self.reminderDays {
            let due = Self.addDays(days, to: today)
            let dates = try await VerbundDateModel.query(on: database).filter(\.$due == due).filter(\.$done == false).all()
            for date in dates {
                guard let verbund = try await VerbundModel.find(date.verbundID, on: database) else { continue }
                do {
                    try await database.transaction { db in
                        try await VerbundReminderModel(dateID: date.requireID(), daysBefore: days).create(on: db)
                        let members = try await VerbundMemberModel.query(on: db).filter(\.$verbundID == date.verbundID)
                            .filter(\.$status == VerbundMemberModel.Status.accepted.rawValue).all()
                        let when = days == 1 ? "morgen" : "in \(days) Tagen"
                        for member in members {
                            try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                                of: member.memberKey, kind: member.isProvider ? .anbieter : .kommune, excluding: nil,
                                NotificationMessage(
                                    category: .fristen, subject: "Frist \(when): \(date.title)",
                                    text:
                                        "\(date.value.kindLabel) „\(date.title)“ im Verbund „\(verbund.name)“ ist \(when) fällig (\(GermanFormat.date(iso: date.due))).",
                                    link: path(verbund), action: "Verbund ansehen"))
                        }
                    }
                    sent += 1
                } catch let error as any DatabaseError where error.isConstraintFailure {
                    continue  // another instance sent it
                }
            }
        }
        return sent
    }

    static func addDays(_ days: Int, to iso: String) -> String { ISODay.adding(days, to: iso) }
}
