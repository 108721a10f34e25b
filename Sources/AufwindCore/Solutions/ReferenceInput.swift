/// What a town (or the proposing Anbieter) says about its use of a solution, validated.
public struct ReferenceInput: Sendable, Equatable {
    public var status: ReferenceStatus
    /// "2024" or "2024-03", or "" when not said.
    public var since: String

    public init(status: ReferenceStatus, since: String) {
        self.status = status
        self.since = since
    }

    public static func validate(status: String?, since: String?) -> Result<ReferenceInput, ValidationMessages> {
        var check = InputChecker()
        let status = check.choice(status, ReferenceStatus.self, "Stand der Nutzung")
        let since = (since ?? "").trimmingSpaces
        if !since.isEmpty, !isYearOrMonth(since) {
            check.fail("„Seit“ bitte als Jahr (2024) oder Monat (2024-03) angeben.")
        }
        return check.result(ReferenceInput(status: status ?? .imEinsatz, since: since))
    }

    /// "2024" or "2024-03", with a year from 1990 to 2100 and a month from 01 to 12.
    static func isYearOrMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1990...2100).contains(year),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return false }
        if parts.count == 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
        }
        return true
    }

    /// "seit 2024", "seit 03/2024", or "" when not said.
    public static func sinceLabel(_ since: String) -> String {
        let parts = since.split(separator: "-")
        switch parts.count {
        case 1: return "seit \(parts[0])"
        case 2: return "seit \(parts[1])/\(parts[0])"
        default: return ""
        }
    }
}
