import Foundation

/// Where mails go: `smtp://user:password@host:587?from=aufwind@example.org` (plain, for a relay on
/// the same host or network) or `smtps://…:465` (TLS from the first byte).
public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var useTLS: Bool
    public var username: String?
    public var password: String?
    public var from: String

    public init(host: String, port: Int, useTLS: Bool, username: String?, password: String?, from: String) {
        self.host = host
        self.port = port
        self.useTLS = useTLS
        self.username = username
        self.password = password
        self.from = from
    }

    /// Parses `AUFWIND_SMTP_URL`; a German message says what is wrong.
    public static func parse(_ url: String) -> Result<SMTPConfiguration, ValidationMessage> {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            ["smtp", "smtps"].contains(scheme), let host = components.host, !host.isEmpty
        else { return .failure("AUFWIND_SMTP_URL muss die Form smtp://benutzer:passwort@host:port?from=absender@example.org haben.") }
        let from = components.queryItems?.first { $0.name == "from" }?.value ?? "aufwind@\(host)"
        guard case .success(let sender) = AccountValidation.email(from) else {
            return .failure("Die Absenderadresse (from=…) in AUFWIND_SMTP_URL ist keine gültige E-Mail-Adresse.")
        }
        let tls = scheme == "smtps"
        return .success(SMTPConfiguration(
            host: host, port: components.port ?? (tls ? 465 : 25), useTLS: tls,
            username: components.user?.removingPercentEncoding, password: components.password?.removingPercentEncoding, from: sender))
    }
}
