import AufwindCore
import Fluent
import Foundation

/// Tells the members of a town (or one user, or the platform admins) about something: an in-app
/// notification, and — as the user chose for the category (`NotificationPreferences`) — a mail
/// through the outbox at once, a place in the daily or weekly digest, or nothing; all in the
/// caller's transaction.
///
/// One message to many people is one batch: one query for all recipients' cadences, one insert of
/// the notifications, the signing key read once (only when someone gets a mail now), one insert of
/// the mails — not a round of queries per recipient.
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
        try await notify(memberships.map(\.user).filter { $0.id != excluding }, message)
    }

    /// The platform admins (e.g. a town lost its last Verwalter and its requests now wait for them).
    func notifyPlatformAdmins(excluding: UUID? = nil, _ message: NotificationMessage) async throws {
        let admins = try await UserModel.query(on: database).filter(\.$isAdmin == true).all()
        try await notify(admins.filter { $0.id != excluding }, message)
    }

    func notify(_ user: UserModel, _ message: NotificationMessage) async throws {
        try await notify([user], message)
    }

    /// The same message to each of `users` (each once).
    func notify(_ users: [UserModel], _ message: NotificationMessage) async throws {
        var once = Set<UUID>()
        let recipients = try users.filter { once.insert(try $0.requireID()).inserted }
        guard !recipients.isEmpty else { return }
        let cadences = try await NotificationPreferences(database: database).cadences(of: Array(once), for: message.category)
        var notifications: [NotificationModel] = []
        var mailNow: [UserModel] = []
        for user in recipients {
            let userID = try user.requireID()
            let cadence = cadences[userID] ?? .standard(for: message.category)
            let mailable = user.emailConfirmedAt != nil
            notifications.append(
                NotificationModel(
                    userID: userID, category: message.category, text: message.text, link: message.link, action: message.action,
                    awaitsDigest: mailable && cadence.digest != nil))
            if mailable, cadence == .sofort { mailNow.append(user) }
        }
        try await notifications.create(on: database)
        guard !mailNow.isEmpty else { return }
        let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: database))
        let mails = NotificationMails(baseURL: baseURL, links: links)
        let outbox = try mailNow.map { user in
            let userID = try user.requireID()
            let mail = mails.single(message, to: user.displayName, userID: userID)
            let model = MailModel(recipient: user.email, subject: mail.subject, body: mail.plainText)
            model.htmlBody = mail.html
            model.unsubscribeURL = mail.unsubscribeURL
            model.userID = userID
            return model
        }
        try await outbox.create(on: database)
    }
}
