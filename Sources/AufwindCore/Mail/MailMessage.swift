import Foundation

/// A mail as RFC 5322 text: UTF-8 subject as an encoded word, body in Base64, CRLF line ends.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    public var messageID: String
    public var date: Date

    public init(from: String, to: String, subject: String, body: String, messageID: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    public func rendered() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let bodyLines = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: Aufwind <\(Self.clean(from))>",
            "To: <\(Self.clean(to))>",
            "Subject: \(encodedSubject)",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(Self.clean(messageID))>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            bodyLines,
        ].joined(separator: "\r\n")
    }

    /// Addresses and ids never carry line breaks or angle brackets into a header.
    public static func clean(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.filter { !["\r", "\n", "<", ">"].contains($0) })
        return String(scalars)
    }
}
