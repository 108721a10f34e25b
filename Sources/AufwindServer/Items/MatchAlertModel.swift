import Fluent
import Foundation

/// A match alert that went out: a newly published item matched another town's item, whose town
/// was told. The pair is stored in a fixed order (the smaller id first) and is unique: at most
/// one alert per pair of items, ever, whichever of the two was published later.
final class MatchAlertModel: Model, @unchecked Sendable {
    static let schema = "match_alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "first_item_id") var firstItemID: UUID
    @Field(key: "second_item_id") var secondItemID: UUID
    /// The score (0…100) at the time.
    @Field(key: "score") var score: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(pair a: UUID, _ b: UUID, score: Int) {
        let ordered = a.uuidString.lowercased() < b.uuidString.lowercased() ? (a, b) : (b, a)
        firstItemID = ordered.0
        secondItemID = ordered.1
        self.score = score
    }
}
