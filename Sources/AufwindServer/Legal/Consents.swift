import AufwindCore
import Fluent
import Foundation
import Vapor

/// Records that an account accepted the Nutzungsbedingungen: a row of the history, and the
/// newest accepted version on the account (what `TermsConsentMiddleware` reads), in one
/// transaction.
struct Consents {
    let database: any Database

    /// Records the acceptance of `version` at `now`. Never lowers the account's version.
    func acceptTerms(userID: UUID, version: Int, now: Date) async throws {
        try await database.transaction { db in
            try await ConsentModel(userID: userID, document: TermsOfUse.document, version: version, at: now).create(on: db)
            try await UserModel.query(on: db).filter(\.$id == userID)
                .group(.or) { $0.filter(\.$acceptedTermsVersion == nil).filter(\.$acceptedTermsVersion < version) }
                .set(\.$acceptedTermsVersion, to: version).update()
        }
    }

    /// The account's history, oldest first.
    func history(userID: UUID) async throws -> [ConsentModel] {
        try await ConsentModel.query(on: database).filter(\.$userID == userID).sort(\.$acceptedAt).all()
    }
}

extension Application {
    private struct TermsKey: StorageKey { typealias Value = TermsOfUse }

    /// The Nutzungsbedingungen in force (`TermsOfUse.aufwind`; tests publish a new version here).
    var termsOfUse: TermsOfUse {
        get { storage[TermsKey.self] ?? .aufwind }
        set { storage[TermsKey.self] = newValue }
    }
}

extension Request {
    var termsOfUse: TermsOfUse { application.termsOfUse }

    /// Whether the signed-in person must agree to the current Nutzungsbedingungen before going on.
    var mustAcceptTerms: Bool {
        guard webSession != nil, let user = currentUser else { return false }
        return termsOfUse.needsConsent(accepted: user.acceptedTermsVersion)
    }
}
