/// The name and description of a Verbund as the lead edits them, checked: every problem in
/// German at once.
public struct VerbundProfileInput: Sendable, Equatable {
    public var name: String
    /// Empty when the Verbund is not described.
    public var description: String

    public static let maximumNameLength = 120
    public static let maximumDescriptionLength = 2_000

    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }

    public static func parse(name: String?, description: String?) -> Result<VerbundProfileInput, ValidationMessages> {
        var check = InputChecker()
        let name = check.text(name, "Name des Verbunds", length: 1...maximumNameLength)
        let description = check.text(description, "Beschreibung", required: false, length: 0...maximumDescriptionLength, multiline: true)
        return check.result(VerbundProfileInput(name: name, description: description))
    }
}
