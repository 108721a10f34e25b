/// What an Anbieter writes when it answers a published Bedarf with one of its solutions, and what
/// a town writes when an answer does not fit: checked here, stored by the server.
public struct NeedAnswerInput: Sendable, Equatable {
    public static let textLength = 20...1_500
    public static let reasonLength = 3...500

    /// The id of the chosen solution (one of the organisation's own; the server checks that).
    public var solutionID: String
    /// How the solution meets the need, in the Anbieter's words.
    public var text: String

    public init(solutionID: String, text: String) {
        self.solutionID = solutionID
        self.text = text
    }

    /// Solutions answer Bedarfe; Vorhaben, Angebote and staff exchanges are for towns among themselves.
    public static func accepts(_ kind: ItemKind) -> Bool { kind == .bedarf }

    /// No solution, no answer: a text alone is an advertisement, not an answer.
    public static func validate(solutionID: String?, text: String?) -> Result<NeedAnswerInput, ValidationMessages> {
        var check = InputChecker()
        let solution = (solutionID ?? "").trimmingSpaces
        if solution.isEmpty {
            check.fail("Bitte wählen Sie die Lösung, mit der Sie antworten – ohne Lösung keine Antwort.")
        }
        let text = check.text(text, "Ihre Antwort", length: textLength, multiline: true)
        return check.result(NeedAnswerInput(solutionID: solution, text: text))
    }

    /// The town's reason for "passt nicht": required, because the Anbieter learns from it.
    public static func validateReason(_ reason: String?) -> Result<String, ValidationMessages> {
        var check = InputChecker()
        let text = check.text(reason, "Begründung", length: reasonLength, multiline: true)
        return check.result(text)
    }
}
