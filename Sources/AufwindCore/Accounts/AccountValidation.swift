/// Checks of what people type into account forms, with German messages.
public enum AccountValidation {
    public static let maximumEmailLength = 254
    public static let minimumPasswordLength = 10
    /// Bcrypt reads only the first 72 bytes of a password; longer ones are refused rather than
    /// silently cut (see docs/security.md).
    public static let maximumPasswordBytes = 72
    public static let maximumNameLength = 100

    /// Lower-cased, trimmed address, or a German message why it is not one.
    public static func email(_ raw: String) -> Result<String, ValidationMessage> {
        let email = raw.trimmingSpaces.lowercased()
        guard !email.isEmpty else { return .failure("Bitte geben Sie Ihre E-Mail-Adresse an.") }
        guard email.unicodeScalars.count <= maximumEmailLength else { return .failure("Die E-Mail-Adresse ist zu lang.") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," || $0 == ";" })
        else { return .failure("„\(raw.trimmingSpaces)“ ist keine gültige E-Mail-Adresse.") }
        return .success(email)
    }

    public static func password(_ password: String) -> ValidationMessage? {
        if password.count < minimumPasswordLength { return "Das Passwort muss mindestens \(minimumPasswordLength) Zeichen lang sein." }
        if password.utf8.count > maximumPasswordBytes {
            return "Das Passwort darf höchstens \(maximumPasswordBytes) Byte lang sein (Umlaute und Sonderzeichen zählen doppelt oder mehr)."
        }
        return nil
    }

    public static func displayName(_ raw: String) -> Result<String, ValidationMessage> {
        let name = raw.trimmingSpaces
        guard !name.isEmpty else { return .failure("Bitte geben Sie Ihren Namen an.") }
        guard name.count <= maximumNameLength else { return .failure("Der Name darf höchstens \(maximumNameLength) Zeichen lang sein.") }
        guard !name.containsControlCharacters() else { return .failure("Der Name enthält unzulässige Steuerzeichen.") }
        return .success(name)
    }
}

/// A German message for a form field.
public struct ValidationMessage: Error, Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public var text: String
    public init(stringLiteral value: String) { text = value }
    public init(stringInterpolation: DefaultStringInterpolation) { text = String(stringInterpolation: stringInterpolation) }
    public init(_ text: String) { self.text = text }
    public var description: String { text }
}

/// Several German messages for one form.
public struct ValidationMessages: Error, Sendable, Equatable {
    public var messages: [ValidationMessage]
    public init(messages: [ValidationMessage]) { self.messages = messages }
}
