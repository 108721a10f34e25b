/// The barcamp flow an organiser switches through: topics are proposed, voted on, planned and
/// the schedule published. What participants may do depends on the phase.
public enum EventPhase: String, Sendable, Codable, CaseIterable {
    case themenEinreichen = "themen-einreichen"
    case abstimmen
    case planen
    case veroeffentlicht

    public var label: String {
        switch self {
        case .themenEinreichen: "Themen einreichen"
        case .abstimmen: "Abstimmen"
        case .planen: "Planen"
        case .veroeffentlicht: "Veröffentlicht"
        }
    }

    /// Participants propose sessions while topics are collected (and still while voting runs).
    public var allowsProposals: Bool { self == .themenEinreichen || self == .abstimmen }
    /// Interest is marked only in the voting phase; afterwards the plan relies on it.
    public var allowsVoting: Bool { self == .abstimmen }
    /// The organiser plans in the planning phase and re-plans during the published event.
    public var allowsPlanning: Bool { self == .planen || self == .veroeffentlicht }

    /// Why an action is refused in this phase, in German.
    public func refusal(for action: PhaseAction) -> ValidationMessage? {
        switch action {
        case .propose where !allowsProposals:
            return "Themen können nur in den Phasen „Themen einreichen“ und „Abstimmen“ vorgeschlagen werden; jetzt ist „\(label)“."
        case .vote where !allowsVoting:
            return "Abgestimmt wird nur in der Phase „Abstimmen“; jetzt ist „\(label)“. Ihre Stimme wurde nicht gezählt."
        case .plan where !allowsPlanning:
            return "Geplant wird ab der Phase „Planen“; jetzt ist „\(label)“."
        default:
            return nil
        }
    }

    public enum PhaseAction: Sendable { case propose, vote, plan }
}
