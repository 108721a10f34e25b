import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// The policy as the server enforces it: every role against every protected page, own town and other town.
@Suite("Authorisation over HTTP, and CSRF on every form")
struct AuthorizationMatrixTests {
    enum Role: String, CaseIterable { case anonym, mitgliedAhlen, verwalterAhlen, verwalterMuenster, admin }

    /// path → expected status per role (in `Role.allCases` order).
    static let matrix: [(path: String, expected: [HTTPStatus])] = [
        ("/konto", [.unauthorized, .ok, .ok, .ok, .ok]),
        ("/konto/organisationen", [.unauthorized, .ok, .ok, .ok, .ok]),
        ("/konto/tokens", [.unauthorized, .ok, .ok, .ok, .ok]),
        ("/konto/benachrichtigungen", [.unauthorized, .ok, .ok, .ok, .ok]),
        ("/benachrichtigungen", [.unauthorized, .ok, .ok, .ok, .ok]),
        ("/konto/daten.json", [.unauthorized, .ok, .ok, .ok, .ok]),
        ("/kommunen/05570004/mitglieder", [.unauthorized, .ok, .ok, .forbidden, .ok]),
        ("/kommunen/05570004/profil", [.unauthorized, .forbidden, .ok, .forbidden, .ok]),
        ("/kommunen/05515000/mitglieder", [.unauthorized, .forbidden, .forbidden, .ok, .ok]),
        ("/kommunen/05515000/profil", [.unauthorized, .forbidden, .forbidden, .ok, .ok]),
        ("/admin/warteschlange", [.unauthorized, .forbidden, .forbidden, .forbidden, .ok]),
        ("/dev/mails", [.unauthorized, .forbidden, .forbidden, .forbidden, .ok]),
        ("/regionen/05570", [.unauthorized, .forbidden, .forbidden, .forbidden, .ok]),
        ("/organisationen/neu", [.unauthorized, .ok, .ok, .ok, .ok]),
    ]

    static func browsers(_ app: Application) async throws -> [Role: Browser] {
        let mitglied = try await AccountFixture.user("mitglied@ahlen.de", on: app)
        let verwalter = try await AccountFixture.user("verwalter@ahlen.de", on: app)
        let muenster = try await AccountFixture.user("verwalter@muenster.de", on: app)
        let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
        try await MembershipModel.confirmed(verwalter, in: "05570004", role: .verwalter, on: app)
        try await MembershipModel.confirmed(mitglied, in: "05570004", role: .mitglied, on: app)
        try await MembershipModel.confirmed(muenster, in: "05515000", role: .verwalter, on: app)
        return [
            .anonym: Browser(app),
            .mitgliedAhlen: try await AccountFixture.signedIn(mitglied, app: app),
            .verwalterAhlen: try await AccountFixture.signedIn(verwalter, app: app),
            .verwalterMuenster: try await AccountFixture.signedIn(muenster, app: app),
            .admin: try await AccountFixture.signedIn(admin, app: app),
        ]
    }

    @Test("every role gets exactly its answer on every protected page", arguments: TestDatabase.available)
    func matrix(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let browsers = try await Self.browsers(app)
            for (path, expected) in Self.matrix {
                for (role, status) in zip(Role.allCases, expected) {
                    #expect(try await browsers[role]!.get(path).status == status, "\(role.rawValue) GET \(path)")
                }
            }
        }
    }

    @Test(
        "items, events and 1:1 meetings answer every role as the policy decides: drafts hidden, team pages for the team",
        arguments: TestDatabase.available)
    func itemsAndEvents(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let browsers = try await Self.browsers(app)
            let ahlen = browsers[.verwalterAhlen]!
            let draft = try await ItemFixture.create(
                ahlen, ItemFixture.form(title: "Entwurf: Schulserver teilen", town: "05570004", published: false))
            let forTowns = try await ItemFixture.create(
                ahlen, ItemFixture.form(title: "Nur für Kommunen: Personalpool", town: "05570004", visibility: .kommunen))
            let firstDay = ISO8601DateFormatter.string(
                from: Date().addingTimeInterval(30 * 86_400), timeZone: TimeZone(identifier: "Europe/Berlin")!, formatOptions: [.withFullDate])
            let input = try EventInput.validate(
                EventInput.Raw(
                    title: "Kleinstadt-Barcamp Ahlen", description: "", firstDay: firstDay, lastDay: firstDay, place: "Ahlen", onlineURL: nil,
                    capacity: "40", meetingTables: "4")
            ).get()
            let event = try await EventService(database: app.db).create(
                input, organiserType: .kommune, organiserKey: "05570004", organiserName: "Ahlen")
            let path = event.path
            // anonym, Mitglied Ahlen, Verwalter Ahlen, Verwalter Münster, Admin
            let matrix: [(String, [HTTPStatus])] = [
                ("/eintraege/\(draft)", [.notFound, .ok, .ok, .notFound, .ok]),
                ("/eintraege/\(forTowns)", [.unauthorized, .ok, .ok, .ok, .ok]),
                ("/eintraege/neu", [.unauthorized, .ok, .ok, .ok, .forbidden]),
                ("/veranstaltungen/neu", [.unauthorized, .ok, .ok, .ok, .forbidden]),
                (path, [.ok, .ok, .ok, .ok, .ok]),
                ("\(path)/planung", [.unauthorized, .ok, .ok, .forbidden, .ok]),
                ("\(path)/teilnehmende.csv", [.unauthorized, .ok, .ok, .forbidden, .ok]),
                ("\(path)/agenda", [.unauthorized, .ok, .ok, .forbidden, .ok]),
                ("\(path)/treffen", [.unauthorized, .forbidden, .forbidden, .forbidden, .forbidden]),
            ]
            for (path, expected) in matrix {
                for (role, status) in zip(Role.allCases, expected) {
                    #expect(try await browsers[role]!.get(path).status == status, "\(role.rawValue) GET \(path)")
                }
            }
        }
    }

    @Test("every form that changes something carries the CSRF token")
    func everyFormHasCSRF() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            let browsers = try await Self.browsers(app)
            let pending = try await AccountFixture.user("neu@ahlen.de", on: app)
            try await MembershipModel(userID: pending.requireID(), kind: .kommune, orgKey: "05570052", message: "").create(on: app.db)
            let pages =
                ["/registrieren", "/anmelden", "/passwort-vergessen", "/passwort-neu?token=x", "/kontakt"]
                + Self.matrix.map(\.path).filter { !$0.hasSuffix(".json") && !$0.hasPrefix("/dev") }
            var checked = 0
            for path in pages {
                for role in [Role.anonym, .verwalterAhlen, .admin] {
                    let body = try await browsers[role]!.get(path).body
                    for form in body.components(separatedBy: "<form").dropFirst() {
                        let tag = form.prefix { $0 != ">" }
                        guard tag.contains("method=\"post\"") else { continue }
                        let content = form.components(separatedBy: "</form>")[0]
                        #expect(content.contains("name=\"_csrf\""), "Formular ohne CSRF-Token auf \(path)")
                        checked += 1
                    }
                }
            }
            #expect(checked > 15)
        }
    }

    @Test("a link works for 24 hours and not a minute longer")
    func expiredToken() async throws {
        try await withAufwind(.sqlite) { app in
            let user = try await AccountFixture.user("bm@ahlen.de", on: app)
            let token = try await AccountTokens.issue(for: user, purpose: .resetPassword, now: app.now, on: app.db)
            app.testClock.advance(by: AccountTokens.lifetime + 60)
            let browser = Browser(app)
            try await browser.get("/passwort-neu?token=\(token)")
            #expect(try await browser.post("/passwort-neu", ["token": token, "password": "neues-passwort-2"]).status == .badRequest)
        }
    }

    // MARK: Verbünde

    /// Every route of a Verbund (method, path after `/verbuende/{id}`, form) with the expected
    /// status per role in two Verbünde: one that Ahlen leads with Münster in it, one that Münster
    /// leads with Ahlen only invited. Forms that pass the policy are refused for their content
    /// (422, 404), or withdraw an invitation that does not exist (which, withdrawing being
    /// idempotent, is done at once), so that the table changes nothing.
    static let verbundMatrix: [(method: HTTPMethod, path: String, form: [String: String], ahlenLeads: [HTTPStatus], ahlenInvited: [HTTPStatus])] = [
        (.GET, "", [:], [.unauthorized, .ok, .ok, .ok, .ok], [.unauthorized, .ok, .ok, .ok, .ok]),
        (.GET, "/kosten", [:], [.unauthorized, .ok, .ok, .ok, .ok], [.unauthorized, .forbidden, .forbidden, .ok, .ok]),
        (
            .POST, "/termine", ["art": "feier"],
            [.unauthorized, .unprocessableEntity, .unprocessableEntity, .unprocessableEntity, .unprocessableEntity],
            [.unauthorized, .forbidden, .forbidden, .unprocessableEntity, .unprocessableEntity]
        ),
        (
            .POST, "/termine/\(UUID().uuidString)/erledigt", [:], [.unauthorized, .notFound, .notFound, .notFound, .notFound],
            [.unauthorized, .forbidden, .forbidden, .notFound, .notFound]
        ),
        (.POST, "/kalender", [:], [.unauthorized, .ok, .ok, .ok, .ok], [.unauthorized, .forbidden, .forbidden, .ok, .ok]),
        (
            .POST, "/einladungen", ["mitglied": "Oelde", "rolle": "konsortialfuehrung"],
            [.unauthorized, .unprocessableEntity, .unprocessableEntity, .forbidden, .unprocessableEntity],
            [.unauthorized, .forbidden, .forbidden, .unprocessableEntity, .unprocessableEntity]
        ),
        (
            .POST, "/status", ["status": "bewilligt"], [.unauthorized, .unprocessableEntity, .unprocessableEntity, .forbidden, .unprocessableEntity],
            [.unauthorized, .forbidden, .forbidden, .unprocessableEntity, .unprocessableEntity]
        ),
        (
            .POST, "/programm", ["programm": "gibt-es-nicht"],
            [.unauthorized, .unprocessableEntity, .unprocessableEntity, .forbidden, .unprocessableEntity],
            [.unauthorized, .forbidden, .forbidden, .unprocessableEntity, .unprocessableEntity]
        ),
        (.GET, "/bearbeiten", [:], [.unauthorized, .ok, .ok, .forbidden, .ok], [.unauthorized, .forbidden, .forbidden, .ok, .ok]),
        (
            .POST, "/bearbeiten", ["name": "", "version": "1"],
            [.unauthorized, .unprocessableEntity, .unprocessableEntity, .forbidden, .unprocessableEntity],
            [.unauthorized, .forbidden, .forbidden, .unprocessableEntity, .unprocessableEntity]
        ),
        (
            .POST, "/mitglieder/\(UUID().uuidString)/zurueckziehen", [:], [.unauthorized, .seeOther, .seeOther, .forbidden, .seeOther],
            [.unauthorized, .forbidden, .forbidden, .seeOther, .seeOther]
        ),
    ]

    /// A Verbund led by `lead` with `partner` in it (or only invited).
    static func verbund(lead: String, partner: String, status: VerbundMemberModel.Status, on app: Application) async throws -> VerbundModel {
        let verbund = VerbundModel(name: "Gemeinsamer Bauhof", itemID: nil, leadKey: lead)
        try await verbund.create(on: app.db)
        try await VerbundMemberModel(
            verbundID: verbund.requireID(), memberKey: lead, memberType: "gemeinde", role: "konsortialfuehrung", status: .accepted, expiresAt: nil
        ).create(on: app.db)
        try await VerbundMemberModel(
            verbundID: verbund.requireID(), memberKey: partner, memberType: "gemeinde", role: "partner", status: status,
            expiresAt: status == .invited ? Date().addingTimeInterval(86_400) : nil
        ).create(on: app.db)
        return verbund
    }

    @Test("every role gets exactly its answer on every route of a Verbund, as lead, member and invited town", arguments: TestDatabase.available)
    func verbundMatrix(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let browsers = try await Self.browsers(app)
            let ahlenLeads = try await Self.verbund(lead: "05570004", partner: "05515000", status: .accepted, on: app)
            let ahlenInvited = try await Self.verbund(lead: "05515000", partner: "05570004", status: .invited, on: app)
            for (method, path, form, whenLeading, whenInvited) in Self.verbundMatrix {
                for (verbund, expected) in [(ahlenLeads, whenLeading), (ahlenInvited, whenInvited)] {
                    for (role, status) in zip(Role.allCases, expected) {
                        let browser = browsers[role]!
                        let answer: HTTPStatus
                        if method == .POST {
                            try await browser.get(role == .anonym ? "/anmelden" : "/konto")
                            answer = try await browser.post(verbund.path + path, form).status
                        } else {
                            answer = try await browser.get(verbund.path + path).status
                        }
                        #expect(
                            answer == status, "\(role.rawValue) \(method) \(path) in \(verbund.leadKey == "05570004" ? "Ahlens" : "Münsters") Verbund"
                        )
                    }
                }
            }
            #expect(try await VerbundDateModel.query(on: app.db).count() == 0)
            #expect(try await VerbundModel.query(on: app.db).filter(\.$status != "in-bildung").count() == 0)
            #expect(try await VerbundMemberModel.query(on: app.db).count() == 4)
            #expect(try await VerbundModel.query(on: app.db).filter(\.$version != 1).count() == 0)
        }
    }
}
