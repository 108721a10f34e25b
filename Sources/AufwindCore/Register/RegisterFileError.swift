/// A reference-data file that cannot be read as it stands. Names the file, the line, the
/// field and the value, so that an operator can find and fix the record.
public struct RegisterFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?
    public var value: String?
    public var reason: String

    public init(file: String, line: Int? = nil, field: String? = nil, value: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String {
        var parts = [file]
        if let line { parts.append("Zeile \(line)") }
        if let field { parts.append("Feld „\(field)“") }
        var text = parts.joined(separator: ", ") + ": "
        if let value { text += "Wert „\(value)“ – " }
        return text + reason
    }
}
