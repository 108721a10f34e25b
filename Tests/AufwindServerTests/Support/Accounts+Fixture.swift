import Fluent
import Foundation
import Vapor

@testable import AufwindServer

/// Users for tests, created directly (registration has its own tests).
enum AccountFixture {
    /// Which Nutzungsbedingungen a fixture account accepted: the current ones (as at
    /// registration), an older version, or none.
    enum Terms {
        case current, never
        case version(Int)
    }

    @discardableResult
    static func user(_ email: String, admin: Bool = false, terms: Terms = .current, on app: Application) async throws -> UserModel {
        let user = UserModel(
            email: email, displayName: email.components(separatedBy: "@")[0], passwordHash: try app.password.hash("passwort-\(email)"), isAdmin: admin
        )
        user.emailConfirmedAt = Date()
        try await user.create(on: app.db)
        let version: Int? =
            switch terms {
            case .current: app.termsOfUse.currentVersion
            case .version(let number): number
            case .never: nil
            }
        if let version { try await Consents(database: app.db).acceptTerms(userID: user.requireID(), version: version, now: app.now) }
        return user
    }

    /// A browser signed in as `user`.
    static func signedIn(_ user: UserModel, app: Application) async throws -> Browser {
        let browser = Browser(app)
        try await browser.get("/anmelden")
        let response = try await browser.post("/anmelden", ["email": user.email, "password": "passwort-\(user.email)"])
        guard response.status == .seeOther else { throw FixtureFailure("login of \(user.email) failed: \(response.body)") }
        // A new session has a new CSRF token: take it from a page, as a browser would.
        try await browser.get("/konto")
        return browser
    }

    static func membership(of user: UserModel, in key: String, on app: Application) async throws -> MembershipModel {
        guard let membership = try await MembershipModel.query(on: app.db).filter(\.$user.$id == user.requireID()).filter(\.$orgKey == key).first()
        else { throw FixtureFailure("\(user.email) has no membership of \(key)") }
        return membership
    }
}
