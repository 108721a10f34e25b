import Foundation

/// What an Anbieter sends to apply for a pitch (a small call for participation): one of its
/// solutions, the published Bedarfe it answers (chosen, or pasted as links, at most
/// `maximumNeeds`), and an abstract that can be said within the pitch's seconds.
public struct PitchApplicationInput: Sendable, Equatable {
    public static let abstractLength = 40...2_000
    public static let maximumNeeds = 5

    /// The id of the chosen solution (one of the organisation's own; the server checks that).
    public var solutionID: String
    /// The ids of the Bedarfe, lowercased, in the order given, without repeats.
    public var needIDs: [String]
    public var abstract: String

    public init(solutionID: String, needIDs: [String], abstract: String) {
        self.solutionID = solutionID
        self.needIDs = needIDs
        self.abstract = abstract
    }

    /// - Parameters:
    ///   - chosenNeeds: ids of the Bedarfe ticked in the form.
    ///   - pastedNeeds: further Bedarfe as links or ids, one per line (or separated by spaces or commas).
    ///   - seconds: the length of a pitch; the abstract must be sayable in it.
    public static func validate(
        solutionID: String?, chosenNeeds: [String], pastedNeeds: String?, abstract: String?, seconds: Int
    ) -> Result<PitchApplicationInput, ValidationMessages> {
        var check = InputChecker()
        let solution = (solutionID ?? "").trimmingSpaces
        if solution.isEmpty { check.fail("Bitte wählen Sie die Lösung, die Sie vorstellen möchten.") }
        var needs: [String] = []
        for raw in chosenNeeds { appendID(raw, to: &needs) }
        let pasted = (pastedNeeds ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).map(String.init)
        for raw in pasted where !appendID(raw, to: &needs) {
            check.fail("„\(String(raw.prefix(80)))“ ist kein Link und keine Nummer eines Bedarfs (z. B. https://…/eintraege/…).")
        }
        if needs.count > maximumNeeds {
            check.fail("Bitte nennen Sie höchstens \(maximumNeeds) Bedarfe, auf die Ihre Lösung antwortet (\(needs.count) angegeben).")
        }
        let text = check.text(abstract, "Abstract", length: abstractLength, multiline: true)
        let spoken = SpokenLength(text)
        if !text.isEmpty, spoken.seconds > seconds {
            check.fail(
                "Ihr Abstract dauert gesprochen etwa \(spoken.seconds) Sekunden (\(spoken.words) Wörter); für \(seconds) Sekunden sind es höchstens \(SpokenLength.words(in: seconds)) Wörter."
            )
        }
        return check.result(PitchApplicationInput(solutionID: solution, needIDs: needs, abstract: text))
    }

    /// Adds the id in `raw` (an id, or a link whose last path part is one); false if there is none.
    @discardableResult
    private static func appendID(_ raw: String, to ids: inout [String]) -> Bool {
        let trimmed = raw.trimmingSpaces
        guard let last = trimmed.split(separator: "#").first?.split(separator: "?").first?.split(separator: "/").last,
            UUID(uuidString: String(last)) != nil
        else { return false }
        let id = String(last).lowercased()
        if !ids.contains(id) { ids.append(id) }
        return true
    }
}
