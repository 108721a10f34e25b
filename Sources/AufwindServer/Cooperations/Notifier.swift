import Fluent
import Foundation

/// Tells the members of a town (or one user, or the platform admins) about something: an in-app notification and a
/// mail through the outbox, in the caller's transaction.
struct Notifier {
    let database: any Database
    let baseURL: String

    /// The confirmed members of a town, except `excluding` (who caused the event).
    func notifyMembers(of townKey: String, kind: MembershipModel.Kind = .kommune, excluding: UUID?, text: String, link: String) async throws {
        let memberships = try await MembershipModel.query(on: database)
            .filter(\.$kind == kind.rawValue).filter(\.$orgKey == townKey)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).with(\.$user).all()
        for membership in memberships where membership.user.id != excluding {
            try await notify(membership.user, text: text, link: link)
        }
    }

    /// The platform admins (e.g. a town lost its last Verwalter and its requests now wait for them).
    func notifyPlatformAdmins(excluding: UUID? = nil, text: String, link: String) async throws {
        for admin in try await UserModel.query(on: database).filter(\.$isAdmin == true).all() where admin.id != excluding {
            try await notify(admin, text: text, link: link)
        }
    }

    func notify(_ user: UserModel, text: String, link: String) async throws {
        try await NotificationModel(userID: user.requireID(), text: text, link: link).create(on: database)
        guard user.emailConfirmedAt != nil else { return }
        try await Outbox.send(
            to: user.email, subject: "Aufwind: \(text)",
            body: """
                Hallo \(user.displayName),

                \(text)

                \(baseURL)\(link)

                Ihre Benachrichtigungen: \(baseURL)/benachrichtigungen
                """,
            on: database)
    }
}
