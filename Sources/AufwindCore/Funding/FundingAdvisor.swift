/// "Passende Programme" and "Verbund vervollständigen": which programmes fit a Verbund, and
/// which towns would make it eligible for one.
public struct FundingAdvisor: Sendable {
    public var checker: EligibilityChecker
    public var programmes: [FundingProgramme]
    public var rules: [String: ProgrammeRules]

    public init(checker: EligibilityChecker, programmes: [FundingProgramme], rules: [String: ProgrammeRules]) {
        self.checker = checker
        self.programmes = programmes
        self.rules = rules
    }

    public struct ProgrammeFit: Sendable, Equatable {
        public var programme: FundingProgramme
        public var result: EligibilityResult
        /// Handlungsfelder the programme and the Verbund share.
        public var sharedFields: [Handlungsfeld]
        /// The next dated deadline (ISO day), nil when applications are rolling or no date is known.
        public var nextDeadline: String?
    }

    /// "Passende Programme": the programmes that are open on the checker's day and share a
    /// Handlungsfeld with the Verbund, each with its verdict. Ranked by fit — a programme whose
    /// Land rule the members meet before one of another Land, then more shared Handlungsfelder,
    /// then the better verdict (eligible, to be checked by hand, not eligible) — then by the next
    /// deadline (a dated one before rolling ones). A programme that fits no Handlungsfeld of the
    /// Verbund is never advice, whatever its rules say; a Verbund without Handlungsfelder gets none.
    public func programmes(for verbund: VerbundFacts) -> [ProgrammeFit] {
        let fits = programmes.compactMap { programme -> ProgrammeFit? in
            let shared = programme.handlungsfelder.filter(verbund.handlungsfelder.contains)
            let availability = programme.availability(today: checker.today, rules: rules[programme.id])
            guard !shared.isEmpty, availability.isOpen else { return nil }
            return ProgrammeFit(
                programme: programme,
                result: checker.check(verbund, against: rules[programme.id] ?? ProgrammeRules(programmeID: programme.id, rules: [])),
                sharedFields: shared, nextDeadline: availability.nextDeadline)
        }
        func rank(_ verdict: EligibilityVerdict) -> Int {
            switch verdict {
            case .foerderfaehig: 0
            case .manuellPruefen: 1
            case .nichtFoerderfaehig: 2
            }
        }
        func otherLand(_ fit: ProgrammeFit) -> Int {
            fit.result.results.contains {
                if case .land = $0.rule.kind { return $0.outcome == .nichtErfuellt }
                return false
            } ? 1 : 0
        }
        // "9999-99-99" puts rolling programmes after every dated deadline.
        return fits.sorted {
            (otherLand($0), -$0.sharedFields.count, rank($0.result.verdict), $0.nextDeadline ?? "9999-99-99", $0.programme.id)
                < (otherLand($1), -$1.sharedFields.count, rank($1.result.verdict), $1.nextDeadline ?? "9999-99-99", $1.programme.id)
        }
    }

    public struct Suggestion: Sendable, Equatable {
        public var member: VerbundMember
        /// The verdict with this town added.
        public var result: EligibilityResult
        /// How well the town fits the Verbund's Vorhaben (0…1, from the partner matching), if known.
        public var fit: Double
        /// Why, in German: what the town closes, and the matching's reason.
        public var reason: String
    }

    /// Towns that, added to the Verbund, make it eligible (or leave only manual checks) for
    /// `programmeID`, best fitting first. `fit` gives each candidate's partner-matching score
    /// and reason (missing: 0). Candidates already in the Verbund are skipped.
    public func completions(
        for verbund: VerbundFacts, programmeID: String, candidates: [VerbundMember], limit: Int = 10,
        fit: (String) -> (score: Double, reason: String)? = { _ in nil }
    ) -> [Suggestion] {
        guard let programmeRules = rules[programmeID] else { return [] }
        let before = checker.check(verbund, against: programmeRules)
        let present = Set(verbund.members.map(\.key))
        var extended = verbund
        extended.members.append(
            verbund.members.first ?? candidates.first ?? VerbundMember(key: "", name: "", type: .gemeinde, landCode: "", population: 0, kreisKey: ""))
        let last = extended.members.count - 1
        var suggestions: [Suggestion] = []
        for candidate in candidates where !present.contains(candidate.key) {
            extended.members[last] = candidate
            let result = checker.check(extended, against: programmeRules)
            guard result.verdict != .nichtFoerderfaehig else { continue }
            let match = fit(candidate.key)
            let closed = before.missing.filter { !result.missing.contains($0) }
            let closes = closed.first.map { "schließt die Lücke: \($0)" } ?? "hält den Verbund förderfähig"
            suggestions.append(
                Suggestion(
                    member: candidate, result: result, fit: match?.score ?? 0,
                    reason: [closes, match?.reason].compactMap { $0 }.joined(separator: "; ")))
        }
        return suggestions.sorted { ($0.fit, $1.member.key) > ($1.fit, $0.member.key) }.prefix(limit).map { $0 }
    }
}
