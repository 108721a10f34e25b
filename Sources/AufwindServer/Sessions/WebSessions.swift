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
        if lifetime.needsTouch(lastSeenAt: session.lastSeenAt, now: now), let sql = database as? any SQLDatabase {
            try await sql.update(WebSessionModel.schema).set("last_seen_at", to: now).where("id", .equal, try session.requireID()).run()
            session.lastSeenAt = now
        }
        return (session, user)
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
