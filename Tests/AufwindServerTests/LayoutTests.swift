import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("The face: logo, navigation of at most seven entries, message kinds, button kinds, tables as cards")
struct LayoutTests {
    @Test("the navigation row has at most seven entries for visitors, members and admins; visitors are offered Registrieren")
    func navigation() {
        for (signedIn, admin) in [(false, false), (true, false), (true, true)] {
            let navigation = LayoutNavigation(currentPath: "/", signedIn: signedIn, isPlatformAdmin: admin, notificationsLabel: "Benachrichtigungen")
            #expect(navigation.entries.count <= LayoutNavigation.maximumEntries, "signed in: \(signedIn), admin: \(admin)")
            let paths = navigation.entries.flatMap { entry -> [String] in
                switch entry {
                case .link(let link): [link.path]
                case .group(_, let links): links.map(\.path)
                }
            }
            #expect(paths.contains("/organisationen?art=anbieter") && paths.contains("/organisationen?art=veranstalter"))
            #expect(paths.contains("/registrieren") == !signedIn && paths.contains("/anmelden") == !signedIn)
            #expect(paths.contains("/admin/warteschlange") == admin)
        }
    }

    @Test("every page shows the logo, both navigations (a row and a phone menu) and the icon at /favicon.svg")
    func header() async throws {
        try await withAufwind(.sqlite) { app in
            let browser = Browser(app)
            let page = try await browser.get("/gemeinden")
            #expect(page.body.contains("<svg class=\"logo-mark\"") && page.body.contains("<span class=\"wordmark\">Aufwind</span>"))
            #expect(page.body.contains("<nav class=\"nav-wide\" aria-label=\"Hauptnavigation\">"))
            #expect(page.body.contains("<details class=\"nav-phone\"><summary>Menü</summary>"))
            #expect(page.body.contains("<a href=\"/gemeinden\" aria-current=\"page\">Gemeinden</a>"))
            #expect(page.body.contains("<a href=\"/registrieren\" class=\"nav-cta\">Registrieren</a>"))
            let icon = try await browser.get("/favicon.svg")
            #expect(icon.status == .ok && icon.headers.contentType == HTTPMediaType(type: "image", subType: "svg+xml"))
            #expect(icon.body.hasPrefix("<svg"))
        }
    }

    @Test("Anbieter and Veranstalter each have their list")
    func organisationKinds() async throws {
        try await withAufwind(.sqlite) { app in
            let ev = OrganisationModel()
            ev.kind = OrganisationModel.Kind.veranstalter.rawValue
            ev.name = "Barcamp-Verein"
            ev.website = ""
            ev.description = ""
            ev.status = MembershipModel.Status.confirmed.rawValue
            try await ev.create(on: app.db)
            let browser = Browser(app)
            #expect(try await browser.get("/organisationen?art=veranstalter").body.contains("Barcamp-Verein"))
            let providers = try await browser.get("/organisationen?art=anbieter").body
            #expect(providers.contains("<h1>Anbieter</h1>") && !providers.contains("Barcamp-Verein"))
        }
    }

    @Test("deleting the account is a destructive button, signing out a secondary one")
    func buttonKinds() async throws {
        try await withAufwind(.sqlite) { app in
            let user = try await AccountFixture.user("anna@ahlen.de", on: app)
            let account = try await AccountFixture.signedIn(user, app: app).get("/konto").body
            #expect(account.contains("<button type=\"submit\" class=\"danger\">Konto endgültig löschen</button>"))
            #expect(account.contains("<button type=\"submit\" class=\"secondary\">Abmelden</button>"))
        }
    }

    @Test("success, information, warning and error each have their own colour, icon and word in the stylesheet")
    func messageKinds() throws {
        let css = String(buffer: AssetCatalog.site[.stylesheet].content)
        for (kind, word) in [("success", "Erledigt"), ("info", "Information"), ("notice", "Hinweis"), ("error-list", "Bitte prüfen")] {
            #expect(css.contains(".\(kind)::before { content: \"\(word)\"; background-image: url(\"data:image/svg+xml"), "\(kind)")
        }
        #expect(css.contains("hyphens: auto") && !css.contains("overflow-wrap: anywhere; hyphens"))
    }

    @Test("table cells carry their column's heading, so a table becomes cards on a phone")
    func tableCards() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            let page = try await Browser(app).get("/kreise/05570").body
            #expect(page.contains("<table class=\"cards\">"))
            #expect(page.contains("<td class=\"num\" data-label=\"Einwohner\">"))
            #expect(page.contains("<th scope=\"row\"><a href=\"/gemeinden/05570004\">Ahlen</a></th>"))
        }
    }
}
