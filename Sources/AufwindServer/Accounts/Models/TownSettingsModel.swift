import Fluent
import Foundation

/// What a town's Verwalter chose for it; a town without a row uses `TownSettingsModel.defaults`.
final class TownSettingsModel: Model, @unchecked Sendable {
    static let schema = "town_settings"

    /// From this score (0…100) a newly published item of another town is a match worth an alert.
    static let defaultMatchThreshold = 70
    static let matchThresholds = 40...100

    @ID(custom: "town_key", generatedBy: .user) var id: String?
    @Field(key: "match_threshold") var matchThreshold: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(townKey: String, matchThreshold: Int) {
        id = townKey
        self.matchThreshold = matchThreshold
    }

    /// The thresholds of `towns` (the default for towns without settings).
    static func matchThresholds(of towns: [String], on db: any Database) async throws -> [String: Int] {
        guard !towns.isEmpty else { return [:] }
        let rows = try await TownSettingsModel.query(on: db).filter(\.$id ~~ towns).all()
        var thresholds = Dictionary(uniqueKeysWithValues: towns.map { ($0, defaultMatchThreshold) })
        for row in rows { if let key = row.id { thresholds[key] = row.matchThreshold } }
        return thresholds
    }

    /// Saves a town's threshold (insert or update, one statement each way).
    static func setMatchThreshold(_ threshold: Int, of town: String, on db: any Database) async throws {
        if let row = try await TownSettingsModel.find(town, on: db) {
            row.matchThreshold = threshold
            try await row.update(on: db)
        } else {
            do {
                try await TownSettingsModel(townKey: town, matchThreshold: threshold).create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Another Verwalter saved at the same moment: the later value wins.
                try await TownSettingsModel.query(on: db).filter(\.$id == town).set(\.$matchThreshold, to: threshold).update()
            }
        }
    }
}
