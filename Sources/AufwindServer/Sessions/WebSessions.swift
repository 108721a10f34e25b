import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Starts, finds and ends signed-in sessions.
struct WebSessions {
    let database: any Database
    let lifetime: SessionLifetime

    /// A new session for `userID`; returns the cookie secret (shown to the browser only).
    func start(userID: UUID, now: Date) async throws -> (secret: String, session: WebSessionModel) {
        let secret = SecureToken.make()
        let session = WebSessionModel(tokenHash: SecureToken.hash(secret), userID: userID, csrfToken: SecureToken.make(), now: now)
        try await session.create(on: database)
        return (secret, session)
    }

    /// The live session of a cookie secret with its user, read in one statement; an expired one
    /// is removed and nil. Records "last seen" at most every `touchInterval`, in one conditional
    /// statement.
    func find(secret: String, now: Date) async throws -> (session: WebSessionModel, user: UserModel)? {
        guard SecureToken.isWellFormed(secret) else { return nil }
        guard
            let session = try await WebSessionModel.query(on: database).join(UserModel.self, on: \WebSessionModel.$user.$id == \UserModel.$id)
                .filter(\.$tokenHash == SecureToken.hash(secret)).first()
        else { return nil }
        let user = try session.joined(UserModel.self)
        guard lifetime.isValid(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) else {
            try await session.delete(on: database)
            return nil
        }
        _ = try await touch(session, now: now)
        return (session, user)
    }

    /// A signed-in browser: its session, person and memberships (all of them, whatever their status).
    struct SignedInState {
        var session: WebSessionModel
        var user: UserModel
        var memberships: [MembershipModel]
        /// Event id → the status of the person's registration (`EventParticipation`); read only
        /// while the cache keeps them (nil otherwise: pages that need them read them).
        var eventRegistrations: [UUID: String]?
    }

    /// The live session of a cookie secret with its person, memberships and (while the cache is
    /// enabled) event registrations: from `cache` when it holds them (no database read), else read
    /// and kept there. Expiry and "last seen" as `find`.
    func signedIn(secret: String, now: Date, cache: SessionCache) async throws -> SignedInState? {
        guard SecureToken.isWellFormed(secret) else { return nil }
        let tokenHash = SecureToken.hash(secret)
        if let entry = cache.entry(tokenHash: tokenHash, now: now) {
            let session = try entry.session.make()
            guard lifetime.isValid(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) else {
                try await session.delete(on: database)
                cache.forget(userID: entry.userID)
                return nil
            }
            if try await touch(session, now: now) { cache.touched(tokenHash: tokenHash, at: now) }
            return SignedInState(
                session: session, user: try entry.user.make(), memberships: try entry.memberships.map { try $0.make() },
                eventRegistrations: entry.eventRegistrations)
        }
        let generation = cache.generation
        guard let (session, user) = try await find(secret: secret, now: now) else { return nil }
        let memberships = try await MembershipService.memberships(of: user, on: database)
        let userID = try user.requireID()
        guard cache.isEnabled else { return SignedInState(session: session, user: user, memberships: memberships, eventRegistrations: nil) }
        let rows = try await database.sql().select().column("event_id").column("status").from(EventRegistrationModel.schema)
            .where("user_id", .equal, userID).all()
        let eventRegistrations = Dictionary(
            try rows.map { (try $0.decode(column: "event_id", as: UUID.self), try $0.decode(column: "status", as: String.self)) },
            uniquingKeysWith: { first, _ in first })
        cache.store(
            .init(
                session: ModelSnapshot(session), user: ModelSnapshot(user), memberships: memberships.map(ModelSnapshot.init),
                eventRegistrations: eventRegistrations, userID: userID, cachedAt: now), tokenHash: tokenHash, readAt: generation)
        return SignedInState(session: session, user: user, memberships: memberships, eventRegistrations: eventRegistrations)
    }

    /// Records "last seen" when it is due (one conditional statement); whether it did.
    private func touch(_ session: WebSessionModel, now: Date) async throws -> Bool {
        guard lifetime.needsTouch(lastSeenAt: session.lastSeenAt, now: now) else { return false }
        try await database.sql().update(WebSessionModel.schema).set("last_seen_at", to: now).where("id", .equal, try session.requireID()).run()
        session.lastSeenAt = now
        return true
    }

    func end(_ session: WebSessionModel) async throws {
        try await WebSessionModel.query(on: database).filter(\.$id == session.requireID()).delete()
    }

    /// Ends every session of the user (after a password reset, a password or e-mail change, an
    /// admin promotion), except `keeping`.
    func endAll(userID: UUID, keeping: UUID? = nil) async throws {
        let query = WebSessionModel.query(on: database).filter(\.$user.$id == userID)
        if let keeping { query.filter(\.$id != keeping) }
        try await query.delete()
    }

    /// Deletes the sessions that are over; returns how many.
    @discardableResult
    func removeExpired(now: Date) async throws -> Int {
        let (idleCutoff, absoluteCutoff) = lifetime.cutoffs(now: now)
        let expired = WebSessionModel.query(on: database).group(.or) {
            $0.filter(\.$lastSeenAt < idleCutoff).filter(\.$createdAt < absoluteCutoff)
        }
        let count = try await expired.count()
        if count > 0 {
            try await WebSessionModel.query(on: database).group(.or) {
                $0.filter(\.$lastSeenAt < idleCutoff).filter(\.$createdAt < absoluteCutoff)
            }.delete()
        }
        return count
    }
}
