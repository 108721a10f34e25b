import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// Post/Redirect/Get: every form that succeeds answers 303 to a page (a relative address) that
/// says what happened in the success box, so a reload shows the page again instead of sending
/// the form twice.
@Suite("Post/Redirect/Get: every successful form ends on a page that says what happened")
struct PostRedirectGetTests {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052"

    /// Every HTML form route; `everyForm` posts each of them successfully.
    static let forms: Set<String> = [
        // Account
        "/registrieren", "/bestaetigung-erneut", "/passwort-vergessen", "/passwort-neu", "/konto/passwort", "/konto/kontaktkarte", "/konto/email",
        "/konto/loeschen", "/konto/benachrichtigungen", "/konto/tokens/:id/widerrufen", "/abmelden/:token", "/benachrichtigungen/:id/gelesen",
        "/benachrichtigungen/gelesen", "/kontakt", "/nutzungsbedingungen/zustimmen",
        // Memberships and organisations
        "/konto/organisationen", "/konto/regionen", "/mitgliedschaften/:id/entscheidung", "/mitgliedschaften/:id/rolle",
        "/mitgliedschaften/:id/beenden", "/kommunen/:key/profil", "/kommunen/:key/einstellungen", "/organisationen/neu",
        "/organisationen/:id/entscheidung", "/organisationen/:id/beitreten",
        // Items and cooperations
        "/eintraege", "/eintraege/:id/bearbeiten", "/eintraege/:id/interesse", "/anfragen/:id/entscheidung", "/kooperationen/:id/nachrichten",
        // Lösungen
        "/loesungen", "/loesungen/:id/bearbeiten", "/loesungen/:id/referenzen", "/loesungen/:id/nutzung",
        "/loesungen/referenzen/:reference/entscheidung", "/loesungen/referenzen/:reference/erneuern", "/loesungen/referenzen/:reference/entfernen",
        "/eintraege/:id/antworten", "/eintraege/:id/antworten/einstellung", "/antworten/:answer/nachrichten", "/antworten/:answer/passt-nicht",
        // Moderation
        "/meldungen", "/admin/moderation/:case/entscheidung", "/moderation/:case/einspruch", "/admin/moderation/:case/einspruch",
        // Verbünde and funding programmes
        "/verbuende", "/verbuende/:id/bearbeiten", "/verbuende/:id/einladungen", "/verbuende/:id/mitglieder/:mid/entscheidung",
        "/verbuende/:id/mitglieder/:mid/zurueckziehen", "/verbuende/:id/mitglieder/:mid/email", "/verbuende/:id/status", "/verbuende/:id/programm",
        "/verbuende/:id/termine",
        "/verbuende/:id/termine/:did/erledigt", "/foerderprogramme/neu", "/foerderprogramme/:id/bearbeiten", "/foerderprogramme/:id/verbund",
        // Events
        "/veranstaltungen", "/veranstaltungen/:id/raeume", "/veranstaltungen/:id/zeitfenster", "/veranstaltungen/:id/zeitfenster/:slot/entfernen",
        "/veranstaltungen/:id/anmeldung", "/veranstaltungen/:id/anmelden", "/veranstaltungen/:id/abmelden", "/veranstaltungen/:id/phase",
        "/veranstaltungen/:id/sessions", "/veranstaltungen/:id/sessions/:sid/leitung", "/veranstaltungen/:id/sessions/:sid/leitung/:uid/entfernen",
        "/veranstaltungen/:id/sessions/:sid/verfuegbarkeit", "/veranstaltungen/:id/sessions/:sid/stimme", "/veranstaltungen/:id/programm/:sid/merken",
        "/veranstaltungen/:id/sessions/:sid/ergebnis", "/veranstaltungen/:id/sessions/:sid/vorhaben", "/veranstaltungen/:id/sessions/:sid/absagen",
        "/veranstaltungen/:id/planung/optimieren", "/veranstaltungen/:id/planung/verschieben", "/veranstaltungen/:id/planung/festlegen",
        "/veranstaltungen/:id/planung/veroeffentlichen", "/veranstaltungen/:id/treffen", "/veranstaltungen/:id/treffen/:mid/entscheidung",
        "/veranstaltungen/:id/treffen/profil", "/veranstaltungen/:id/treffen/fenster/:slot", "/veranstaltungen/:id/treffen/fenster/planen",
        "/veranstaltungen/:id/treffen/:mid/zurueckziehen", "/veranstaltungen/:id/buehne", "/veranstaltungen/:id/buehne/:block/pitches",
        "/veranstaltungen/:id/buehne/:block/pitches/:pitch/verschieben", "/veranstaltungen/:id/buehne/:block/befehl",
        "/veranstaltungen/:id/bearbeiten", "/veranstaltungen/:id/raeume/:room", "/veranstaltungen/:id/raeume/:room/entfernen",
        "/veranstaltungen/:id/pitch-bewerbung", "/veranstaltungen/:id/pitch-bewerbung/:application/zurueckziehen",
        "/veranstaltungen/:id/pitch-bewerbungen/:application/entscheidung", "/veranstaltungen/:id/buehne/:block/pitches/:pitch/entfernen",
    ]

    /// POST routes that end otherwise, each with the reason. Everything else must be in `forms`,
    /// so a new form cannot skip Post/Redirect/Get unnoticed.
    static let exempt: [String: String] = [
        "/anmelden": "login: 303 to the page the person came from (or /mein-aufwind); being signed in is what the page shows",
        "/abmelden": "logout: 303 to the start page; the navigation shows the person signed out",
        "/konto/tokens": "shows the new token's secret once, in this answer only; a redirect would have to carry the secret (revoking is PRG)",
        "/verbuende/:id/kalender": "shows the new calendar link (a secret) once, in this answer only, like an API token",
        "/kommunen/:key/kalender": "shows the new calendar link (a secret) once, in this answer only, like an API token",
        "/loesungen/import": "saves nothing: shows the read publiccode.yml in the solution form to check and complete (that form is PRG)",
    ]

    /// The non-API POST routes of the application, as patterns (`/eintraege/:id/bearbeiten`).
    static func postRoutes(_ app: Application) -> Set<String> {
        Set(
            app.routes.all.filter { $0.method == .POST && $0.path.first?.description != "api" }
                .map { "/" + $0.path.map(\.description).joined(separator: "/") })
    }

    @Test("every POST route of the site is a form walked below or exempt with a reason")
    func completeness() async throws {
        try await withAufwind(.sqlite) { app in
            let routes = Self.postRoutes(app)
            for route in routes.subtracting(Self.forms).subtracting(Self.exempt.keys) {
                Issue.record("POST \(route) is neither in PostRedirectGetTests.forms (with a step in everyForm) nor exempt with a reason")
            }
            for stale in Self.forms.union(Self.exempt.keys).subtracting(routes) { Issue.record("\(stale) is no POST route any more") }
            #expect(Self.forms.isDisjoint(with: Self.exempt.keys))
        }
    }

    @Test("each form, sent as a person would, answers 303 to a page with the success box", arguments: TestDatabase.available)
    func everyForm(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let walk = try await FormWalk.make(app)
            try await walk.accounts()
            try await walk.memberships()
            try await walk.itemsAndCooperations()
            try await walk.solutions()
            try await walk.funding()
            try await walk.verbund()
            try await walk.event()
            try await walk.endMembershipAndAccount()
            for route in Self.forms.subtracting(walk.covered).sorted() { Issue.record("\(route) was not walked") }
        }
    }

    @Test("asking to join again (a reload, a second tab) leads to the waiting request, not to a dead end", arguments: TestDatabase.available)
    func askingTwice(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (anna, _) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], role: "verwalter", app: app)
            let maxUser = try await AccountFixture.user("max@ahlen.de", on: app)
            let max = try await AccountFixture.signedIn(maxUser, app: app)
            try await max.submit("/konto/organisationen", ["kommune": "Ahlen", "nachricht": "Hauptamt"], expect: [.seeOther])
            let told = try await NotificationModel.query(on: app.db).filter(\.$userID == anna.requireID()).count()
            let again = try await max.submit("/konto/organisationen", ["kommune": "Ahlen", "nachricht": "Hauptamt"], expect: [.seeOther])
            #expect(again.headers.first(name: .location) == "/konto/organisationen?erfolg=schon-angefragt")
            let page = try await max.follow(again)
            #expect(page.body.contains("Ihre Anfrage ist schon eingegangen und wartet auf die Entscheidung"))
            #expect(page.body.contains("Anfrage zurückziehen"), "the waiting request is on the page")
            #expect(try await MembershipModel.query(on: app.db).filter(\.$user.$id == maxUser.requireID()).count() == 1)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$userID == anna.requireID()).count() == told, "nobody is told twice")
        }
    }

    @Test(
        "joining by a name several towns bear, or a misspelt one, lists the towns with Kreis and AGS to choose from; what was typed stays",
        arguments: TestDatabase.available)
    func whichTownToJoin(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: VerbundInvitationTests.registerWithNamesakes)
            let maxUser = try await AccountFixture.user("max@neustadt.de", on: app)
            let max = try await AccountFixture.signedIn(maxUser, app: app)
            let question = try await max.submit("/konto/organisationen", ["kommune": "Neustadt", "nachricht": "Bauamt"], expect: [.ok])
            #expect(question.body.contains("Welche Kommune meinen Sie?") && question.body.contains("„Neustadt“ passt zu 2 Kommunen."))
            for key in ["05570090", "06534090"] {
                #expect(question.body.contains("<input type=\"radio\" id=\"auswahl-\(key)\" name=\"auswahl\" value=\"\(key)\""), "\(key)")
                #expect(question.body.contains("AGS \(key)"), "\(key)")
            }
            #expect(question.body.contains("Marburg-Biedenkopf, Hessen") && question.body.contains("Warendorf, Nordrhein-Westfalen"))
            #expect(question.body.contains("name=\"kommune\" value=\"Neustadt\"") && question.body.contains(">Bauamt</textarea>"))
            #expect(try await MembershipModel.query(on: app.db).count() == 0, "nobody joins a namesake by surprise")

            let chosen = try await max.post("/konto/organisationen", ["kommune": "Neustadt", "nachricht": "Bauamt", "auswahl": "06534090"])
            #expect(chosen.headers.first(name: .location) == "/konto/organisationen?erfolg=anfrage-gesendet")
            let membership = try #require(try await MembershipModel.query(on: app.db).first())
            #expect(membership.orgKey == "06534090" && membership.message == "Bauamt")

            let typo = try await max.submit("/konto/organisationen", ["kommune": "Ahlem"], expect: [.ok])
            #expect(typo.body.contains("AGS \(Self.ahlen)") && typo.body.contains("name=\"kommune\" value=\"Ahlem\""))
        }
    }
}

/// The people of the walk and the forms they send, in an order in which each is possible.
/// Anna is Verwalterin of Ahlen and organises; Olga (Oelde) takes part; Max joins Ahlen; Pia
/// has an account and nothing else; the admin confirms.
final class FormWalk {
    typealias T = PostRedirectGetTests
    let app: Application
    let anna: Browser, olga: Browser, admin: Browser
    var covered: Set<String> = []

    init(app: Application, anna: Browser, olga: Browser, admin: Browser) {
        self.app = app
        self.anna = anna
        self.olga = olga
        self.admin = admin
    }

    static func make(_ app: Application) async throws -> FormWalk {
        try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
        let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [T.ahlen], role: "verwalter", app: app)
        let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [T.oelde], role: "verwalter", app: app)
        let admin = try await AccountFixture.signedIn(try await AccountFixture.user("admin@aufwind.de", admin: true, on: app), app: app)
        return FormWalk(app: app, anna: anna, olga: olga, admin: admin)
    }

    /// Opens `page`, sends the form and checks Post/Redirect/Get; returns where it led (without the query).
    @discardableResult
    func form(
        _ route: String, _ browser: Browser, _ path: String, _ pairs: [(String, String)], from page: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        #expect(T.forms.contains(route), "\(route) is not in PostRedirectGetTests.forms", sourceLocation: sourceLocation)
        try await browser.get(page)
        let response = try await browser.post(path, pairs: pairs)
        let location = response.headers.first(name: .location) ?? ""
        guard response.status == .seeOther else {
            Issue.record("POST \(path): \(response.status) \(response.body.prefix(1200))", sourceLocation: sourceLocation)
            return location
        }
        #expect(
            location.hasPrefix("/") && !location.hasPrefix("//") && !location.contains("://"), "\(route): \(location) is not relative",
            sourceLocation: sourceLocation)
        let code = URLComponents(string: location)?.queryItems?.first { $0.name == "erfolg" }?.value ?? ""
        #expect(SuccessNotice(rawValue: code) != nil, "\(route): \(location) names no known notice", sourceLocation: sourceLocation)
        let shown = try await browser.get(location)
        #expect(shown.status == .ok, "\(route): GET \(location) answered \(shown.status)", sourceLocation: sourceLocation)
        #expect(
            shown.body.contains("<div class=\"success\" role=\"status\">"), "\(route): \(location) shows no success box",
            sourceLocation: sourceLocation)
        covered.insert(route)
        return String(location.prefix { $0 != "?" })
    }

    func form(
        _ route: String, _ browser: Browser, _ path: String, _ fields: [String: String] = [:], from page: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        try await form(route, browser, path, fields.map { ($0.key, $0.value) }, from: page, sourceLocation: sourceLocation)
    }

    func user(_ email: String) async throws -> UserModel {
        try #require(try await UserModel.query(on: app.db).filter(\.$email == email).first())
    }

    var max: Browser!
    var founder: Browser!
    var pia: Browser!
    var itemID = ""
    var organisationID = ""
    let programme = "prg-programm"

    func accounts() async throws {
        let visitor = Browser(app)
        try await form(
            "/registrieren", visitor, "/registrieren",
            ["name": "Neue Person", "email": "neu@aufwind.example", "password": "ein-langes-passwort", "nutzungsbedingungen": "ja"],
            from: "/registrieren")
        try await form("/bestaetigung-erneut", visitor, "/bestaetigung-erneut", ["email": "neu@aufwind.example"], from: "/bestaetigung-erneut")
        try await form("/passwort-vergessen", visitor, "/passwort-vergessen", ["email": "neu@aufwind.example"], from: "/passwort-vergessen")
        let vera = try await AccountFixture.user("vera@aufwind.example", on: app)
        let token = try await AccountTokens.issue(for: vera, purpose: .resetPassword, now: app.now, on: app.db)
        try await form(
            "/passwort-neu", visitor, "/passwort-neu", ["token": token, "password": "veras-neues-passwort"], from: "/passwort-neu?token=\(token)")

        let piaUser = try await AccountFixture.user("pia@aufwind.example", on: app)
        pia = try await AccountFixture.signedIn(piaUser, app: app)
        try await form(
            "/konto/passwort", pia, "/konto/passwort", ["passwort": "passwort-pia@aufwind.example", "neu": "pias-neues-passwort"], from: "/konto")
        try await form("/konto/kontaktkarte", pia, "/konto/kontaktkarte", ["emailzeigen": "ja"], from: "/konto")
        try await form(
            "/konto/email", pia, "/konto/email", ["email": "pia.neu@aufwind.example", "passwort": "pias-neues-passwort"], from: "/konto")
        var cadences = Dictionary(uniqueKeysWithValues: NotificationCategory.allCases.map { ($0.rawValue, "sofort") })
        cadences["nachrichten"] = "taeglich"
        try await form("/konto/benachrichtigungen", pia, "/konto/benachrichtigungen", cadences, from: "/konto/benachrichtigungen")
        try await pia.submit("/konto/tokens", ["name": "Auswertung", "tage": "30", "rechte": "lesen"], expect: [.ok])
        let apiToken = try #require(try await APITokenModel.query(on: app.db).first()?.id)
        try await form("/konto/tokens/:id/widerrufen", pia, "/konto/tokens/\(apiToken)/widerrufen", from: "/konto/tokens")
        let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: app.db))
        let unsubscribe = "/abmelden/" + links.token(for: try piaUser.requireID(), categories: [.nachrichten])
        try await form("/abmelden/:token", Browser(app), unsubscribe, from: unsubscribe)
        let before = try await AccountFixture.user("olaf@aufwind.example", terms: .never, on: app)
        try await form(
            "/nutzungsbedingungen/zustimmen", try await AccountFixture.signedIn(before, app: app), "/nutzungsbedingungen/zustimmen",
            ["fassung": String(app.termsOfUse.currentVersion), "zurueck": "/konto"], from: "/nutzungsbedingungen/zustimmen?zurueck=/konto")
        try await form(
            "/kontakt", visitor, "/kontakt",
            ["name": "Neue Person", "email": "neu@aufwind.example", "betreff": "Frage", "nachricht": "Wie lade ich meine Nachbarkommune ein?"],
            from: "/kontakt")
    }

    func memberships() async throws {
        let maxUser = try await AccountFixture.user("max@ahlen.de", on: app)
        max = try await AccountFixture.signedIn(maxUser, app: app)
        try await form(
            "/konto/organisationen", max, "/konto/organisationen", ["kommune": T.ahlen, "nachricht": "Hauptamt"], from: "/konto/organisationen")
        let received = try #require(try await NotificationModel.query(on: app.db).filter(\.$userID == maxUser.requireID()).first()?.id)
        try await form("/benachrichtigungen/:id/gelesen", max, "/benachrichtigungen/\(received)/gelesen", from: "/benachrichtigungen")
        try await form("/benachrichtigungen/gelesen", max, "/benachrichtigungen/gelesen", from: "/benachrichtigungen")
        let request = try await AccountFixture.membership(of: maxUser, in: T.ahlen, on: app)
        let members = "/kommunen/\(T.ahlen)/mitglieder"
        try await form(
            "/mitgliedschaften/:id/entscheidung", anna, "/mitgliedschaften/\(request.id!)/entscheidung", ["entscheidung": "annehmen"], from: members)
        try await form("/mitgliedschaften/:id/rolle", anna, "/mitgliedschaften/\(request.id!)/rolle", ["rolle": "verwalter"], from: members)
        try await form("/konto/regionen", max, "/konto/regionen", ["region": "05570", "nachricht": "Kreisverwaltung"], from: "/konto/organisationen")
        let profile = "/kommunen/\(T.ahlen)/profil"
        try await form(
            "/kommunen/:key/profil", anna, profile,
            [("beschreibung", "Wir suchen Partner."), ("handlungsfelder[]", Handlungsfeld.schuleBildung.rawValue), ("version", "0")], from: profile)
        try await form("/kommunen/:key/einstellungen", anna, "/kommunen/\(T.ahlen)/einstellungen", ["schwelle": "80"], from: profile)

        founder = try await AccountFixture.signedIn(try await AccountFixture.user("gruenderin@schulsoft.de", on: app), app: app)
        try await form(
            "/organisationen/neu", founder, "/organisationen/neu", ["art": "anbieter", "name": "Schulsoft eG", "beschreibung": "Software"],
            from: "/organisationen/neu")
        organisationID = try #require(try await OrganisationModel.query(on: app.db).first()?.id).uuidString
        try await form(
            "/organisationen/:id/entscheidung", admin, "/organisationen/\(organisationID)/entscheidung", ["entscheidung": "annehmen"],
            from: "/admin/warteschlange")
        try await form("/organisationen/:id/beitreten", max, "/organisationen/\(organisationID)/beitreten", from: "/organisationen/\(organisationID)")
    }

    func itemsAndCooperations() async throws {
        let created = try await form(
            "/eintraege", anna, "/eintraege",
            ItemFixture.form(kind: .vorhaben, title: "Gemeinsamer Bauhof", town: T.ahlen, status: .partnerGesucht), from: "/eintraege/neu")
        itemID = String(created.split(separator: "/").last ?? "")
        let item = "/eintraege/\(itemID)"
        try await form(
            "/eintraege/:id/bearbeiten", anna, item + "/bearbeiten",
            ItemFixture.form(kind: .vorhaben, title: "Gemeinsamer Bauhof 2027", town: T.ahlen, status: .partnerGesucht) + [("version", "1")],
            from: item + "/bearbeiten")
        try await form("/eintraege/:id/interesse", olga, item + "/interesse", ["kommune": T.oelde, "nachricht": "Wir machen mit."], from: item)
        let interest = try #require(try await InterestRequestModel.query(on: app.db).first()?.id)
        let thread = try await form(
            "/anfragen/:id/entscheidung", anna, "/anfragen/\(interest)/entscheidung", ["entscheidung": "annehmen"], from: "/anfragen")
        try await form(
            "/kooperationen/:id/nachrichten", olga, thread + "/nachrichten", ["kommune": T.oelde, "nachricht": "Wann treffen wir uns?"], from: thread)
    }

    func solutions() async throws {
        let fields: [(String, String)] = [
            ("name", "Schulcloud Münsterland"), ("kurzbeschreibung", "Lernplattform für Grundschulen"),
            ("beschreibung", "Eine Lernplattform, betrieben in deutschen Rechenzentren."), ("handlungsfelder[]", "schule-bildung"),
            ("lizenz", "proprietaer"), ("betrieb[]", "saas"), ("eu_hosting", "ja"),
        ]
        let organisation = organisationID.lowercased()
        let created = try await form(
            "/loesungen", founder, "/loesungen", fields + [("herausgeber", "anbieter:\(organisation)")], from: "/loesungen/neu")
        try await form(
            "/loesungen/:id/bearbeiten", founder, created + "/bearbeiten", fields + [("version", "2.0"), ("revision", "1")],
            from: created + "/bearbeiten")
        try await form("/loesungen/:id/referenzen", founder, created + "/referenzen", ["kommune": T.ahlen, "stand": "im-einsatz"], from: created)
        let proposal = try #require(try await SolutionReferenceModel.query(on: app.db).first()?.id)
        try await form(
            "/loesungen/referenzen/:reference/entscheidung", anna, "/loesungen/referenzen/\(proposal)/entscheidung",
            ["entscheidung": "bestaetigen", "stand": "im-einsatz", "seit": "2024"], from: "/loesungen/referenzen")
        try await form(
            "/loesungen/referenzen/:reference/erneuern", anna, "/loesungen/referenzen/\(proposal)/erneuern", ["stand": "in-erprobung"],
            from: "/loesungen/referenzen")
        try await form("/loesungen/:id/nutzung", olga, created + "/nutzung", ["kommune": T.oelde, "stand": "geplant", "fragen": "ja"], from: created)
        try await form(
            "/loesungen/referenzen/:reference/entfernen", anna, "/loesungen/referenzen/\(proposal)/entfernen", from: "/loesungen/referenzen")

        // An Anbieter answers a Bedarf; the town writes, marks it "passt nicht" and switches answers off.
        let need = try await form(
            "/eintraege", anna, "/eintraege", ItemFixture.form(kind: .bedarf, title: "Lernplattform gesucht", town: T.ahlen), from: "/eintraege/neu")
        let solution = String(created.split(separator: "/").last ?? "")
        try await form(
            "/eintraege/:id/antworten", founder, need + "/antworten",
            ["loesung": solution, "text": "Die Schulcloud ist eine Lernplattform für Grundschulen."], from: need)
        let answer = try #require(try await NeedAnswerModel.query(on: app.db).first()).path
        try await form("/antworten/:answer/nachrichten", anna, answer + "/nachrichten", ["nachricht": "Was kostet das?"], from: answer)
        try await form("/antworten/:answer/passt-nicht", anna, answer + "/passt-nicht", ["begruendung": "Zu teuer."], from: answer)
        try await form("/eintraege/:id/antworten/einstellung", anna, need + "/antworten/einstellung", ["antworten": "aus"], from: need)

        // Anna reports the solution; the administration hides it; its author objects; another administrator lifts it.
        try await form(
            "/meldungen", anna, "/meldungen", ["art": "loesung", "id": solution, "grund": "irrefuehrend", "text": "Verspricht zu viel."],
            from: "/meldungen/neu?art=loesung&id=\(solution)")
        let report = try #require(try await ModerationCaseModel.query(on: app.db).first())
        try await form(
            "/admin/moderation/:case/entscheidung", admin, report.adminPath + "/entscheidung",
            [
                "entscheidung": "verbergen", "grundlage": "nutzungsbedingungen", "rechtsgrundlage": "Nutzungsbedingungen Nr. 4",
                "begruendung": "Die Angaben sind irreführend.", "tatsachen": "Zwei Funktionen gibt es nicht.",
            ], from: report.adminPath)
        try await form(
            "/moderation/:case/einspruch", founder, report.decisionPath + "/einspruch", ["einspruch": "Beide Funktionen gibt es seit Version 2."],
            from: report.decisionPath)
        let other = try await AccountFixture.signedIn(try await AccountFixture.user("admin2@aufwind.de", admin: true, on: app), app: app)
        try await form(
            "/admin/moderation/:case/einspruch", other, report.adminPath + "/einspruch",
            ["entscheidung": "aufgehoben", "begruendung": "Die Funktionen sind belegt."], from: report.adminPath)
    }

    func funding() async throws {
        let facts = """
            {"id": "\(programme)", "name": "PRG-Programm", "themes": [], "source_urls": ["https://example.org/prg"], "source_date": "2025-01-01"}
            """
        let rules = "{\"id\": \"\(programme)\", \"regeln\": []}"
        try await form("/foerderprogramme/neu", admin, "/foerderprogramme/neu", ["angaben": facts, "regeln": rules], from: "/foerderprogramme/neu")
        let version = try #require(try await FundingProgrammeModel.find(programme, on: app.db)?.version)
        let edit = "/foerderprogramme/\(programme)/bearbeiten"
        try await form(
            "/foerderprogramme/:id/bearbeiten", admin, edit,
            ["angaben": facts.replacingOccurrences(of: "PRG-Programm", with: "PRG-Programm 2027"), "regeln": rules, "version": String(version)],
            from: edit)
        try await form(
            "/foerderprogramme/:id/verbund", anna, "/foerderprogramme/\(programme)/verbund",
            ["mitglieder": "\(T.ahlen),\(T.oelde)", "fuehrung": T.ahlen, "name": "Verbund aus dem Programm"], from: "/foerderprogramme/\(programme)")
    }

    func verbund() async throws {
        let path = try await form("/verbuende", anna, "/verbuende", ["eintrag": itemID, "name": "Bauhof-Verbund"], from: "/eintraege/\(itemID)")
        let verbundID = try #require(UUID(uuidString: String(path.split(separator: "/").last ?? "")))
        try await form(
            "/verbuende/:id/bearbeiten", anna, path + "/bearbeiten",
            ["name": "Bauhof-Verbund", "beschreibung": "Ein Bauhof für zwei.", "version": "1"],
            from: path + "/bearbeiten")
        try await form("/verbuende/:id/einladungen", anna, path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"], from: path)
        func member(_ key: String) async throws -> UUID {
            try #require(
                try await VerbundMemberModel.query(on: app.db).filter(\.$verbundID == verbundID).filter(\.$memberKey == key).first()?.id)
        }
        try await form(
            "/verbuende/:id/mitglieder/:mid/entscheidung", olga, path + "/mitglieder/\(try await member(T.oelde))/entscheidung",
            ["entscheidung": "annehmen"], from: path)
        try await anna.submit(path + "/einladungen", ["mitglied": T.warendorf, "rolle": "partner"], from: path, expect: [.seeOther])
        // nobody of Warendorf is on Aufwind: the lead adds the Rathaus' address afterwards
        try await form(
            "/verbuende/:id/mitglieder/:mid/email", anna, path + "/mitglieder/\(try await member(T.warendorf))/email",
            ["email": "rathaus@warendorf.de"], from: path)
        try await form(
            "/verbuende/:id/mitglieder/:mid/zurueckziehen", anna, path + "/mitglieder/\(try await member(T.warendorf))/zurueckziehen", from: path)
        try await form("/verbuende/:id/programm", anna, path + "/programm", ["programm": programme], from: path)
        try await form("/verbuende/:id/status", anna, path + "/status", ["status": "antrag-in-vorbereitung"], from: path)
        try await form(
            "/verbuende/:id/termine", anna, path + "/termine",
            ["art": "frist", "titel": "Antrag einreichen", "datum": EventFixture.day(30), "verantwortlich": T.ahlen], from: path)
        let date = try #require(try await VerbundDateModel.query(on: app.db).filter(\.$verbundID == verbundID).first()?.id)
        try await form("/verbuende/:id/termine/:did/erledigt", anna, path + "/termine/\(date.uuidString.lowercased())/erledigt", from: path)
    }

    func event() async throws {
        let path = try await form(
            "/veranstaltungen", anna, "/veranstaltungen",
            [
                "veranstalter": "kommune:\(T.ahlen)", "titel": "Barcamp Westfalen", "beschreibung": "Themen setzen wir selbst.",
                "erster_tag": EventFixture.day(7), "letzter_tag": EventFixture.day(8), "ort": "Ahlen, Rathaus", "online": "", "plaetze": "10",
                "tische": "2",
            ], from: "/veranstaltungen/neu")
        let eventID = try #require(UUID(uuidString: EventFixture.id(path)))
        try await form("/veranstaltungen/:id/raeume", anna, path + "/raeume", ["name": "Saal", "kapazitaet": "40"], from: path)
        try await form(
            "/veranstaltungen/:id/zeitfenster", anna, path + "/zeitfenster",
            ["tag": EventFixture.day(7), "von": "10:00", "bis": "10:45", "art": "session"],
            from: path)
        for (from, to, kind) in [
            ("11:00", "11:45", "session"), ("14:00", "14:20", "treffen"), ("14:30", "14:50", "treffen"), ("16:00", "16:30", "session"),
        ] {
            try await anna.submit(
                path + "/zeitfenster", ["tag": EventFixture.day(7), "von": from, "bis": to, "art": kind], from: path, expect: [.seeOther])
        }
        let slots = try await EventSlotModel.query(on: app.db).filter(\.$eventID == eventID).sort(\.$startMinute).all()
        let lastSlot = try #require(slots.last?.id).uuidString.lowercased()
        try await form("/veranstaltungen/:id/zeitfenster/:slot/entfernen", anna, path + "/zeitfenster/\(lastSlot)/entfernen", from: path)
        try await form("/veranstaltungen/:id/anmeldung", anna, path + "/anmeldung", ["plaetze": "10", "status": "offen"], from: path)
        let edited = try #require(try await EventModel.find(eventID, on: app.db))
        try await form(
            "/veranstaltungen/:id/bearbeiten", anna, path + "/bearbeiten",
            [
                "version": String(edited.version), "titel": "Barcamp Westfalen 2026", "beschreibung": edited.description,
                "erster_tag": edited.firstDay,
                "letzter_tag": edited.lastDay, "ort": "Ahlen, Stadthalle", "online": "", "plaetze": "10", "tische": "2",
            ], from: path + "/bearbeiten")
        try await anna.submit(path + "/raeume", ["name": "Keller", "kapazitaet": "10"], from: path, expect: [.seeOther])
        let cellar = try #require(try await EventRoomModel.query(on: app.db).filter(\.$eventID == eventID).filter(\.$name == "Keller").first())
        try await form(
            "/veranstaltungen/:id/raeume/:room", anna, path + "/raeume/\(cellar.key)", ["name": "Gewölbekeller", "kapazitaet": "12"],
            from: path + "/bearbeiten")
        try await form(
            "/veranstaltungen/:id/raeume/:room/entfernen", anna, path + "/raeume/\(cellar.key)/entfernen", ["sessions": "ausplanen"],
            from: path + "/raeume/\(cellar.key)/entfernen")
        try await form("/veranstaltungen/:id/anmelden", olga, path + "/anmelden", ["fuer": "kommune:\(T.oelde)"], from: path)
        try await anna.submit(path + "/anmelden", ["fuer": "kommune:\(T.ahlen)"], from: path, expect: [.seeOther])
        try await max.submit(path + "/anmelden", ["fuer": "kommune:\(T.ahlen)"], from: path, expect: [.seeOther])
        try await pia.submit(path + "/anmelden", ["fuer": "sonstige", "organisation": "Heimatverein"], from: path, expect: [.seeOther])
        try await form("/veranstaltungen/:id/abmelden", pia, path + "/abmelden", from: path)

        let sessions = path + "/sessions"
        let proposal = ["kurzbeschreibung": "Erfahrungen teilen.", "handlungsfeld": Handlungsfeld.schuleBildung.rawValue, "format": "diskussion"]
        let session =
            sessions + "/"
            + EventFixture.id(
                try await form("/veranstaltungen/:id/sessions", olga, sessions, proposal.merging(["titel": "Radwege"]) { $1 }, from: sessions))
        let spare = try await olga.submit(sessions, proposal.merging(["titel": "Ehrenamt"]) { $1 }, expect: [.seeOther])
        let maxID = try await user("max@ahlen.de").requireID().uuidString.lowercased()
        try await form("/veranstaltungen/:id/sessions/:sid/leitung", olga, session + "/leitung", ["person": maxID], from: session)
        try await form("/veranstaltungen/:id/sessions/:sid/leitung/:uid/entfernen", olga, session + "/leitung/\(maxID)/entfernen", from: session)
        try await form("/veranstaltungen/:id/sessions/:sid/verfuegbarkeit", olga, session + "/verfuegbarkeit", [(String, String)](), from: session)
        try await form("/veranstaltungen/:id/phase", anna, path + "/phase", ["phase": "abstimmen"], from: path)
        try await form("/veranstaltungen/:id/sessions/:sid/stimme", anna, session + "/stimme", ["interesse": "ja"], from: sessions)
        try await anna.submit(path + "/phase", ["phase": "planen"], from: path, expect: [.seeOther])

        let planning = path + "/planung"
        try await form("/veranstaltungen/:id/planung/optimieren", anna, planning + "/optimieren", from: planning)
        let room = try #require(try await EventRoomModel.query(on: app.db).filter(\.$eventID == eventID).first()?.id).uuidString.lowercased()
        let key = EventFixture.id(session)
        let assigned = try await EventAssignmentModel.find(UUID(uuidString: key), on: app.db)?.slotID
        let other = try #require(slots.filter { $0.kind == "session" && $0.id != assigned && $0.id!.uuidString.lowercased() != lastSlot }.first?.id)
        try await form(
            "/veranstaltungen/:id/planung/verschieben", anna, planning + "/verschieben",
            ["session": key, "zelle": "\(room)|\(other.uuidString.lowercased())"], from: planning)
        try await form("/veranstaltungen/:id/planung/festlegen", anna, planning + "/festlegen", ["session": key, "festlegen": "ja"], from: planning)
        try await form("/veranstaltungen/:id/planung/veroeffentlichen", anna, planning + "/veroeffentlichen", from: planning)
        try await form(
            "/veranstaltungen/:id/programm/:sid/merken", olga, path + "/programm/\(key)/merken", ["merken": "ja", "ansicht": "liste"],
            from: path + "/programm")
        try await form("/veranstaltungen/:id/sessions/:sid/ergebnis", olga, session + "/ergebnis", ["ergebnis": "Ein Radwegekonzept."], from: session)
        try await form("/veranstaltungen/:id/sessions/:sid/vorhaben", olga, session + "/vorhaben", ["kommune": T.oelde], from: session)
        let spareSession = sessions + "/" + EventFixture.id(spare.headers.redirectPath)
        try await form("/veranstaltungen/:id/sessions/:sid/absagen", anna, spareSession + "/absagen", from: spareSession)

        let annaID = try await user("anna@ahlen.de").requireID().uuidString.lowercased()
        let meetingSlots = slots.filter { $0.kind == "treffen" }.compactMap { $0.id?.uuidString.lowercased() }
        try #require(meetingSlots.count == 2)
        let meetings = path + "/treffen"
        try await form(
            "/veranstaltungen/:id/treffen/profil", olga, meetings + "/profil",
            [("suchen", "Radwege"), ("bieten", "Bauhof"), ("nicht[]", "\(meetingSlots[1])@\(14 * 60 + 30)-\(14 * 60 + 45)")], from: meetings)
        let windows = meetings + "/fenster"
        try await form(
            "/veranstaltungen/:id/treffen/fenster/:slot", anna, windows + "/\(meetingSlots[0])", ["laenge": "20", "tische": "3"], from: windows)
        try await form("/veranstaltungen/:id/treffen/fenster/planen", anna, windows + "/planen", from: windows)
        try await form(
            "/veranstaltungen/:id/treffen", olga, meetings,
            ["mit": annaID, "zeitfenster": meetingSlots[0], "anlass": "Radwege", "nachricht": "Kurz sprechen?"], from: meetings + "?mit=\(annaID)")
        let asked = try #require(try await MeetingModel.query(on: app.db).filter(\.$eventID == eventID).first()?.id).uuidString.lowercased()
        try await form(
            "/veranstaltungen/:id/treffen/:mid/entscheidung", anna, meetings + "/\(asked)/entscheidung", ["entscheidung": "annehmen"], from: meetings)
        try await olga.submit(
            meetings, ["mit": maxID, "zeitfenster": meetingSlots[1], "anlass": "Bauhof", "nachricht": "Später?"], from: meetings + "?mit=\(maxID)",
            expect: [.seeOther])
        let second = try #require(
            try await MeetingModel.query(on: app.db).filter(\.$eventID == eventID).filter(\.$status == MeetingModel.Status.angefragt.rawValue)
                .first()?.id)
        try await form(
            "/veranstaltungen/:id/treffen/:mid/zurueckziehen", olga, meetings + "/\(second.uuidString.lowercased())/zurueckziehen", from: meetings)

        let stage = path + "/buehne"
        let moderation = try await form(
            "/veranstaltungen/:id/buehne", anna, stage, ["titel": "Pitches am Vormittag", "sekunden": "100"], from: stage)
        let block = moderation.replacingOccurrences(of: "/moderation", with: "")
        try await form(
            "/veranstaltungen/:id/buehne/:block/pitches", anna, block + "/pitches", ["praesentiert": "Oelde", "titel": "Radwege", "person": ""],
            from: moderation)
        try await anna.submit(block + "/pitches", ["praesentiert": "Ahlen", "titel": "Bauhof", "person": ""], from: moderation, expect: [.seeOther])
        let pitch = try #require(try await PitchModel.query(on: app.db).sort(\.$title, .descending).first()?.key)
        try await form(
            "/veranstaltungen/:id/buehne/:block/pitches/:pitch/verschieben", anna, block + "/pitches/\(pitch)/verschieben", ["richtung": "runter"],
            from: moderation)
        try await form("/veranstaltungen/:id/buehne/:block/befehl", anna, block + "/befehl", ["befehl": "start"], from: moderation)

        // An Anbieter applies for a pitch, withdraws, applies again; the team accepts it into the block.
        let solution = try #require(try await SolutionModel.query(on: app.db).first()?.id).uuidString.lowercased()
        let apply = path + "/pitch-bewerbung"
        let abstract = "Die Schulcloud verbindet Grundschulen, Eltern und Schulträger – ohne eigenen Server im Rathaus."
        try await form("/veranstaltungen/:id/pitch-bewerbung", founder, apply, ["loesung": solution, "abstract": abstract], from: apply)
        let application = try #require(try await PitchApplicationModel.query(on: app.db).first()).key
        try await form(
            "/veranstaltungen/:id/pitch-bewerbung/:application/zurueckziehen", founder, apply + "/\(application)/zurueckziehen", from: apply)
        try await founder.submit(apply, ["loesung": solution, "abstract": abstract], from: apply, expect: [.seeOther])
        let review = path + "/pitch-bewerbungen"
        try await form(
            "/veranstaltungen/:id/pitch-bewerbungen/:application/entscheidung", anna, review + "/\(application)/entscheidung",
            [
                "entscheidung": "annehmen", "block": String(block.split(separator: "/").last ?? ""),
                "stand": String(try #require(try await PitchApplicationModel.query(on: app.db).first()).revision),
            ], from: review)
        let accepted = try #require(try await PitchApplicationModel.query(on: app.db).first()?.pitchID).uuidString.lowercased()
        try await form(
            "/veranstaltungen/:id/buehne/:block/pitches/:pitch/entfernen", anna, block + "/pitches/\(accepted)/entfernen", from: moderation)
    }

    func endMembershipAndAccount() async throws {
        let maxUser = try await user("max@ahlen.de")
        let membership = try await AccountFixture.membership(of: maxUser, in: T.ahlen, on: app)
        try await form("/mitgliedschaften/:id/beenden", max, "/mitgliedschaften/\(membership.id!)/beenden", from: "/konto/organisationen")
        try await form("/konto/loeschen", pia, "/konto/loeschen", ["passwort": "pias-neues-passwort"], from: "/konto")
    }
}
