import Foundation

/// The statement of reasons of a moderation decision (DSA Art. 17) with the fields the EU's DSA
/// transparency database asks for: the ground (illegal, or incompatible with the terms), the law or
/// the rule of the terms, the explanation, the facts relied on; decisions on Aufwind are never
/// automated, and content is never detected automatically.
public struct StatementOfReasons: Sendable, Equatable, Codable {
    public static let textLength = 10...3_000
    public static let groundLength = 3...300

    public var outcome: ModerationOutcome
    /// nil when the content is kept.
    public var ground: DecisionGround?
    /// The law (e.g. "§ 186 StGB") or the rule of the terms (e.g. "Nutzungsbedingungen Nr. 4").
    public var groundReference: String
    /// Why the content is illegal or incompatible, or why it stays.
    public var explanation: String
    /// The facts and circumstances relied on.
    public var facts: String

    public init(outcome: ModerationOutcome, ground: DecisionGround?, groundReference: String, explanation: String, facts: String) {
        self.outcome = outcome
        self.ground = ground
        self.groundReference = groundReference
        self.explanation = explanation
        self.facts = facts
    }

    public var automated: Bool { false }

    public struct Raw: Sendable {
        public var outcome, ground, groundReference, explanation, facts: String?
        public init(outcome: String?, ground: String?, groundReference: String?, explanation: String?, facts: String?) {
            self.outcome = outcome
            self.ground = ground
            self.groundReference = groundReference
            self.explanation = explanation
            self.facts = facts
        }
    }

    /// Keeping needs an explanation only; hiding and deleting need the ground, the law or rule,
    /// the explanation and the facts — all problems named at once.
    public static func validate(_ raw: Raw) -> Result<StatementOfReasons, ValidationMessages> {
        var check = InputChecker()
        let outcome = check.choice(raw.outcome, ModerationOutcome.self, "Entscheidung")
        let restricts = outcome?.restricts ?? false
        var ground: DecisionGround?
        var reference = ""
        var facts = ""
        if restricts {
            ground = check.choice(raw.ground, DecisionGround.self, "Grundlage")
            reference = check.text(
                raw.groundReference, ground == .rechtswidrig ? "Gesetz" : "Regel der Nutzungsbedingungen", length: groundLength)
            facts = check.text(raw.facts, "Tatsachen und Umstände", length: textLength, multiline: true)
        }
        let explanation = check.text(raw.explanation, "Begründung", length: textLength, multiline: true)
        return check.result(
            StatementOfReasons(outcome: outcome ?? .behalten, ground: ground, groundReference: reference, explanation: explanation, facts: facts))
    }

    /// The statement as the DSA transparency database's API takes it (`POST /api/v1/statement`);
    /// nil for a decision that keeps the content (no statement is owed).
    public func dsaStatement(puid: String, contentDate: Date, applicationDate: Date, category: ReportCategory) -> [String: DSAValue]? {
        guard let visibility = outcome.dsaVisibility, let ground else { return nil }
        var statement: [String: DSAValue] = [
            "puid": .text(puid),
            "decision_visibility": .list([visibility]),
            "decision_ground": .text(ground.dsaValue),
            "decision_facts": .text(facts),
            "content_type": .list(["CONTENT_TYPE_TEXT"]),
            "category": .text(Self.dsaCategory(category)),
            "automated_detection": .text("No"),
            "automated_decision": .text("AUTOMATED_DECISION_NOT_AUTOMATED"),
            "source_type": .text("SOURCE_ARTICLE_16"),
            "territorial_scope": .list(["DE"]),
            "content_date": .text(Self.day(contentDate)),
            "application_date": .text(Self.day(applicationDate)),
        ]
        switch ground {
        case .rechtswidrig:
            statement["illegal_content_legal_ground"] = .text(groundReference)
            statement["illegal_content_explanation"] = .text(explanation)
        case .nutzungsbedingungen:
            statement["incompatible_content_ground"] = .text(groundReference)
            statement["incompatible_content_explanation"] = .text(explanation)
        }
        return statement
    }

    /// A value of the DSA statement: text or a list of texts.
    public enum DSAValue: Sendable, Equatable, Encodable {
        case text(String)
        case list([String])

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let value): try container.encode(value)
            case .list(let values): try container.encode(values)
            }
        }
    }

    /// The database's category from the report's: coarse (a report names no finer category).
    static func dsaCategory(_ category: ReportCategory) -> String {
        switch category {
        case .rechtswidrig: "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"
        case .irrefuehrend: "STATEMENT_CATEGORY_SCAMS_AND_FRAUD"
        case .spam, .sonstiges: "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE"
        }
    }

    /// "2026-12-01", in UTC as the database's dates are.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
