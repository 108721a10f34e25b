import Foundation

/// The order in which a town reads the answers to its Bedarf: open answers by score (fit and
/// confirmed users nearby, see `NeedAnswerAssessment`), the earlier answer first on a tie; answers
/// the town marked "passt nicht" after all others, earliest first.
public enum NeedAnswerRanking {
    public struct Candidate<ID: Sendable>: Sendable {
        public var id: ID
        public var assessment: NeedAnswerAssessment
        public var declined: Bool
        public var answeredAt: Date

        public init(id: ID, assessment: NeedAnswerAssessment, declined: Bool, answeredAt: Date) {
            self.id = id
            self.assessment = assessment
            self.declined = declined
            self.answeredAt = answeredAt
        }
    }

    public static func rank<ID>(_ candidates: [Candidate<ID>]) -> [Candidate<ID>] {
        candidates.sorted { a, b in
            if a.declined != b.declined { return !a.declined }
            if !a.declined, a.assessment.score != b.assessment.score { return a.assessment.score > b.assessment.score }
            return a.answeredAt < b.answeredAt
        }
    }
}
