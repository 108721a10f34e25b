import AufwindCore
import Fluent
import Foundation

/// What `create-admin` does, apart from asking. An account whose address was never confirmed may
/// belong to anyone who typed that address: it keeps neither its password nor its sessions nor
/// its links — the operator's password is set, the address confirmed, everything else ended.
struct AdminPromotion {
    let database: any Database
    let lifetime: SessionLifetime

    enum Target {
        case none
        case unconfirmed(UserModel)
        case confirmed(UserModel)
    }

    enum Outcome: Equatable {
        case created, tookOverUnconfirmed, promotedConfirmed, alreadyAdmin
    }

    func target(email: String) async throws -> Target {
        guard let user = try await UserModel.query(on: database).filter(\.$email == email).first() else { return .none }
        return user.emailConfirmedAt == nil ? .unconfirmed(user) : .confirmed(user)
    }

    /// A new admin account, or an unconfirmed one taken over with the operator's password.
    func createOrTakeOver(email: String, name: String, passwordHash: String, now: Date) async throws -> Outcome {
        try await database.transaction { db -> Outcome in
            if let user = try await UserModel.query(on: db).filter(\.$email == email).first() {
                guard user.emailConfirmedAt == nil else { throw AdminPromotionError.confirmedAccount }
                let id = try user.requireID()
                user.passwordHash = passwordHash
                user.displayName = name
                user.emailConfirmedAt = now
                user.isAdmin = true
                try await user.save(on: db)
                try await WebSessions(database: db, lifetime: lifetime).endAll(userID: id)
                try await AccountTokens.invalidate(userID: id, purposes: [.confirmEmail, .resetPassword, .changeEmail], now: now, on: db)
                try await APITokenModel.query(on: db).filter(\.$user.$id == id).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
                return .tookOverUnconfirmed
            }
            let user = UserModel(email: email, displayName: name, passwordHash: passwordHash, isAdmin: true)
            user.emailConfirmedAt = now
            try await user.create(on: db)
            return .created
        }
    }

    /// A confirmed account (its owner proved the address) becomes admin; its sessions end, so
    /// the new rights start with a fresh sign-in.
    func promoteConfirmed(_ user: UserModel) async throws -> Outcome {
        guard !user.isAdmin else { return .alreadyAdmin }
        user.isAdmin = true
        try await database.transaction { db in
            try await user.save(on: db)
            try await WebSessions(database: db, lifetime: lifetime).endAll(userID: user.requireID())
        }
        return .promotedConfirmed
    }
}

enum AdminPromotionError: Error {
    case confirmedAccount
}
