/// The organisers' decision on a pitch application, as the review form sends it: accept into a
/// pitch block, put on the waitlist (a note is optional), or decline — with a reason, because the
/// Anbieter learns from it.
public struct PitchApplicationDecision: Sendable, Equatable {
    public enum Choice: String, Sendable, CaseIterable {
        case annehmen
        case warteliste
        case ablehnen

        public var label: String {
            switch self {
            case .annehmen: "Annehmen"
            case .warteliste: "Auf die Warteliste"
            case .ablehnen: "Ablehnen"
            }
        }

        public var status: PitchApplicationStatus {
            switch self {
            case .annehmen: .angenommen
            case .warteliste: .warteliste
            case .ablehnen: .abgelehnt
            }
        }
    }

    public static let reasonLength = 3...500

    public var choice: Choice
    /// The pitch block an accepted application joins (the server checks it is the event's).
    public var blockID: String
    /// Why declined (required) or waitlisted (optional).
    public var reason: String

    /// Checks the form against what the application's `status` allows.
    public static func validate(
        choice: String?, blockID: String?, reason: String?, from status: PitchApplicationStatus
    ) -> Result<PitchApplicationDecision, ValidationMessages> {
        var check = InputChecker()
        guard let choice = choice.flatMap(Choice.init(rawValue:)) else {
            check.fail("Bitte wählen Sie: annehmen, auf die Warteliste oder ablehnen.")
            return check.result(PitchApplicationDecision(choice: .warteliste, blockID: "", reason: ""))
        }
        guard status.decisions.contains(choice) else {
            check.fail(
                status == .zurueckgezogen
                    ? "Die Bewerbung ist zurückgezogen." : "Über diese Bewerbung ist schon entschieden (\(status.label)).")
            return check.result(PitchApplicationDecision(choice: choice, blockID: "", reason: ""))
        }
        let block = (blockID ?? "").trimmingSpaces
        if choice == .annehmen, block.isEmpty { check.fail("Bitte wählen Sie den Pitch-Block, in dem der Pitch stattfindet.") }
        let text = check.text(reason, "Begründung", required: choice == .ablehnen, length: reasonLength, multiline: true)
        return check.result(PitchApplicationDecision(choice: choice, blockID: block, reason: choice == .annehmen ? "" : text))
    }
}
