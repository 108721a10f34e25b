import AufwindCore
import Fluent
import Foundation
import Vapor

/// What a batch of changes does to this instance's memory. Every step reads the current state
/// from the database, so applying a change twice (this instance's own write, already followed in
/// place) does no harm.
struct ChangeApplier: Sendable {
    /// More changed items than this in one batch: the match engine is built anew instead.
    static let itemsReadOneByOne = 500

    let application: @Sendable () -> Application?

    func apply(_ summary: ChangeSummary) async throws {
        guard let app = application() else { return }
        // First what cannot fail: an ended session or a changed role takes effect even when a reload
        // below throws (the batch is then read again, and forgetting twice does no harm).
        for person in summary.people {
            if let id = UUID(uuidString: person) { app.sessionCache.forget(userID: id) }
        }
        for person in summary.notified {
            if let id = UUID(uuidString: person) { app.unreadBadges.forget(userID: id) }
        }
        for event in summary.programmes {
            if let id = UUID(uuidString: event) { app.scheduleCache.invalidate(id) }
        }
        if summary.solutions {
            app.solutionSearch.invalidate()
            app.solutionUsers.invalidate()
        }
        if summary.atlas || summary.register { app.atlas.invalidate() }
        var matchingReloaded = false
        if summary.register {
            try await app.reloadRegister()
            matchingReloaded = true
        }
        if summary.fundingCatalogue { try await app.reloadFunding() }
        if !matchingReloaded, summary.items.count > Self.itemsReadOneByOne {
            try await app.reloadMatching(now: app.now)
            matchingReloaded = true
        }
        if !matchingReloaded {
            try await followItems(summary.items, app: app)
            try await followAnswers(summary.answeringTowns, app: app)
        }
    }

    private func followItems(_ ids: Set<String>, app: Application) async throws {
        let uuids = ids.compactMap(UUID.init(uuidString:))
        guard !uuids.isEmpty else { return }
        let models = try await CooperationItemModel.query(on: app.db).filter(\.$id ~~ uuids).all()
        var owners: Set<String> = []
        for model in models {
            owners.insert(model.ownerKey)
            if let item = model.item { app.matchStore.update(item, published: model.published) }
        }
        let found = Set(models.compactMap(\.id))
        for id in uuids where !found.contains(id) { app.matchStore.remove(id: id.uuidString.lowercased()) }
        guard !owners.isEmpty else { return }
        let counts = try await ItemRepository(database: app.db).publishedCounts(since: Application.recentSince(app.now), of: Array(owners))
        for owner in owners { app.matchStore.setActivity(owner, recentItems: counts[owner] ?? 0) }
    }

    private func followAnswers(_ towns: Set<String>, app: Application) async throws {
        guard !towns.isEmpty else { return }
        let counts = try await ItemRepository(database: app.db).answeredCounts(of: Array(towns))
        for town in towns { app.matchStore.setActivity(town, answeredRequests: counts[town] ?? 0) }
    }
}
