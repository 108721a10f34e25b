/// CSV for German Excel: UTF-8 with BOM, `;` as separator, CRLF; cells that start like a
/// formula get a leading apostrophe (CSV injection), cells with separators or quotes are quoted.
public enum GermanCSV {
    public static func field(_ text: String) -> String {
        let safe = ["=", "+", "-", "@", "\t", "\r"].contains(where: text.hasPrefix) ? "'" + text : text
        return safe.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }

    /// A whole document; `rows` are cells as text (numbers already in German form). The cells of
    /// `codeColumns` are codes of digits (AGS, Kreisschlüssel) that a spreadsheet must keep as text:
    /// written `="01001000"` when `excel`, which Excel and LibreOffice show as 01001000 (a quoted
    /// "01001000" loses its zero in Excel), else quoted. A cell there that is not all digits is written
    /// as any other cell, so nothing but digits ever reaches the formula.
    public static func document(header: [String], rows: [[String]], codeColumns: Set<Int> = [], excel: Bool = true) -> String {
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                guard codeColumns.contains(column), !cell.isEmpty, cell.allSatisfy({ $0.isASCII && $0.isNumber }) else { return field(cell) }
                return excel ? "=\"\(cell)\"" : "\"\(cell)\""
            }.joined(separator: ";")
        }
        let lines = [header.map(field).joined(separator: ";")] + rows.map(line)
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
