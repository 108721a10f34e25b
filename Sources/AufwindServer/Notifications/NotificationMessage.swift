import AufwindCore

/// One thing that happened and waits on someone: what the notification centre lists and what the
/// mail says (greeting, `text`, the optional `detail` such as a message's text, the one action).
struct NotificationMessage: Sendable {
    var category: NotificationCategory
    /// The mail's short subject, e.g. "Neue Beitrittsanfrage: Everswinkel".
    var subject: String
    /// One sentence: what happened.
    var text: String
    /// Longer text quoted in the mail (a message's body), if any.
    var detail: String?
    /// A path on this site: where the recipient acts.
    var link: String
    /// The label of that one action, e.g. "Anfrage ansehen".
    var action: String
    /// Why this person is told, as the rest of a sentence after "weil", e.g. "Sie Verwalterin von
    /// Everswinkel sind". The mail always names the category and its setting as well.
    var reason: String?

    init(
        category: NotificationCategory, subject: String, text: String, detail: String? = nil, link: String, action: String, reason: String? = nil
    ) {
        self.category = category
        self.subject = subject
        self.text = text
        self.detail = detail
        self.link = link
        self.action = action
        self.reason = reason
    }
}
