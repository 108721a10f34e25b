/// CSV for German Excel: UTF-8 with BOM, `;` as separator, CRLF; cells that start like a
/// formula get a leading apostrophe (CSV injection), cells with separators or quotes are quoted.
public enum GermanCSV {
    public static func field(_ text: String) -> String {
        let safe = ["=", "+", "-", "@", "\t", "\r"].contains(where: text.hasPrefix) ? "'" + text : text
        return safe.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }

    /// A whole document; `rows` are cells as text (numbers already in German form).
    public static func document(header: [String], rows: [[String]]) -> String {
        let lines = [header.map(field).joined(separator: ";")] + rows.map { $0.map(field).joined(separator: ";") }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
