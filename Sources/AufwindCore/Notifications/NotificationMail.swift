/// The one German template of every notification mail and digest: greeting, what happened (grouped
/// by category in a digest), the optional quoted text, the one action with its link, why the mail
/// comes, how to change that, and the one-click unsubscribe link. Plain text and HTML say the same;
/// the HTML has inline styles only, no images, no external resources, no tracking.
public struct NotificationMail: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var category: NotificationCategory
        public var text: String
        /// Quoted below the text (a message's body), if any.
        public var detail: String?
        /// The label of the one action, e.g. "Anfrage ansehen".
        public var action: String
        /// Absolute address of the action.
        public var url: String

        public init(category: NotificationCategory, text: String, detail: String? = nil, action: String, url: String) {
            self.category = category
            self.text = text
            self.detail = detail
            self.action = action
            self.url = url
        }
    }

    public var recipientName: String
    public var subject: String
    /// A digest's first sentence ("Das ist neu auf Aufwind seit …"); nil for a single notification.
    public var introduction: String?
    public var entries: [Entry]
    /// Why the mail comes, one sentence beginning "Sie erhalten diese E-Mail, weil …".
    public var reason: String
    /// The notification settings.
    public var settingsURL: String
    /// The one-click unsubscribe page (also in the `List-Unsubscribe` header).
    public var unsubscribeURL: String
    /// What the unsubscribe link switches off, e.g. "E-Mails zu „Nachrichten“ abbestellen".
    public var unsubscribeLabel: String

    public init(
        recipientName: String, subject: String, introduction: String? = nil, entries: [Entry], reason: String, settingsURL: String,
        unsubscribeURL: String, unsubscribeLabel: String
    ) {
        self.recipientName = recipientName
        self.subject = subject
        self.introduction = introduction
        self.entries = entries
        self.reason = reason
        self.settingsURL = settingsURL
        self.unsubscribeURL = unsubscribeURL
        self.unsubscribeLabel = unsubscribeLabel
    }

    /// The entries by category, in the order of `NotificationCategory.allCases`.
    public var groups: [(category: NotificationCategory, entries: [Entry])] {
        NotificationCategory.allCases.compactMap { category in
            let inCategory = entries.filter { $0.category == category }
            return inCategory.isEmpty ? nil : (category, inCategory)
        }
    }

    // MARK: Plain text

    public var plainText: String {
        var lines = [MailWording.greeting(recipientName), ""]
        if let introduction {
            lines += [introduction, ""]
            for group in groups {
                lines += [group.category.title, String(repeating: "=", count: group.category.title.count)]
                for entry in group.entries { lines += plain(entry, bullet: true) }
                lines.append("")
            }
        } else {
            for entry in entries { lines += plain(entry, bullet: false) + [""] }
        }
        lines += MailWording.signOff + [""]
        lines += [
            "-- ", reason,
            "Einstellungen ändern: \(settingsURL)",
            "\(unsubscribeLabel): \(unsubscribeURL)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func plain(_ entry: Entry, bullet: Bool) -> [String] {
        var lines = [bullet ? "* \(entry.text)" : entry.text]
        if let detail = entry.detail, !detail.isEmpty {
            if !bullet { lines.append("") }
            lines += detail.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }
            if !bullet { lines.append("") }
        }
        lines.append(bullet ? "  \(entry.action): \(entry.url)" : "\(entry.action): \(entry.url)")
        return lines
    }

    // MARK: HTML

    private static let bodyStyle =
        "margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5"
    private static let buttonStyle =
        "display:inline-block;background:#0b5394;color:#ffffff;text-decoration:none;padding:8px 14px;border-radius:4px;font-weight:bold"
    private static let quoteStyle = "margin:8px 0;padding:4px 12px;border-left:4px solid #c8c8c8;color:#444444;white-space:pre-wrap"
    private static let footerStyle = "margin-top:24px;padding-top:12px;border-top:1px solid #dddddd;color:#555555;font-size:13px"

    public var html: String {
        var parts = [
            "<!DOCTYPE html>",
            "<html lang=\"de\"><head><meta charset=\"utf-8\"><title>\(Self.escape(subject))</title></head>",
            "<body style=\"\(Self.bodyStyle)\"><div style=\"max-width:600px\">",
            "<p>\(Self.escape(MailWording.greeting(recipientName)))</p>",
        ]
        if let introduction {
            parts.append("<p>\(Self.escape(introduction))</p>")
            for group in groups {
                parts.append("<h2 style=\"font-size:18px;margin:20px 0 8px\">\(Self.escape(group.category.title))</h2>")
                parts.append("<ul style=\"padding-left:20px;margin:0\">")
                for entry in group.entries {
                    parts.append("<li style=\"margin-bottom:10px\">\(Self.escape(entry.text))")
                    if let detail = entry.detail, !detail.isEmpty {
                        parts.append("<blockquote style=\"\(Self.quoteStyle)\">\(Self.escape(detail))</blockquote>")
                    }
                    parts.append("<br><a href=\"\(Self.escape(entry.url))\" style=\"color:#0b5394\">\(Self.escape(entry.action))</a></li>")
                }
                parts.append("</ul>")
            }
        } else {
            for entry in entries {
                parts.append("<p>\(Self.escape(entry.text))</p>")
                if let detail = entry.detail, !detail.isEmpty {
                    parts.append("<blockquote style=\"\(Self.quoteStyle)\">\(Self.escape(detail))</blockquote>")
                }
                parts.append("<p><a href=\"\(Self.escape(entry.url))\" style=\"\(Self.buttonStyle)\">\(Self.escape(entry.action))</a></p>")
            }
        }
        parts.append("<p>\(MailWording.signOff.map(Self.escape).joined(separator: "<br>"))</p>")
        parts += [
            "<div style=\"\(Self.footerStyle)\">",
            "<p style=\"margin:0 0 6px\">\(Self.escape(reason))</p>",
            "<p style=\"margin:0 0 6px\"><a href=\"\(Self.escape(settingsURL))\" style=\"color:#555555\">Einstellungen ändern</a>"
                + " · <a href=\"\(Self.escape(unsubscribeURL))\" style=\"color:#555555\">\(Self.escape(unsubscribeLabel))</a></p>",
            "</div></div></body></html>",
        ]
        return parts.joined(separator: "\n") + "\n"
    }

    /// Text and attribute values: `&`, `<`, `>`, `"` and `'` as entities. Most texts contain none
    /// of them and come back as they are (a digest escapes every entry's text, address and label); the others are
    /// escaped scalar by scalar, so a combining mark after `<` cannot hide it.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
