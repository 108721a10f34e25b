/// What the workspace of a Verbund shows, computed from facts alone: the members that count for
/// funding, the chosen programme with its verdict, the programmes that fit, the towns that would
/// make it eligible (ranked by the partner matching on its Vorhaben), and its dates with the next
/// one due.
public struct VerbundOverview: Sendable {
    /// The members that said yes, as the eligibility check sees them, with the Vorhaben's
    /// Handlungsfelder (without a Vorhaben: those of the chosen programme, which it was founded for).
    public var facts: VerbundFacts
    public var programme: FundingProgramme?
    /// The verdict for the chosen programme.
    public var result: EligibilityResult?
    /// The open programmes that share a Handlungsfeld with the Verbund, with their verdicts, best first.
    public var fits: [FundingAdvisor.ProgrammeFit]
    /// Set when the chosen programme fosters none of the Verbund's Handlungsfelder: what it fosters
    /// and what the Verbund works in, in German.
    public var themeMismatch: String?
    /// Towns that would make the Verbund eligible for the chosen programme; only while it is not.
    public var suggestions: [FundingAdvisor.Suggestion]
    /// By due day (dates due the same day in the order given).
    public var dates: [VerbundDate]
    /// The first open date due `today` or later.
    public var nextDate: VerbundDate?

    public static let suggestionLimit = 5
    /// How many towns the partner matching ranks for the suggestions.
    static let matchedTowns = 300

    public init(
        memberships: [VerbundMembership], leadKey: String, programmeID: String?, vorhaben: CooperationItem?, dates: [VerbundDate],
        today: String, register: RegisterCatalog, funding: FundingCatalog, matching: MatchEngine
    ) {
        let resolver = VerbundResolver(catalog: register)
        let programme = programmeID.flatMap { funding.programme($0) }
        let fields = vorhaben.map { Set($0.handlungsfelder) } ?? Set(programme?.handlungsfelder ?? [])
        let facts = VerbundFacts(memberships: memberships, leadKey: leadKey, handlungsfelder: fields, resolver: resolver)
        let checker = EligibilityChecker(landNames: resolver.landNames, today: today)
        let advisor = FundingAdvisor(checker: checker, programmes: funding.programmes, rules: funding.rules)
        let result = programme.map { checker.check(facts, against: funding.rules(of: $0.id)) }
        var suggestions: [FundingAdvisor.Suggestion] = []
        if let programme, result?.verdict == .nichtFoerderfaehig {
            let fit = vorhaben.map { Self.partnerFit(for: $0, matching: matching) } ?? [:]
            suggestions = advisor.completions(
                for: facts, programmeID: programme.id, candidates: resolver.allGemeinden, limit: Self.suggestionLimit, fit: { fit[$0] })
        }
        let dates = dates.enumerated().sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }.map(\.element)
        self.facts = facts
        self.programme = programme
        self.result = result
        self.fits = advisor.programmes(for: facts)
        themeMismatch = programme.flatMap { Self.mismatch($0, fields: fields) }
        self.suggestions = suggestions
        self.dates = dates
        nextDate = dates.first { !$0.done && $0.due >= today }
    }

    static func mismatch(_ programme: FundingProgramme, fields: Set<Handlungsfeld>) -> String? {
        guard !fields.isEmpty, !programme.handlungsfelder.isEmpty, !programme.handlungsfelder.contains(where: fields.contains) else { return nil }
        let fostered = programme.handlungsfelder.map(\.label).joined(separator: ", ")
        let worked = Handlungsfeld.allCases.filter(fields.contains).map(\.label).joined(separator: ", ")
        return "\(programme.displayName) fördert \(fostered); der Verbund arbeitet in \(worked). Das Programm passt thematisch nicht zum Vorhaben."
    }

    /// How well each town fits the Vorhaben, and why (the matching's reason for what the town
    /// adds, else the title of its best item).
    static func partnerFit(for vorhaben: CooperationItem, matching: MatchEngine) -> [String: (score: Double, reason: String)] {
        var fit: [String: (score: Double, reason: String)] = [:]
        for match in matching.townMatches(for: vorhaben, limit: matchedTowns) {
            let reason = match.best.explanation.parts.first { $0.component == .ergaenzung }?.reason ?? match.best.item.title
            fit[match.town] = (match.score, reason)
        }
        return fit
    }
}
