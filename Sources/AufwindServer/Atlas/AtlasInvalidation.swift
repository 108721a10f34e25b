import Fluent
import Vapor

/// Drops the atlas's figures whenever a model it counts is created, changed or deleted through
/// Fluent. Writes that bypass the models (a Verbund's status step, moderation decisions, deleted
/// accounts' memberships) call `Application.atlas.invalidate()` themselves.
struct AtlasInvalidation<M: Model>: AsyncModelMiddleware {
    let atlas: AtlasStore

    func create(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        atlas.invalidate()
    }

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        atlas.invalidate()
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        atlas.invalidate()
    }

    /// Registers the middleware for every model the atlas counts.
    static func register(on app: Application) {
        let atlas = app.atlas
        app.databases.middleware.use(AtlasInvalidation<CooperationItemModel>(atlas: atlas))
        app.databases.middleware.use(AtlasInvalidation<CooperationModel>(atlas: atlas))
        app.databases.middleware.use(AtlasInvalidation<VerbundModel>(atlas: atlas))
        app.databases.middleware.use(AtlasInvalidation<VerbundMemberModel>(atlas: atlas))
        app.databases.middleware.use(AtlasInvalidation<MembershipModel>(atlas: atlas))
    }
}
