import Foundation

/// How the connection to the mail server is protected.
public enum SMTPSecurity: String, Sendable, Equatable, CaseIterable {
    /// `smtps://` (port 465): TLS from the first byte.
    case implicitTLS
    /// `smtp://` (port 587): STARTTLS is required; without it nothing is sent.
    case startTLS
    /// `smtp+insecure://` (port 25): plain text, explicitly for a relay on the same host or network.
    case none

    public var scheme: String {
        switch self {
        case .implicitTLS: "smtps"
        case .startTLS: "smtp"
        case .none: "smtp+insecure"
        }
    }

    public var defaultPort: Int {
        switch self {
        case .implicitTLS: 465
        case .startTLS: 587
        case .none: 25
        }
    }

    /// German, for the log and the outbox page.
    public var germanDescription: String {
        switch self {
        case .implicitTLS: "TLS (smtps)"
        case .startTLS: "STARTTLS (Pflicht)"
        case .none: "unverschlüsselt (smtp+insecure)"
        }
    }
}

/// How long the SMTP client waits. Every wait is bounded, so a server that accepts the connection
/// and then stays silent costs one failed attempt, never the whole outbox.
public struct SMTPTimeouts: Sendable, Equatable {
    /// Establishing the TCP connection (name resolution included).
    public var connect: Duration
    /// Each reply (greeting, EHLO, STARTTLS with its handshake, AUTH, MAIL, RCPT, DATA).
    public var reply: Duration
    /// The reply after the message text (the server may scan it first).
    public var afterData: Duration
    /// The whole dialogue of one mail, connect included.
    public var total: Duration

    public init(connect: Duration, reply: Duration, afterData: Duration, total: Duration) {
        self.connect = connect
        self.reply = reply
        self.afterData = afterData
        self.total = total
    }

    /// Shorter than RFC 5321's minimums (minutes), which suit relays between mail servers rather
    /// than an application handing mails to its own submission server.
    public static let standard = SMTPTimeouts(connect: .seconds(15), reply: .seconds(30), afterData: .seconds(120), total: .seconds(180))
}

/// Where mails go: `smtps://user:password@host:465?from=aufwind@example.org` (TLS from the first
/// byte), `smtp://…:587` (STARTTLS, required) or `smtp+insecure://host:25` (plain text, only for a
/// relay on the same host or network).
public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    public var username: String?
    public var password: String?
    public var from: String
    /// PEM file with the certificates to trust instead of the system's (`AUFWIND_SMTP_CA_FILE`),
    /// e.g. an internal CA.
    public var trustRootsFile: String?
    public var timeouts: SMTPTimeouts

    public init(
        host: String, port: Int, security: SMTPSecurity, username: String?, password: String?, from: String,
        trustRootsFile: String? = nil, timeouts: SMTPTimeouts = .standard
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.trustRootsFile = trustRootsFile
        self.timeouts = timeouts
    }

    static let form = "smtps://benutzer:passwort@host:465?from=absender@example.org"

    /// Parses `AUFWIND_SMTP_URL`; a German message says what is wrong.
    public static func parse(_ url: String) -> Result<SMTPConfiguration, ValidationMessage> {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            return .failure("AUFWIND_SMTP_URL ist keine gültige Adresse; erwartet wird z. B. \(form).")
        }
        guard let security = SMTPSecurity.allCases.first(where: { $0.scheme == scheme }) else {
            return .failure(
                ValidationMessage(
                    "AUFWIND_SMTP_URL: unbekanntes Schema „\(scheme)://“. Erlaubt sind smtps:// (TLS ab dem ersten Byte), "
                        + "smtp:// (STARTTLS, Pflicht) und smtp+insecure:// (unverschlüsselt, nur für ein Relay im eigenen Netz)."))
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else {
            return .failure("AUFWIND_SMTP_URL nennt keinen Mailserver; erwartet wird z. B. \(form).")
        }
        guard host.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 }) else {
            return .failure(
                "Der Mailserver „\(host)“ in AUFWIND_SMTP_URL enthält Umlaute oder Leerzeichen; bitte in ASCII-Schreibweise (xn--…) angeben.")
        }
        let port = components.port ?? security.defaultPort
        guard (1...65535).contains(port) else {
            return .failure("Der Port \(port) in AUFWIND_SMTP_URL liegt nicht zwischen 1 und 65535.")
        }
        let username = components.user?.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 }
        let password = components.password?.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 }
        guard (username == nil) == (password == nil) else {
            return .failure("AUFWIND_SMTP_URL nennt nur Benutzer oder nur Passwort; für die Anmeldung am Mailserver braucht es beides.")
        }
        let from = components.queryItems?.first { $0.name == "from" }?.value ?? "aufwind@\(host)"
        guard case .success(let sender) = AccountValidation.email(from) else {
            return .failure("Die Absenderadresse (from=…) in AUFWIND_SMTP_URL ist keine gültige E-Mail-Adresse.")
        }
        return .success(SMTPConfiguration(host: host, port: port, security: security, username: username, password: password, from: sender))
    }
}
