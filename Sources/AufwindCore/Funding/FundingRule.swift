import Foundation

/// Who a rule looks at.
public enum RuleScope: String, Sendable, Equatable {
    /// Every member that may apply (not providers).
    case antragsteller
    /// The lead partner only.
    case konsortialfuehrung
    /// Every member, providers included.
    case alle
}

/// Whether a programme takes joint applications.
public enum JointApplication: String, Sendable, Equatable {
    case erforderlich, erlaubt, bevorzugt, ausgeschlossen
}

/// One machine-readable eligibility or funding rule of a programme, citing its source.
public struct FundingRule: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Every applicant (or the lead) must be of one of these types.
        case applicantTypes(allowed: [MemberType], scope: RuleScope)
        /// Members in `scope` must lie in one of these Länder.
        case land(codes: [String], scope: RuleScope)
        /// The number of members in `scope` (of `type`, in `land` when given) lies in min…max.
        case partnerCount(min: Int?, max: Int?, scope: RuleScope, type: MemberType?, land: String?)
        /// Inhabitants per member of `types`, or of the whole Verbund.
        case population(perMember: Bool, min: Int?, max: Int?, types: [MemberType])
        /// At least `minKreise` Kreise or (alternatively) `orMinPopulation` inhabitants.
        case regionalSpread(minKreise: Int?, orMinPopulation: Int?)
        case joint(JointApplication)
        /// The Verbund works in at least one of these fields.
        case fields([Handlungsfeld])
        /// Applications until `until` (ISO date), or all the time (`rolling`).
        case deadline(until: String?, rolling: Bool)
        /// What a machine cannot check ("Vorbildcharakter"); `decisive` ones make the verdict manual.
        case manual(text: String, decisive: Bool)
        /// A fixed amount for `basePartners` members (of `land`) plus `perFurther` per further one,
        /// at most `maxRate` of the eligible costs.
        case fixedAmount(base: Int, basePartners: Int, perFurther: Int, land: String?, maxRate: Double?)
        /// `rate` of the eligible costs, at most `maxAmount`.
        case rate(rate: Double, maxAmount: Int?)
    }

    public var id: String
    public var kind: Kind
    /// The source the rule is taken from (a URL of the programme's facts).
    public var source: String

    public init(id: String, kind: Kind, source: String) {
        self.id = id
        self.kind = kind
        self.source = source
    }

    /// Whether a machine checks something about who may apply (kind, Land, number, size, spread,
    /// joint application, Handlungsfelder, deadline); manual hints and estimates check nothing.
    public var checksEligibility: Bool {
        switch kind {
        case .applicantTypes, .land, .partnerCount, .population, .regionalSpread, .joint, .fields, .deadline: true
        case .manual, .fixedAmount, .rate: false
        }
    }

    /// What the rule is about, in plain words for the page ("Zahl der Partner"); the rule's id
    /// and kind (`kindName`) are for the rule file and the API, never shown on a page.
    public var topic: String {
        switch kind {
        case .applicantTypes(_, let scope): scope == .konsortialfuehrung ? "Wer federführend sein darf" : "Wer einen Antrag stellen darf"
        case .land(_, let scope): scope == .konsortialfuehrung ? "Land der federführenden Kommune" : "Land der Antragsteller"
        case .partnerCount: "Zahl der Partner"
        case .population: "Einwohnergrenze"
        case .regionalSpread: "Regionale Breite"
        case .joint: "Gemeinsamer Antrag"
        case .fields: "Handlungsfelder"
        case .deadline: "Antragsfrist"
        case .manual(_, let decisive): decisive ? "Von Hand zu prüfen" : "Noch zu bestätigen"
        case .fixedAmount: "Festbetrag"
        case .rate: "Förderquote"
        }
    }

    /// The rule's kind as written in the rule file.
    public var kindName: String {
        switch kind {
        case .applicantTypes: "antragsteller"
        case .land: "land"
        case .partnerCount: "partnerzahl"
        case .population: "einwohner"
        case .regionalSpread: "streuung"
        case .joint: "gemeinsamer-antrag"
        case .fields: "handlungsfelder"
        case .deadline: "frist"
        case .manual: "manuell"
        case .fixedAmount: "festbetrag"
        case .rate: "foerderquote"
        }
    }
}

/// The rules of one programme.
public struct ProgrammeRules: Sendable, Equatable {
    public var programmeID: String
    public var rules: [FundingRule]

    public init(programmeID: String, rules: [FundingRule]) {
        self.programmeID = programmeID
        self.rules = rules
    }
}
