import AufwindCore
import Fluent
import Foundation

/// Tells the members of a town (or one user, or the platform admins) about something: an in-app
/// notification, and — as the user chose for the category (`NotificationPreferences`) — a mail
/// through the outbox at once, a place in the daily or weekly digest, or nothing; all in the
/// caller's transaction.
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
        let userID = try user.requireID()
        let cadence = try await NotificationPreferences(database: database).cadence(of: userID, for: message.category)
        let mailable = user.emailConfirmedAt != nil
        try await NotificationModel(
            userID: userID, category: message.category, text: message.text, link: message.link, action: message.action,
            awaitsDigest: mailable && cadence.digest != nil
        ).create(on: database)
        guard mailable, cadence == .sofort else { return }
        let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: database))
        let mail = NotificationMails(baseURL: baseURL, links: links).single(message, to: user.displayName, userID: userID)
        try await Outbox.send(
            to: user.email, subject: mail.subject, body: mail.plainText, htmlBody: mail.html, unsubscribeURL: mail.unsubscribeURL, userID: userID,
            on: database)
    }
}
