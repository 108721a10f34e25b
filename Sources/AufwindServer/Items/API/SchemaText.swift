import Foundation

/// The text rules of the API's JSON schema, written once: the OpenAPI document publishes these
/// patterns and the API checks them with the same regular expressions, so that what the schema
/// allows and what the server accepts are the same (schemathesis holds us to both).
/// Explicit character classes only: ECMA-262, Python and ICU read them alike.
enum SchemaText {
    /// Whitespace by every engine's definition, and what no input may carry (`InputGuard`):
    /// control characters (C0, DEL, C1) and the bidirectional overrides and isolates.
    static let whitespace = #"\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"#
    static let bidi = #"\u202a-\u202e\u2066-\u2069"#
    static let controls = #"\u0000-\u001f\u007f-\u009f"# + bidi
    static let edge = "[^" + whitespace + controls + "]"

    /// One line: no control characters, no whitespace at either end.
    static let singleLine = "^" + edge + "(?:[^" + controls + "]*" + edge + ")?$"
    /// Paragraphs: tabs and line breaks allowed inside.
    static let multiLine = "^" + edge + "(?:[^" + multiLineControls + "]*" + edge + ")?$"
    /// Any text the input guard lets through: tabs and line breaks allowed, may be empty or padded.
    static let free = "^[^" + multiLineControls + "]*$"
    /// One line of any text the input guard lets through.
    static let freeLine = "^[^" + controls + "]*$"
    private static let multiLineControls = #"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"# + bidi
    static func optional(_ pattern: String) -> String { "^$|" + pattern }
    /// An e-mail address as `AccountValidation.email` reads it (or empty).
    static let email =
        #"^$|^[^@\s<>",;"# + controls + #"]+@[^@\s<>",;."# + controls + #"][^@\s<>",;"# + controls + #"]*\.[^@\s<>",;"# + controls + #"]*[^@\s<>",;."#
        + controls + "]$"
    /// A web address (or empty).
    static let website = #"^$|^https?://[^\s"# + controls + "]*$"

    /// The pattern as it stands inside a JSON string.
    static func json(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: #"\"#, with: #"\\"#).replacingOccurrences(of: "\"", with: #"\""#)
    }

    private static let singleLineRegex = try! NSRegularExpression(pattern: singleLine)
    private static let multiLineRegex = try! NSRegularExpression(pattern: multiLine)

    /// A German message when `value` breaks the rule; nil when it is absent (optional) or fine.
    static func problem(_ value: String?, field: String, multiLine: Bool = false, optional: Bool) -> String? {
        guard let value else { return nil }
        if value.isEmpty { return optional ? nil : "„\(field)“ darf nicht leer sein." }
        let regex = multiLine ? multiLineRegex : singleLineRegex
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        guard regex.firstMatch(in: value, options: [], range: range) == nil else { return nil }
        return "„\(field)“ darf nicht mit Leerraum beginnen oder enden und keine Steuerzeichen enthalten"
            + (multiLine ? " (Zeilenumbrüche und Tabulatoren sind erlaubt)." : ".")
    }
}
