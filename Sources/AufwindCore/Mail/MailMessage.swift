import Foundation

/// A mail as RFC 5322 text: UTF-8 subject as an encoded word, CRLF line ends, each body part in
/// Base64 (lines of 76 characters). With an HTML part the mail is `multipart/alternative` (RFC 2046:
/// the plain text first, the preferred HTML last). With an unsubscribe address it carries
/// `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 2369, RFC 8058).
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    /// The HTML alternative of `body`, if any.
    public var htmlBody: String?
    /// An `https://` (or `http://`) address that unsubscribes with one POST.
    public var listUnsubscribe: String?
    public var messageID: String
    public var date: Date

    public init(
        from: String, to: String, subject: String, body: String, htmlBody: String? = nil, listUnsubscribe: String? = nil, messageID: String,
        date: Date
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.htmlBody = htmlBody
        self.listUnsubscribe = listUnsubscribe
        self.messageID = messageID
        self.date = date
    }

    public func rendered() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var lines = [
            "From: Aufwind <\(Self.clean(from))>",
            "To: <\(Self.clean(to))>",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(Self.clean(messageID))>",
        ]
        if let listUnsubscribe {
            lines += ["List-Unsubscribe: <\(Self.clean(listUnsubscribe))>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
        }
        lines.append("MIME-Version: 1.0")
        if let htmlBody {
            // "=_" never occurs in Base64, so the boundary cannot occur in a part.
            let boundary =
                "=_aufwind_"
                + String(String.UnicodeScalarView(messageID.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }))
            lines += [
                "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
                "",
                "This is a multi-part message in MIME format.",
                "--\(boundary)",
            ]
            lines += Self.part("text/plain", body)
            lines.append("--\(boundary)")
            lines += Self.part("text/html", htmlBody)
            lines.append("--\(boundary)--")
            lines.append("")
        } else {
            lines += Self.part("text/plain", body)
        }
        return lines.joined(separator: "\r\n")
    }

    /// A part's header and its Base64 body (CRLF line ends in the text first, as RFC 2045 asks
    /// for text types).
    private static func part(_ type: String, _ text: String) -> [String] {
        let canonical = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(canonical.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", "", encoded]
    }

    /// The subject as RFC 2047 encoded words, each at most 75 characters and cut between
    /// characters (never inside one), folded onto continuation lines.
    static func encodedWords(_ text: String) -> String {
        // 45 bytes of UTF-8 give 60 characters of Base64; with "=?UTF-8?B?" and "?=" 72 < 75.
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Addresses and ids never carry line breaks or angle brackets into a header.
    public static func clean(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.filter { !["\r", "\n", "<", ">"].contains($0) })
        return String(scalars)
    }
}
