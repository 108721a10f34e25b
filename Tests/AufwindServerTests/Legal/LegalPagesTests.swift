import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Legal and trust pages: operator details from the configuration, footer links, Testbetrieb")
struct LegalPagesTests {
    static let legalPaths = ["/impressum", "/datenschutz", "/barrierefreiheit", "/nutzungsbedingungen", "/kontakt", "/hilfe"]

    static let complete: [String: String] = [
        "AUFWIND_OPERATOR_NAME": "Zweckverband Digitale Kommunen Münsterland",
        "AUFWIND_OPERATOR_ADDRESS": "Marktplatz 1, 48231 Warendorf",
        "AUFWIND_OPERATOR_REPRESENTATIVE": "Verbandsvorsteherin Dr. Erika Beispiel",
        "AUFWIND_OPERATOR_EMAIL": "Kontakt@Digitale-Kommunen.example",
        "AUFWIND_OPERATOR_PHONE": "+49 2581 54-0",
        "AUFWIND_OPERATOR_DPO": "Datenschutzbeauftragter, dsb@digitale-kommunen.example",
        "AUFWIND_OPERATOR_SUPERVISORY_AUTHORITY": "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, Düsseldorf",
        "AUFWIND_OPERATOR_VAT_ID": "de 123456789",
    ]

    @Test(
        "without operator details every legal page says Testbetrieb and names what is missing; admins see a warning on every page",
        arguments: TestDatabase.available)
    func missingDetails(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let visitor = Browser(app)
            for path in Self.legalPaths where path != "/hilfe" {
                let page = try await visitor.get(path)
                #expect(page.status == .ok)
                #expect(page.body.contains("Testbetrieb – Betreiberangaben fehlen"), "\(path)")
                #expect(page.body.contains("Name des Betreibers, Anschrift, Vertretungsberechtigte Person"), "\(path) names what is missing")
            }
            #expect(
                try await visitor.get("/gemeinden").body.contains("Betreiberangaben fehlen") == false,
                "visitors get no warning outside the legal pages")

            let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.example", admin: true, on: app), app: app)
            let adminPage = try await admin.get("/gemeinden")
            #expect(adminPage.body.contains("Testbetrieb – Betreiberangaben fehlen: Name des Betreibers"))
            #expect(adminPage.body.contains("AUFWIND_OPERATOR_"))
            let member = try await AccountFixture.signedIn(try await AccountFixture.user("anna@ahlen.de", on: app), app: app)
            #expect(try await member.get("/gemeinden").body.contains("Betreiberangaben fehlen") == false)
        }
    }

    @Test("complete operator details are shown on /impressum, and nobody gets the Testbetrieb notice", arguments: TestDatabase.available)
    func completeDetails(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let config = AppConfig.fromEnvironment(Self.complete)
            #expect(config.problems == [])
            app.aufwindConfig.operatorDetails = config.operatorDetails
            let impressum = try await Browser(app).get("/impressum")
            for value in [
                "Zweckverband Digitale Kommunen Münsterland", "Marktplatz 1, 48231 Warendorf", "Verbandsvorsteherin Dr. Erika Beispiel",
                "mailto:kontakt@digitale-kommunen.example", "+49 2581 54-0", "DE123456789", "Nordrhein-Westfalen",
            ] {
                #expect(impressum.body.contains(value), "\(value) on /impressum")
            }
            #expect(!impressum.body.contains("Testbetrieb"))
            #expect(try await Browser(app).get("/datenschutz").body.contains("dsb@digitale-kommunen.example"))
            let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.example", admin: true, on: app), app: app)
            #expect(!(try await admin.get("/gemeinden").body.contains("Betreiberangaben fehlen")))
        }
    }

    @Test("an operator e-mail, phone or VAT id that cannot be right stops the start with a German message")
    func invalidDetails() async throws {
        var environment = Self.complete
        environment["AUFWIND_OPERATOR_EMAIL"] = "kontakt(at)digitale-kommunen"
        environment["AUFWIND_OPERATOR_PHONE"] = "bitte anrufen"
        let config = AppConfig.fromEnvironment(environment)
        #expect(config.problems.count == 2)
        #expect(config.problems.contains { $0.contains("AUFWIND_OPERATOR_EMAIL ist keine gültige E-Mail-Adresse") })
        #expect(config.problems.contains { $0.contains("AUFWIND_OPERATOR_PHONE ist keine Telefonnummer") })
        let app = try await Application.make(.testing)
        #expect(throws: (any Error).self) { try configure(app, config: config) }
        try await app.asyncShutdown()
    }

    @Test("the footer of every page links each legal page, and each answers", arguments: TestDatabase.available)
    func footerLinks(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let browser = Browser(app)
            for page in ["/", "/gemeinden", "/quellen", "/anmelden"] + Self.legalPaths {
                let body = try await browser.get(page).body
                let footer = try #require(body.range(of: "<footer").map { String(body[$0.lowerBound...]) }, "\(page) has a footer")
                for path in Self.legalPaths { #expect(footer.contains("href=\"\(path)\""), "\(page) links \(path) in its footer") }
                #expect(footer.contains("Destatis") && footer.contains("GeoBasis-DE / BKG"), "the attribution stays")
            }
            for path in Self.legalPaths { #expect(try await browser.get(path).status == .ok, "\(path)") }
        }
    }

    @Test("the privacy policy states the storage periods the code applies and names the cookies", arguments: TestDatabase.available)
    func privacyPolicyFacts(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            app.aufwindConfig.sessionLifetime = SessionLifetime(idle: 3 * 86_400, absolute: 30 * 86_400)
            let body = try await Browser(app).get("/datenschutz").body
            #expect(body.contains("nach 3 Tagen ohne Aktivität, spätestens nach 30 Tagen"))
            #expect(body.contains("innerhalb von 7 Tagen bestätigt"))
            #expect(body.contains("15 Minuten lang gezählt"))
            #expect(body.contains("nach 180 Tagen automatisch gelöscht"))
            #expect(body.contains("aufwind-session") && body.contains("aufwind-csrf"))
        }
    }
}
