import Fluent
import Foundation
import SQLKit

/// The one-time tokens mailed to users (confirm an address, reset a password, change the
/// address). Only their SHA-256 is stored; a token is redeemed by one conditional update, so
/// even parallel requests redeem it exactly once.
enum AccountTokens {
    static let lifetime: TimeInterval = 24 * 3600

    /// A new token; a confirmation link may carry the credentials of the registration it
    /// belongs to (so it confirms what its registrant chose, see `AccountController.register`).
    static func issue(
        for user: UserModel, purpose: OneTimeTokenModel.Purpose, now: Date, on db: any Database,
        newEmail: String? = nil, passwordHash: String? = nil, displayName: String? = nil
    ) async throws -> String {
        let token = SecureToken.make()
        let record = OneTimeTokenModel(
            userID: try user.requireID(), purpose: purpose, tokenHash: SecureToken.hash(token),
            expiresAt: now.addingTimeInterval(lifetime))
        record.newEmail = newEmail
        record.passwordHash = passwordHash
        record.displayName = displayName
        try await record.create(on: db)
        return token
    }

    /// The user and record of a valid, unused, unexpired token, marked used in the same statement.
    static func redeem(
        _ token: String?, purpose: OneTimeTokenModel.Purpose, now: Date, on db: any Database
    ) async throws -> (user: UserModel, record: OneTimeTokenModel)? {
        guard let token, SecureToken.isWellFormed(token), let sql = db as? any SQLDatabase else { return nil }
        struct Row: Decodable { var id: UUID }
        let rows = try await sql.update(OneTimeTokenModel.schema)
            .set("used_at", to: now)
            .where("token_hash", .equal, SecureToken.hash(token))
            .where("purpose", .equal, purpose.rawValue)
            .where("used_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, now)
            .returning("id").all(decoding: Row.self)
        guard let id = rows.first?.id, let record = try await OneTimeTokenModel.find(id, on: db),
            let user = try await UserModel.find(record.$user.id, on: db)
        else { return nil }
        return (user, record)
    }

    /// Makes every outstanding token of these purposes worthless (after a reset, an address
    /// change, a confirmation).
    static func invalidate(userID: UUID, purposes: [OneTimeTokenModel.Purpose], now: Date, on db: any Database) async throws {
        try await OneTimeTokenModel.query(on: db)
            .filter(\.$user.$id == userID).filter(\.$purpose ~~ purposes.map(\.rawValue)).filter(\.$usedAt == nil)
            .set(\.$usedAt, to: now).update()
    }
}
