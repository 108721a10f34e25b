import AufwindCore
import Fluent
import Foundation
import SQLKit

// Invitations of towns with nobody on Aufwind: by mail to an address the lead gives, at once
// or later; the invitation then waits for the town's first confirmed member
// (`WaitingInvitations`).
extension VerbundService {
    /// Whether anybody acts for the town on Aufwind (a confirmed member).
    static func hasConfirmedMembers(_ townKey: String, on db: any Database) async throws -> Bool {
        try await MembershipModel.query(on: db).filter(\.$kind == MembershipModel.Kind.kommune.rawValue).filter(\.$orgKey == townKey)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).count() > 0
    }

    /// The invitation of a town with nobody on Aufwind, as a mail to the address the lead gave:
    /// what it is, how to register and join the town, and who sent it.
    func mailInvitation(_ verbund: VerbundModel, townKey: String, role: VerbundRole, to email: String, by user: UserModel, on db: any Database)
        async throws
    {
        let town = directory.name(of: townKey) ?? townKey
        let lead = directory.name(of: verbund.leadKey) ?? verbund.leadKey
        let about = verbund.descriptionText.isEmpty ? "" : "\nWorum es geht:\n\(verbund.descriptionText)\n"
        let body = MailWording.letter(
            to: nil,
            """
            \(lead) lädt \(town) in den Verbund „\(verbund.name)“ ein (\(role.label)). Auf Aufwind finden Kommunen Partner, \
            bilden Verbünde und prüfen gemeinsam Förderprogramme. Von \(town) ist noch niemand auf Aufwind.
            \(about)
            So nehmen Sie die Einladung an:
            1. Registrieren: \(baseURL)/registrieren
            2. \(town) beitreten: \(baseURL)/konto/organisationen?kommune=\(townKey)
            3. Sobald Ihre Mitgliedschaft bestätigt ist (das erste Mitglied einer Kommune prüft die Plattform-Administration, \
            z. B. durch einen Rückruf im Rathaus), finden Sie die Einladung unter \(baseURL)/verbuende und können sie annehmen.

            Sie bekommen diese E-Mail, weil \(user.displayName) (\(lead)) diese Adresse für \(town) angegeben hat. \
            Wenn Sie nicht zuständig sind, leiten Sie sie bitte weiter oder ignorieren Sie sie.
            """)
        try await Outbox.send(to: email, subject: "Einladung in den Verbund „\(verbund.name)“: \(town)", body: body, on: db)
    }

    /// The lead gives an address later, for a town invited without one that has nobody on
    /// Aufwind (so nobody heard of it): the invitation is mailed there and from then on waits for
    /// the town's first member instead of expiring. One conditional update; the mail goes out in
    /// the same transaction.
    func mailOpenInvitation(_ member: VerbundMemberModel, of verbund: VerbundModel, to email: String, by user: UserModel, now: Date)
        async throws -> Result<Void, ValidationMessage>
    {
        let name = directory.name(of: member.memberKey) ?? member.memberKey
        guard !member.isProvider, !member.isZweckverband else { return .failure("Per E-Mail lassen sich nur Kommunen einladen.") }
        guard member.standing(at: now) == .eingeladen, member.invitationEmail == nil else {
            return .failure("Die Einladung von \(name) ist nicht mehr offen oder schon per E-Mail verschickt.")
        }
        guard try await !Self.hasConfirmedMembers(member.memberKey, on: database) else {
            return .failure("\(name) ist inzwischen auf Aufwind: Die Einladung erreicht ihre Mitglieder.")
        }
        let leadName = directory.name(of: verbund.leadKey) ?? verbund.leadKey
        if let refusal = try await MailInvitationLimit(database: database).refusal(forLead: verbund.leadKey, leadName: leadName, now: now) {
            return .failure(refusal)
        }
        let role = VerbundRole(rawValue: member.role) ?? .partner
        let mailed = try await database.transaction { db in
            let rows = try await db.sql().raw(
                """
                UPDATE \(ident: VerbundMemberModel.schema) SET invitation_email = \(bind: email), mailed_at = \(bind: now), expires_at = NULL \
                WHERE id = \(bind: member.requireID()) AND status = \(bind: VerbundMemberModel.Status.invited.rawValue) \
                AND invitation_email IS NULL AND expires_at > \(bind: now) \
                RETURNING id
                """
            ).all()
            guard !rows.isEmpty else { return false }
            try await mailInvitation(verbund, townKey: member.memberKey, role: role, to: email, by: user, on: db)
            return true
        }
        return mailed ? .success(()) : .failure("Die Einladung von \(name) hat sich gerade geändert; bitte sehen Sie auf der Seite nach.")
    }
}
