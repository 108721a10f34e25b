import AufwindCore
import Foundation

/// Fills the one template (`NotificationMail`) for a single notification and for a digest.
struct NotificationMails {
    let baseURL: String
    let links: UnsubscribeLink

    var settingsURL: String { "\(baseURL)/konto/benachrichtigungen" }

    static func quoted(_ categories: [NotificationCategory]) -> String {
        let names = categories.map { "„\($0.title)“" }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " und " + (names.last ?? "")
    }

    /// A notification mailed at once ("sofort").
    func single(_ message: NotificationMessage, to name: String, userID: UUID) -> NotificationMail {
        let setting = "Benachrichtigungen zu „\(message.category.title)“ erhalten Sie sofort per E-Mail."
        let reason =
            message.reason.map { "Sie erhalten diese E-Mail, weil \($0). \(setting)" }
            ?? "Sie erhalten diese E-Mail, weil Sie bei Aufwind Benachrichtigungen zu „\(message.category.title)“ sofort per E-Mail erhalten."
        return NotificationMail(
            recipientName: name, subject: message.subject,
            entries: [
                .init(category: message.category, text: message.text, detail: message.detail, action: message.action, url: baseURL + message.link)
            ],
            reason: reason, settingsURL: settingsURL,
            unsubscribeURL: links.url(baseURL: baseURL, for: userID, categories: [message.category]),
            unsubscribeLabel: "E-Mails zu „\(message.category.title)“ abbestellen")
    }

    /// One digest with everything new for the user, grouped by category.
    func digest(_ cadence: DigestCadence, entries: [NotificationMail.Entry], to name: String, userID: UUID) -> NotificationMail {
        let categories = UnsubscribeLink.normalised(entries.map(\.category))
        let count = entries.count
        let what = count == 1 ? "eine neue Benachrichtigung" : "\(count) neue Benachrichtigungen"
        let since = cadence == .daily ? "seit gestern" : "seit letzter Woche"
        let subject = cadence == .daily ? "Ihre Aufwind-Zusammenfassung: \(what)" : "Ihre Aufwind-Wochenübersicht: \(what)"
        return NotificationMail(
            recipientName: name, subject: subject,
            introduction: "Sie haben \(since) \(what) auf Aufwind, die Sie noch nicht gesehen haben:",
            entries: entries,
            reason: "Sie erhalten diese E-Mail, weil Sie Benachrichtigungen zu \(Self.quoted(categories)) \(cadence.cadence.title) "
                + "als Zusammenfassung per E-Mail erhalten.",
            settingsURL: settingsURL, unsubscribeURL: links.url(baseURL: baseURL, for: userID, categories: categories),
            unsubscribeLabel: "Diese Zusammenfassung abbestellen")
    }
}
