import AufwindCore
import Fluent
import Foundation
import Vapor

@testable import AufwindServer

/// Town members and items for the cooperation tests.
enum ItemFixture {
    /// A user who is a confirmed member of `town`, signed in.
    static func member(_ email: String, of towns: [String], role: String = "mitglied", app: Application) async throws -> (
        user: UserModel, browser: Browser
    ) {
        let user = try await AccountFixture.user(email, on: app)
        for town in towns {
            let membership = MembershipModel(userID: try user.requireID(), kind: .kommune, orgKey: town, message: "")
            membership.status = MembershipModel.Status.confirmed.rawValue
            membership.role = role
            try await membership.create(on: app.db)
        }
        return (user, try await AccountFixture.signedIn(user, app: app))
    }

    /// Form fields of an item.
    static func form(
        kind: ItemKind = .bedarf, title: String, description: String = "Wir suchen Erfahrungen.", fields: [Handlungsfeld] = [.schuleBildung],
        reach: Reach = .bundesweit, town: String, status: ItemStatus? = nil, visibility: Visibility = .oeffentlich, published: Bool = true,
        checked: Bool = true, extra: [(String, String)] = []
    ) -> [(String, String)] {
        var pairs: [(String, String)] = [
            ("kommune", town), ("art", kind.rawValue), ("titel", title), ("beschreibung", description), ("reichweite", reach.rawValue),
            ("sichtbarkeit", visibility.rawValue), ("veroeffentlichung", published ? "veroeffentlicht" : "entwurf"),
            ("stand", status?.rawValue ?? ""),
        ]
        pairs += fields.map { ("handlungsfelder[]", $0.rawValue) }
        if checked { pairs.append(("geprueft", "1")) }
        return pairs + extra
    }

    /// Creates an item through the form; returns its id (lowercased UUID).
    static func create(_ browser: Browser, _ pairs: [(String, String)]) async throws -> String {
        try await browser.get("/eintraege/neu")
        let response = try await browser.post("/eintraege", pairs: pairs)
        guard response.status == .seeOther else { throw FixtureFailure("creating failed: \(response.status) \(response.body.prefix(2000))") }
        let location = response.headers.redirectPath ?? ""
        return String(location.split(separator: "/").last ?? "")
    }
}
