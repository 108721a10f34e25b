/// What the workspace of a Verbund shows, computed from facts alone: the members that count for
/// funding, the chosen programme with its verdict, the programmes that fit, the towns that would
/// make it eligible (ranked by the partner matching on its Vorhaben), and its dates with the next
/// one due.
public struct VerbundOverview: Sendable {
    /// The members that said yes, as the eligibility check sees them, with the Vorhaben's Handlungsfelder.
    public var facts: VerbundFacts
    public var programme: FundingProgramme?
    /// The verdict for the chosen programme.
    public var result: EligibilityResult?
    /// Every programme with its verdict, best first.
    public var fits: [FundingAdvisor.ProgrammeFit]
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
        let facts = VerbundFacts(memberships: memberships, leadKey: leadKey, handlungsfelder: vorhaben?.handlungsfelder ?? [], resolver: resolver)
        let checker = EligibilityChecker(landNames: resolver.landNames, today: today)
        let advisor = FundingAdvisor(checker: checker, programmes: funding.programmes, rules: funding.rules)
        let programme = programmeID.flatMap { funding.programme($0) }
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
        self.suggestions = suggestions
        self.dates = dates
        nextDate = dates.first { !$0.done && $0.due >= today }
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
