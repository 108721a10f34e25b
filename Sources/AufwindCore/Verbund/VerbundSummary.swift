/// A Verbund in one line of a list ("Meine Verbünde", the home base): its chosen programme with the
/// verdict of the eligibility check and the next open date. The full workspace computes more
/// (`VerbundOverview`: every programme that fits, towns that would complete it); a list of Verbünde
/// needs only this, so it stays fast for many.
public struct VerbundSummary: Sendable {
    public var programme: FundingProgramme?
    /// The verdict for the chosen programme; nil without one.
    public var verdict: EligibilityVerdict?
    /// The first open date due `today` or later.
    public var nextDate: VerbundDate?
    /// Members that said yes.
    public var acceptedCount: Int

    public init(
        memberships: [VerbundMembership], leadKey: String, programmeID: String?, handlungsfelder: Set<Handlungsfeld>, dates: [VerbundDate],
        today: String, register: RegisterCatalog, funding: FundingCatalog
    ) {
        let resolver = VerbundResolver(catalog: register)
        programme = programmeID.flatMap { funding.programme($0) }
        if let programme {
            let facts = VerbundFacts(memberships: memberships, leadKey: leadKey, handlungsfelder: handlungsfelder, resolver: resolver)
            verdict = EligibilityChecker(landNames: resolver.landNames, today: today).check(facts, against: funding.rules(of: programme.id)).verdict
        }
        nextDate = dates.filter { !$0.done && $0.due >= today }.min { $0.due < $1.due }
        acceptedCount = memberships.filter { $0.status == .accepted }.count
    }
}
