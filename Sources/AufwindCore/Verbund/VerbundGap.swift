/// What a Verbund still lacks shortly before its chosen programme's next deadline: the alert
/// "es fehlt noch …" with the towns that would complete it. Nil when there is nothing to say:
/// no programme, no dated deadline within `horizonDays`, or the Verbund is already eligible.
public struct VerbundGap: Sendable, Equatable {
    public static let horizonDays = 14
    /// How many towns the alert names.
    public static let suggestionLimit = 3

    public var programmeID: String
    public var programmeName: String
    /// ISO day.
    public var deadline: String
    public var daysLeft: Int
    public var verdict: EligibilityVerdict
    /// The conditions not met, in German.
    public var missing: [String]
    /// Towns that would complete it, best first, each with its reason.
    public var towns: [(name: String, reason: String)]

    public static func == (a: VerbundGap, b: VerbundGap) -> Bool {
        (a.programmeID, a.deadline, a.verdict, a.missing) == (b.programmeID, b.deadline, b.verdict, b.missing)
            && a.towns.map(\.name) == b.towns.map(\.name)
    }

    public static func find(_ overview: VerbundOverview, rules: ProgrammeRules?, today: String) -> VerbundGap? {
        guard let programme = overview.programme, let result = overview.result, result.verdict != .foerderfaehig,
            let deadline = programme.availability(today: today, rules: rules).nextDeadline,
            let days = ISODay.distance(from: today, to: deadline), (0...horizonDays).contains(days)
        else { return nil }
        return VerbundGap(
            programmeID: programme.id, programmeName: programme.displayName, deadline: deadline, daysLeft: days, verdict: result.verdict,
            missing: result.missing, towns: overview.suggestions.prefix(suggestionLimit).map { ($0.member.name, $0.reason) })
    }

    /// The alert's sentence.
    public var summary: String {
        let when = daysLeft == 0 ? "heute" : daysLeft == 1 ? "morgen" : "in \(daysLeft) Tagen"
        let state = verdict == .manuellPruefen ? "ist noch von Hand zu prüfen" : "ist noch nicht förderfähig"
        return "Die Frist für \(programmeName) endet \(when) (\(GermanFormat.date(iso: deadline))), und der Verbund \(state)."
    }

    /// What is missing and who would complete it, in one line (the notification centre's text).
    public var shortDetails: String {
        var parts: [String] = []
        // The check words each gap as a sentence of its own ("Es fehlt noch mindestens ein …").
        parts += missing.map { $0.hasSuffix(".") ? $0 : $0 + "." }
        if !towns.isEmpty { parts.append("Vervollständigen würden ihn: " + towns.map(\.name).joined(separator: ", ") + ".") }
        return parts.joined(separator: " ")
    }

    /// What is missing and who would complete it, for the mail's quoted part.
    public var details: String {
        var lines: [String] = []
        if !missing.isEmpty {
            lines.append("Was noch fehlt:")
            lines += missing.map { "– \($0)" }
        }
        if !towns.isEmpty {
            lines.append("Diese Kommunen würden den Verbund vervollständigen:")
            // With one gap every town closes that one: naming it again for each says nothing new.
            lines += towns.map { missing.count == 1 ? "– \($0.name)" : "– \($0.name): \($0.reason)" }
        }
        if lines.isEmpty { lines.append("Einige Bedingungen des Programms lassen sich nur von Hand prüfen.") }
        return lines.joined(separator: "\n")
    }
}
