/// Why a publiccode.yml was refused: where (line, field) and what, in German.
public struct PublicCodeProblem: Error, Sendable, Equatable {
    /// Line in the file (from 1), when known.
    public var line: Int?
    /// The field's path, e.g. "description.de.shortDescription".
    public var field: String?
    public var message: String

    public init(line: Int?, field: String?, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    /// "Zeile 4, Feld „name“: muss ein Text sein."
    public var text: String {
        var place: [String] = []
        if let line { place.append("Zeile \(line)") }
        if let field { place.append("Feld „\(field)“") }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}
