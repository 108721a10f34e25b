/// The first steps of a new account on Aufwind, in the order that leads to a cooperation:
/// join your town, publish what you need, look at who fits.
public struct NextSteps: Sendable, Equatable {
    public enum Step: String, Sendable, CaseIterable {
        case joinTown, publishItem, lookAtPartners

        public var title: String {
            switch self {
            case .joinTown: "Ihrer Kommune beitreten"
            case .publishItem: "Einen Bedarf oder ein Angebot veröffentlichen"
            case .lookAtPartners: "Passende Partner ansehen"
            }
        }

        public var explanation: String {
            switch self {
            case .joinTown:
                "Als Mitglied Ihrer Gemeinde oder Ihres Kreises können Sie für sie Einträge veröffentlichen, Anfragen beantworten und Verbünden beitreten."
            case .publishItem:
                "Beschreiben Sie, was Ihre Kommune braucht oder teilen kann – Vorhaben, Bedarf, Lösung oder Personal."
            case .lookAtPartners:
                "Aufwind schlägt Kommunen in Ihrer Nähe und weiter entfernt vor, die zum Thema passen, und erklärt, warum."
            }
        }
    }

    public struct Fact: Sendable, Equatable {
        public var step: Step
        public var done: Bool
    }

    public var facts: [Fact]

    /// - Parameters:
    ///   - isMember: confirmed member of at least one town.
    ///   - hasRequestedMembership: a request waits for a decision.
    ///   - hasPublishedItem: one of the person's towns has a published item.
    ///   - hasCooperation: one of the towns cooperates or is in a Verbund (then partners were found).
    public init(isMember: Bool, hasRequestedMembership: Bool, hasPublishedItem: Bool, hasCooperation: Bool) {
        facts = [
            Fact(step: .joinTown, done: isMember),
            Fact(step: .publishItem, done: hasPublishedItem),
            Fact(step: .lookAtPartners, done: hasCooperation),
        ]
        self.hasRequestedMembership = hasRequestedMembership
    }

    /// A membership request waits: the first step is under way, not missing.
    public var hasRequestedMembership: Bool

    /// The first step that is not done yet; nil when the account is under way.
    public var current: Step? { facts.first { !$0.done }?.step }

    /// Shown while any step is open.
    public var isComplete: Bool { current == nil }
}
