import Fluent
import Foundation

/// Tells the members of a town (or one user, or the platform admins) about something: an in-app notification and a
/// mail through the outbox, in the caller's transaction.
struct Notifier {
    let database: any Database
    let baseURL: String

    /// The confirmed members of a town, except `excluding` (who caused the event).
    func notifyMembers(of townKey: String, kind: MembershipModel.Kind = .kommune, excluding: UUID?, _ message: NotificationMessage)
        async throws
    {
        let memberships = try await MembershipModel.query(on: database)
            .filter(\.$kind == kind.rawValue).filter(\.$orgKey == townKey)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).with(\.$user).all()
        for membership in memberships where membership.user.id != excluding {
            try await notify(membership.user, message)
        }
    }

    /// The platform admins (e.g. a town lost its last Verwalter and its requests now wait for them).
    func notifyPlatformAdmins(excluding: UUID? = nil, _ message: NotificationMessage) async throws {
        for admin in try await UserModel.query(on: database).filter(\.$isAdmin == true).all() where admin.id != excluding {
            try await notify(admin, message)
        }
    }

    func notify(_ user: UserModel, _ message: NotificationMessage) async throws {
        try await NotificationModel(userID: user.requireID(), category: message.category, text: message.text, link: message.link)
            .create(on: database)
        guard user.emailConfirmedAt != nil else { return }
        var body = "Hallo \(user.displayName),\n\n\(message.text)\n"
        if let detail = message.detail { body += "\n\(detail)\n" }
        body += """

            \(message.action): \(baseURL)\(message.link)

            Ihre Benachrichtigungen: \(baseURL)/benachrichtigungen
            """
        try await Outbox.send(to: user.email, subject: message.subject, body: body, on: database)
    }
}
