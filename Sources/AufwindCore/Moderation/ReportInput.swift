/// A report of content: a category and what is wrong with it, in the reporter's words.
public struct ReportInput: Sendable, Equatable {
    public static let textLength = 10...2_000

    public var category: ReportCategory
    public var text: String

    public init(category: ReportCategory, text: String) {
        self.category = category
        self.text = text
    }

    public static func validate(category: String?, text: String?) -> Result<ReportInput, ValidationMessages> {
        var check = InputChecker()
        let category = check.choice(category, ReportCategory.self, "Grund der Meldung")
        let text = check.text(text, "Was ist daran falsch?", length: textLength, multiline: true)
        return check.result(ReportInput(category: category ?? .sonstiges, text: text))
    }
}
