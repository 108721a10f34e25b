import Foundation

/// The text rules of the API's JSON schema, written once: the OpenAPI document publishes these
/// patterns and the API checks them with the same regular expressions, so that what the schema
/// allows and what the server accepts are the same (schemathesis holds us to both).
/// Explicit character classes only: ECMA-262, Python and ICU read them alike.
enum SchemaText {
    /// Whitespace by every engine's definition, and control characters (C0, DEL, C1).
    static let whitespace = #"\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"#
    static let controls = #"\u0000-\u001f\u007f-\u009f"#
    static let edge = "[^" + whitespace + controls + "]"

    /// One line: no control characters, no whitespace at either end.
    static let singleLine = "^" + edge + "(?:[^" + controls + "]*" + edge + ")?$"
    /// Paragraphs: tabs and line breaks allowed inside.
    static let multiLine = "^" + edge + #"(?:[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*"# + edge + ")?$"
    static func optional(_ pattern: String) -> String { "^$|" + pattern }

    /// The pattern as it stands inside a JSON string.
    static func json(_ pattern: String) -> String { pattern.replacingOccurrences(of: #"\"#, with: #"\\"#) }

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
