import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Creating and editing items: one transaction writes the item and its history entry; a save
/// on a stale version changes nothing. The match engine follows every committed write.
struct ItemService {
    let database: any Database
    let matchStore: MatchStore
    /// For the match alerts' links and town names.
    let baseURL: String
    let directory: TownDirectory

    init(database: any Database, matchStore: MatchStore, baseURL: String, directory: TownDirectory) {
        self.database = database
        self.matchStore = matchStore
        self.baseURL = baseURL
        self.directory = directory
    }

    init(_ request: Request) {
        self.init(
            database: request.db, matchStore: request.application.matchStore, baseURL: request.application.aufwindConfig.baseURL,
            directory: TownDirectory(catalog: request.register))
    }

    /// Tells the towns whose items a just published item matches (in the publishing transaction).
    private func alertMatches(_ model: CooperationItemModel, by user: UserModel, now: Date, on db: any Database) async throws {
        guard let item = model.item else { return }
        try await MatchAlerts(database: db, baseURL: baseURL, directory: directory).published(
            item, engine: matchStore.engine, by: user.id, now: now)
    }

    enum SaveResult {
        case saved(CooperationItemModel)
        /// Someone saved in between; nothing was written.
        case stale(current: Int)
        /// The item is hidden by a moderation decision and cannot be published until an objection succeeds.
        case hiddenByModeration
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    private static func snapshot(_ input: CooperationItemInput) throws -> String {
        String(decoding: try encoder.encode(input), as: UTF8.self)
    }

    func create(ownerKey: String, input: CooperationItemInput, by user: UserModel, now: Date) async throws -> CooperationItemModel {
        let model = CooperationItemModel(ownerKey: ownerKey, input: input, createdBy: user.id, now: now)
        try await database.transaction { db in
            try await model.create(on: db)
            try await ItemRevisionModel(
                itemID: model.requireID(), version: 1, editedBy: user.id, editorName: user.displayName, changes: "angelegt",
                snapshot: Self.snapshot(input)
            ).create(on: db)
            if input.published { try await alertMatches(model, by: user, now: now, on: db) }
        }
        if let item = model.item { matchStore.update(item, published: input.published) }
        if input.published { matchStore.adjustTown(ownerKey, publishedItems: 1) }
        return model
    }

    func update(_ id: UUID, input: CooperationItemInput, expectedVersion: Int, by user: UserModel, now: Date) async throws -> SaveResult {
        let result: SaveResult = try await database.transaction { db in
            guard let current = try await CooperationItemModel.find(id, on: db) else {
                throw ProblemDetails.notFound("Diesen Eintrag gibt es nicht.")
            }
            guard current.version == expectedVersion else { return .stale(current: current.version) }
            if current.hidden == true && input.published { return .hiddenByModeration }
            let before = current.input
            let firstPublication = input.published && current.publishedAt == nil
            let sql = try db.sql()
            // The version check and the write are one statement: of two saves on the same
            // version exactly one changes the row.
            let fields = CooperationItemModel()
            fields.apply(input)
            struct Version: Decodable { var version: Int }
            var update = sql.update(CooperationItemModel.schema)
                .set("kind", to: fields.kind).set("title", to: fields.title).set("description", to: fields.description)
                .set("handlungsfelder", to: fields.handlungsfelder).set("subthemes", to: fields.subthemes).set("status", to: fields.status)
                .set("reach", to: fields.reach).set("desired_sizes", to: fields.desiredSizes).set("time_frame", to: fields.timeFrame)
                .set("contact_person", to: fields.contactPerson).set("visibility", to: fields.visibility)
                .set("staff_role", to: fields.staffRole).set("staff_hours", to: fields.staffHours).set("staff_duration", to: fields.staffDuration)
                .set("staff_form", to: fields.staffForm).set("staff_cost_split", to: fields.staffCostSplit)
                .set("published", to: fields.published).set("version", to: expectedVersion + 1).set("updated_at", to: now)
            if firstPublication { update = update.set("published_at", to: now) }
            // A moderation decision in between raises the version; publishing a hidden item is refused here as well.
            if input.published { update = update.where(SQLIdentifier("hidden"), .is, SQLLiteral.null) }
            let rows =
                try await update
                .where("id", .equal, id).where("version", .equal, expectedVersion)
                .returning("version").all(decoding: Version.self)
            guard rows.count == 1 else { return .stale(current: expectedVersion + 1) }
            let changes = input.changedFields(since: before)
            try await ItemRevisionModel(
                itemID: id, version: expectedVersion + 1, editedBy: user.id, editorName: user.displayName,
                changes: changes.isEmpty ? "ohne Änderung gespeichert" : changes.joined(separator: ", "), snapshot: Self.snapshot(input)
            ).create(on: db)
            guard let saved = try await CooperationItemModel.find(id, on: db) else { throw ProblemDetails.notFound("Diesen Eintrag gibt es nicht.") }
            // Moved from draft to published: the towns it matches hear of it.
            if input.published && !current.published { try await alertMatches(saved, by: user, now: now, on: db) }
            return .saved(saved)
        }
        if case .saved(let model) = result, let item = model.item {
            matchStore.update(item, published: model.published)
        }
        return result
    }
}
