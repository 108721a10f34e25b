import AufwindCore
import Fluent
import Foundation
import SQLKit

/// What a decision does to the content, in the decision's transaction; the in-memory stores follow
/// after the commit (`afterCommit`).
///
/// - verbergen: `hidden = true` (an item is unpublished as well; it stays unpublished until an
///   objection succeeds, then it is published again if it was).
/// - löschen: the row is deleted — an item is blanked instead (title, description, contact and the
///   snapshots of its history) and stays unpublished, because cooperations and Verbünde refer to it;
///   a pitch is blanked and stays hidden (the stage's clock refers to it), its abstract removed.
/// - restore (objection upheld): `hidden = NULL`; an item hidden is published again if it was, a
///   deleted item stays a blank draft its town may write anew.
///
/// An item's `version` rises with each of these, so an edit form opened before the decision cannot
/// publish it again or write the deleted text back (its save is stale).
struct ModerationEffects {
    let database: any Database

    /// Hides the content; returns what `restore` needs.
    func hide(_ kind: ModeratedKind, _ id: UUID) async throws -> String {
        let sql = try database.sql()
        let table = ModeratedContent.table(kind)
        if kind == .eintrag {
            let item = try await CooperationItemModel.find(id, on: database)
            try await sql.update(table).set("hidden", to: true).set("published", to: false).set("version", to: Self.nextVersion)
                .where("id", .equal, id).run()
            return item?.published == true ? "veroeffentlicht" : "entwurf"
        }
        try await sql.update(table).set("hidden", to: true).where("id", .equal, id).run()
        return ""
    }

    func delete(_ kind: ModeratedKind, _ id: UUID) async throws {
        let sql = try database.sql()
        let table = ModeratedContent.table(kind)
        if kind == .eintrag {
            try await sql.update(table).set("hidden", to: true).set("published", to: false).set("version", to: Self.nextVersion)
                .set("title", to: "Von der Moderation gelöscht").set("description", to: "").set("contact_person", to: "")
                .where("id", .equal, id).run()
            try await sql.update(ItemRevisionModel.schema).set("snapshot", to: "").where("item_id", .equal, id).run()
            return
        }
        if kind == .loesung {
            // Its pitches carry its name: blanked and hidden for good (the stages' clocks keep their places).
            try await sql.update(PitchModel.schema).set("hidden", to: true).set("title", to: "Von der Moderation gelöscht").set("presenter", to: "")
                .where("solution_id", .equal, id).run()
        }
        if kind == .pitch {
            // The stage's clock refers to the pitch: it stays, blank, and its application's abstract goes.
            try await sql.update(table).set("hidden", to: true).set("title", to: "Von der Moderation gelöscht").set("presenter", to: "")
                .where("id", .equal, id).run()
            try await sql.update(PitchApplicationModel.schema).set("abstract", to: "").where("pitch_id", .equal, id).run()
            return
        }
        try await sql.delete(from: table).where("id", .equal, id).run()
    }

    func restore(_ kind: ModeratedKind, _ id: UUID, state: String) async throws {
        let sql = try database.sql()
        var update = sql.update(ModeratedContent.table(kind)).set("hidden", to: SQLLiteral.null)
        if kind == .eintrag { update = update.set("version", to: Self.nextVersion) }
        if kind == .eintrag, state == "veroeffentlicht" { update = update.set("published", to: true) }
        try await update.where("id", .equal, id).run()
    }

    private static let nextVersion = SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1"))

    /// After the commit: the match engine and the solutions' users follow hidden, deleted and restored content.
    static func afterCommit(_ kind: ModeratedKind, _ id: UUID, outcome: ModerationOutcome?, restored: Bool, app: ModerationStores) async throws {
        switch kind {
        case .eintrag:
            guard let model = try await CooperationItemModel.find(id, on: app.database), let item = model.item else { return }
            app.matchStore.update(item, published: model.published)
        case .loesung:
            // Hidden, deleted or shown again: the search reads the solutions anew.
            app.solutionSearch.invalidate()
            if outcome == .loeschen && !restored { app.solutionUsers.removeSolution(id) }
        default:
            break
        }
    }
}

/// The stores a decision touches.
struct ModerationStores {
    let database: any Database
    let matchStore: MatchStore
    let solutionUsers: SolutionUserStore
    let solutionSearch: SolutionSearchCache
}
