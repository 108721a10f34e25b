import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// Strings that break a page when a view forgets to escape them.
enum Hostile {
    static let markup = #""><script>alert(1)</script>"#
    static let quote = "' onmouseover='x"
    static let textarea = "</textarea><b>fett</b>"
    static let reference = "&amp;"
    static let unicode = "Grüße „Ölmühle“ ½ € ✓"
    static let scriptURL = "javascript:alert(1)"

    /// For short fields (80 characters): `label` and the markup, quote and reference payloads.
    static func field(_ label: String) -> String { "\(label)\(markup)\(quote) \(reference) Grüße" }

    /// For long text: every payload.
    static func text(_ label: String) -> String { "\(label)\(markup)\(quote)\(textarea) \(reference) \(unicode) \(scriptURL)" }

    /// What must never reach a page raw. (A quote in text is harmless and stays; an attribute
    /// broken out of its quotes is what `StrictHTMLChecker` finds.)
    static let forbiddenInPages = ["<script>alert", "<b>fett", "</textarea><b>"]
}

/// Data with a hostile string in every field a person can fill, made the way people make it
/// (through the forms), plus what no form accepts but stored data might hold (a `javascript:`
/// website), written to the database directly. Ahlen's Verwalterin Anna organises everything;
/// Olga (Oelde) takes part; the admin confirms.
struct HostileWorld {
    var anonymous: Browser
    var member: Browser
    var organiser: Browser
    var admin: Browser
    /// Values for the path parameters, by "constant/:parameter" (the constant before it).
    var parameters: [String: String]
    /// Every planted string with the field it went to: each must arrive whole on some page.
    var planted: [(field: String, value: String)] = []
    /// Pages the routes reach only with other ids than those in `parameters`.
    var morePages: [String] = ["/gemeinden/\(HostileWorld.oelde)", "/gemeinden?q=Warendorf", "/gemeinden?q=29690&von=\(HostileWorld.ahlen)"]

    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052"

    static func make(_ app: Application) async throws -> HostileWorld {
        try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
        let (annaUser, anna) = try await ItemFixture.member("anna@ahlen.de", of: [ahlen], role: "verwalter", app: app)
        let (olgaUser, olga) = try await ItemFixture.member("olga@oelde.de", of: [oelde], role: "verwalter", app: app)
        let adminUser = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
        let admin = try await AccountFixture.signedIn(adminUser, app: app)
        var world = HostileWorld(anonymous: Browser(app), member: olga, organiser: anna, admin: admin, parameters: [:])
        for user in [annaUser, olgaUser] {
            user.displayName = Hostile.field(user.displayName)
            try await user.save(on: app.db)
            world.planted.append(("Name", user.displayName))
        }
        try await world.plantTownAndItems(app)
        try await world.plantOrganisationAndMemberships(app)
        try await world.plantEvent(app)
        try await world.plantVerbund(app)
        try await world.plantFunding(app)
        world.parameters.merge(
            [
                "gemeinden/:ags": ahlen, "kreise/:ags5": "05570", "gemeindeverbaende/:ars9": "033585403", "laender/:code": "05",
                "regierungsbezirke/:code": "055", "kommunen/:key": ahlen,
                "regionen/:key": "05570", "handlungsfelder/:id": Handlungsfeld.schuleBildung.rawValue, "kreise/:key": "05570", "laender/:key": "05",
            ]
        ) { first, _ in first }
        let links = UnsubscribeLink(key: try await ServerSecret.key(ServerSecret.unsubscribeLinks, on: app.db))
        world.parameters["abmelden/:token"] = links.token(for: try olgaUser.requireID(), categories: [.nachrichten])
        return world
    }

    private mutating func plant(_ field: String, _ value: String) -> String {
        planted.append((field, value))
        return value
    }

    private mutating func plantTownAndItems(_ app: Application) async throws {
        try await organiser.submit(
            "/kommunen/\(Self.ahlen)/profil",
            pairs: [
                ("ansprechperson", plant("Ansprechperson", Hostile.field("Person"))), ("email", "rathaus@ahlen.de"),
                ("website", plant("Website", "https://www.ahlen.de/?q=\"><script>alert(1)</script>&x='y'")),
                ("beschreibung", plant("Selbstbeschreibung", Hostile.text("Profil"))), ("handlungsfelder[]", Handlungsfeld.schuleBildung.rawValue),
                ("version", "0"),
            ])
        // No form accepts a javascript: website; stored data might still hold one.
        let oelde = TownProfileModel(key: Self.oelde)
        oelde.website = Hostile.scriptURL
        oelde.description = plant("Selbstbeschreibung Oelde", Hostile.text("Oelde"))
        try await oelde.create(on: app.db)

        let item = try await ItemFixture.create(
            organiser,
            ItemFixture.form(
                kind: .vorhaben, title: plant("Titel", Hostile.field("Vorhaben")), description: plant("Beschreibung", Hostile.text("Beschreibung")),
                town: Self.ahlen, status: .partnerGesucht,
                extra: [
                    ("ansprechperson", plant("Ansprechperson Eintrag", Hostile.field("Kontakt"))),
                    ("zeitrahmen", plant("Zeitrahmen", Hostile.field("Zeit"))),
                ]))
        parameters["eintraege/:id"] = item
        let staff = try await ItemFixture.create(
            organiser,
            ItemFixture.form(
                kind: .personalAngebot, title: plant("Titel Personal", Hostile.field("Stelle")), town: Self.ahlen,
                extra: [
                    ("personal_rolle", plant("Rolle", Hostile.field("Rolle"))), ("personal_stunden", "10"),
                    ("personal_dauer", plant("Dauer", Hostile.field("Dauer"))), ("personal_form", StaffForm.abordnung.rawValue),
                    ("personal_kosten", plant("Kostenteilung", Hostile.field("Kosten"))),
                ]))
        let draft = try await ItemFixture.create(
            organiser, ItemFixture.form(title: plant("Titel Entwurf", Hostile.field("Entwurf")), town: Self.ahlen, published: false))
        morePages += ["/eintraege/\(staff)", "/eintraege/\(draft)", "/eintraege/\(staff)/bearbeiten"]

        // Oelde asks, Ahlen accepts, both write
        try await member.submit(
            "/eintraege/\(item)/interesse", ["kommune": Self.oelde, "nachricht": plant("Anfrage", Hostile.text("Anfrage"))],
            from: "/eintraege/\(item)")
        let request = try #require(try await InterestRequestModel.query(on: app.db).first())
        let accepted = try await organiser.submit("/anfragen/\(request.id!)/entscheidung", ["entscheidung": "annehmen"], from: "/anfragen")
        let thread = accepted.headers.redirectPath ?? ""
        parameters["kooperationen/:id"] = String(thread.split(separator: "/").last ?? "")
        try await member.submit(
            thread + "/nachrichten", ["kommune": Self.oelde, "nachricht": plant("Nachricht", Hostile.text("Nachricht"))], from: thread)
    }

    private mutating func plantOrganisationAndMemberships(_ app: Application) async throws {
        let founder = try await AccountFixture.user("gruenderin@schulsoft.de", on: app)
        let founderBrowser = try await AccountFixture.signedIn(founder, app: app)
        try await founderBrowser.submit(
            "/organisationen/neu",
            [
                "art": "anbieter", "name": plant("Organisation", Hostile.field("Anbieter")),
                "website": plant("Website Organisation", "https://schulsoft.example/?a=\"b\"&c=<d>"),
                "beschreibung": plant("Beschreibung Organisation", Hostile.text("Organisation")),
            ])
        let organisation = try #require(try await OrganisationModel.query(on: app.db).first())
        parameters["organisationen/:id"] = try organisation.requireID().uuidString
        try await admin.submit(
            "/organisationen/\(organisation.id!.uuidString)/entscheidung", ["entscheidung": "annehmen"], from: "/admin/warteschlange")

        // A solution of the Anbieter, a proposed reference (waiting for Oelde), a recorded one (Ahlen)
        let solution = try await founderBrowser.submit(
            "/loesungen",
            pairs: [
                ("herausgeber", "anbieter:\(organisation.id!.uuidString.lowercased())"), ("name", plant("Lösung", Hostile.field("Lösung"))),
                ("kurzbeschreibung", plant("Kurzbeschreibung", Hostile.field("Kurz"))),
                ("beschreibung", plant("Beschreibung Lösung", Hostile.text("Lösung"))), ("handlungsfelder[]", "schule-bildung"),
                ("bedarfe", plant("Bedarfe Lösung", Hostile.text("Bedarfe"))), ("lizenz", "open-source"),
                ("repository", plant("Repository", "https://code.example/?a=\"b\"&c=<d>")), ("lizenz_id", "EUPL-1.2"), ("betrieb[]", "saas"),
                ("eu_hosting", "ja"), ("preismodell", plant("Preismodell", Hostile.text("Preis"))),
                ("ansprechperson", plant("Ansprechperson Lösung", Hostile.field("Kontakt"))), ("version", "1.0"),
                ("neuerungen", plant("Neuerungen", Hostile.text("Neu"))),
            ])
        let solutionPath = solution.headers.redirectPath ?? ""
        parameters["loesungen/:id"] = String(solutionPath.split(separator: "/").last ?? "")
        parameters["anbieter/:id"] = organisation.id!.uuidString.lowercased()
        try await founderBrowser.submit(solutionPath + "/referenzen", ["kommune": Self.oelde, "stand": "im-einsatz"], from: solutionPath)
        try await organiser.submit(solutionPath + "/nutzung", ["kommune": Self.ahlen, "stand": "in-erprobung", "fragen": "ja"], from: solutionPath)
        morePages += [solutionPath + "?nahe=Oelde", "/loesungen?nahe=Ahlen&q=L%C3%B6sung"]

        // The Anbieter answers a Bedarf of Ahlen; Ahlen writes about the answer
        let need = try await ItemFixture.create(
            organiser, ItemFixture.form(kind: .bedarf, title: plant("Titel Bedarf", Hostile.field("Bedarf")), town: Self.ahlen))
        try await founderBrowser.submit(
            "/eintraege/\(need)/antworten",
            ["loesung": parameters["loesungen/:id"] ?? "", "text": plant("Antwort auf Bedarf", Hostile.text("Antwort auf den Bedarf"))],
            from: "/eintraege/\(need)")
        let answer = try #require(try await NeedAnswerModel.query(on: app.db).first())
        parameters["antworten/:answer"] = try answer.requireID().uuidString.lowercased()
        try await organiser.submit(
            answer.path + "/nachrichten", ["nachricht": plant("Nachricht zur Antwort", Hostile.text("Nachricht"))], from: answer.path)
        morePages += ["/eintraege/\(need)"]

        // Oelde reports the solution (left open); the Anbieter reports Ahlen's message, which the administration hides
        try await member.submit(
            "/meldungen",
            ["art": "loesung", "id": parameters["loesungen/:id"] ?? "", "grund": "spam", "text": plant("Meldung", Hostile.text("Meldung"))],
            from: solutionPath)
        let open = try #require(try await ModerationCaseModel.query(on: app.db).first())
        morePages += [open.adminPath, "/meldungen/neu?art=loesung&id=\(parameters["loesungen/:id"] ?? "")"]
        let message = try #require(try await NeedAnswerMessageModel.query(on: app.db).first())
        try await founderBrowser.submit(
            "/meldungen",
            ["art": "antwort-nachricht", "id": message.id!.uuidString.lowercased(), "grund": "sonstiges", "text": "Unsachlich, bitte prüfen."],
            from: answer.path)
        let decided = try #require(try await ModerationCaseModel.query(on: app.db).filter(\.$contentKind == "antwort-nachricht").first())
        try await admin.submit(
            decided.adminPath + "/entscheidung",
            [
                "entscheidung": "verbergen", "grundlage": "rechtswidrig", "rechtsgrundlage": plant("Rechtsgrundlage", Hostile.field("Gesetz")),
                "begruendung": plant("Begründung Moderation", Hostile.text("Begründung")), "tatsachen": plant("Tatsachen", Hostile.text("Tatsachen")),
            ], from: decided.adminPath)
        parameters["admin/moderation/:case"] = decided.idString
        parameters["moderation/:case"] = decided.idString

        // Open requests with messages: a town membership and a region
        let max = try await AccountFixture.user("max@ahlen.de", on: app)
        max.displayName = plant("Name Anfragende", Hostile.field("Max"))
        try await max.save(on: app.db)
        let maxBrowser = try await AccountFixture.signedIn(max, app: app)
        try await maxBrowser.submit("/konto/organisationen", ["kommune": Self.ahlen, "nachricht": plant("Mitgliedsanfrage", Hostile.field("Amt"))])
        try await maxBrowser.submit("/konto/regionen", ["region": "05570", "nachricht": plant("Regionsanfrage", Hostile.field("Region"))])
        try await organiser.submit("/konto/tokens", ["name": plant("Token", Hostile.field("Token")), "tage": "30", "rechte": "lesen"])
    }

    private mutating func plantEvent(_ app: Application) async throws {
        let created = try await organiser.submit(
            "/veranstaltungen",
            [
                "veranstalter": "kommune:\(Self.ahlen)", "titel": plant("Veranstaltung", Hostile.field("Barcamp")),
                "beschreibung": plant("Beschreibung Veranstaltung", Hostile.text("Programm")), "erster_tag": EventFixture.day(7),
                "letzter_tag": EventFixture.day(8), "ort": plant("Ort", Hostile.field("Rathaus")), "online": "https://meet.example/?a=\"b\"",
                "plaetze": "10", "tische": "2",
            ], from: "/veranstaltungen/neu")
        let path = created.headers.redirectPath ?? ""
        parameters["veranstaltungen/:id"] = EventFixture.id(path)
        try await organiser.submit(path + "/raeume", ["name": plant("Raum", Hostile.field("Saal")), "kapazitaet": "40"], from: path)
        let eventID = try #require(UUID(uuidString: EventFixture.id(path)))
        parameters["raeume/:room"] = try await EventRoomModel.query(on: app.db).filter(\.$eventID == eventID).first()?.key
        for (from, to, kind) in [("10:00", "10:45", "session"), ("11:00", "11:45", "session"), ("14:00", "14:20", "treffen")] {
            try await organiser.submit(path + "/zeitfenster", ["tag": EventFixture.day(7), "von": from, "bis": to, "art": kind], from: path)
        }
        for (browser, choice) in [(organiser, "kommune:\(Self.ahlen)"), (member, "kommune:\(Self.oelde)")] {
            try await browser.submit(path + "/anmelden", ["fuer": choice], from: path)
        }
        try await admin.submit(
            path + "/anmelden", ["fuer": "sonstige", "organisation": plant("Organisation Anmeldung", Hostile.field("Verein"))], from: path)
        let sessions = path + "/sessions"
        let proposed = try await member.submit(
            sessions,
            [
                "titel": plant("Session", Hostile.field("Session")), "kurzbeschreibung": plant("Kurzbeschreibung", Hostile.text("Kurz")),
                "handlungsfeld": Handlungsfeld.schuleBildung.rawValue, "format": "diskussion",
            ])
        let session = EventFixture.id(proposed.headers.redirectPath)
        parameters["sessions/:sid"] = session
        try await organiser.submit(path + "/phase", ["phase": "abstimmen"], from: path)
        try await organiser.submit(sessions + "/\(session)/stimme", ["interesse": "ja"], from: sessions)
        try await organiser.submit(path + "/phase", ["phase": "planen"], from: path)
        try await organiser.submit(path + "/planung/optimieren", [:], from: path + "/planung")
        try await organiser.submit(path + "/planung/veroeffentlichen", [:], from: path + "/planung")
        try await organiser.submit(path + "/programm/\(session)/merken", ["merken": "ja"], from: path + "/programm")
        // The "Mein Programm" calendar answers only to its signed address.
        let organiserID = try #require(try await UserModel.query(on: app.db).filter(\.$email == "anna@ahlen.de").first()?.id)
        let feeds = ProgrammeFeedLink(key: try await ServerSecret.key(ServerSecret.programmeFeeds, on: app.db))
        parameters["mein-programm/:token"] = feeds.token(for: organiserID, event: try #require(UUID(uuidString: EventFixture.id(path)))) + ".ics"
        try await member.submit(
            sessions + "/\(session)/ergebnis", ["ergebnis": plant("Ergebnis", Hostile.text("Ergebnis"))], from: sessions + "/\(session)")

        let block = try await organiser.submit(path + "/buehne", ["titel": plant("Bühnenblock", Hostile.field("Block")), "sekunden": "100"])
        let blockPath = (block.headers.redirectPath ?? "").replacingOccurrences(of: "/moderation", with: "")
        parameters["buehne/:block"] = String(blockPath.split(separator: "/").last ?? "")
        try await organiser.submit(
            blockPath + "/pitches",
            ["praesentiert": plant("Pitch von", Hostile.field("Startup")), "titel": plant("Pitch", Hostile.field("Pitch")), "person": ""],
            from: blockPath + "/moderation")
        // The Anbieter applies for a pitch with its solution and the Bedarf it answered; the team accepts it into the block.
        let founder = try #require(try await UserModel.query(on: app.db).filter(\.$email == "gruenderin@schulsoft.de").first())
        let founderBrowser = try await AccountFixture.signedIn(founder, app: app)
        let need = try #require(try await NeedAnswerModel.query(on: app.db).first()).itemID.uuidString.lowercased()
        try await founderBrowser.submit(
            path + "/pitch-bewerbung",
            pairs: [
                ("loesung", parameters["loesungen/:id"] ?? ""), ("bedarfe[]", need),
                ("abstract", plant("Pitch-Abstract", "Kurz gesagt: " + Hostile.field("Abstract") + " – in hundert Sekunden.")),
            ], from: path + "/pitch-bewerbung")
        let application = try #require(try await PitchApplicationModel.query(on: app.db).first())
        try await organiser.submit(
            path + "/pitch-bewerbungen/\(application.key)/entscheidung",
            ["entscheidung": "annehmen", "block": parameters["buehne/:block"] ?? "", "stand": String(application.revision)],
            from: path + "/pitch-bewerbungen")

        let annaID = try #require(try await UserModel.query(on: app.db).filter(\.$email == "anna@ahlen.de").first()?.id).uuidString.lowercased()
        let meetingSlot = try #require(try await EventSlotModel.query(on: app.db).filter(\.$kind == "treffen").first()?.id).uuidString.lowercased()
        try await member.submit(
            path + "/treffen",
            [
                "mit": annaID, "zeitfenster": meetingSlot, "anlass": plant("Anlass", Hostile.field("Anlass")),
                "nachricht": plant("Treffen", Hostile.text("Treffen")),
            ], from: path + "/treffen?mit=\(annaID)")
        try await member.submit(
            path + "/treffen/profil",
            ["suchen": plant("Wir suchen", Hostile.text("Suchen")), "bieten": plant("Wir bieten", Hostile.text("Bieten"))], from: path + "/treffen")
        // The organiser accepts: the meeting has a time and a table in both plans and calendars.
        let meeting = try #require(try await MeetingModel.query(on: app.db).first()?.id).uuidString.lowercased()
        try await organiser.submit(path + "/treffen/\(meeting)/entscheidung", ["entscheidung": "annehmen"], from: path + "/treffen")
        let meetingFeeds = ProgrammeFeedLink(key: try await ServerSecret.key(ServerSecret.programmeFeeds, on: app.db), feed: .meetings)
        parameters["meine-treffen/:token"] =
            meetingFeeds.token(for: organiserID, event: try #require(UUID(uuidString: EventFixture.id(path)))) + ".ics"
    }

    private mutating func plantVerbund(_ app: Application) async throws {
        let item = parameters["eintraege/:id"] ?? ""
        let name = plant("Verbund", Hostile.field("Verbund"))
        let founded = try await organiser.submit("/verbuende", ["eintrag": item, "name": name], from: "/eintraege/\(item)")
        let path = founded.headers.redirectPath ?? ""
        parameters["verbuende/:id"] = String(path.split(separator: "/").last ?? "")
        try await organiser.submit(
            path + "/bearbeiten", ["name": name, "beschreibung": plant("Verbund-Beschreibung", Hostile.text("Verbund")), "version": "1"],
            from: path + "/bearbeiten")
        try await organiser.submit(path + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"], from: path)
        try await organiser.submit(
            path + "/einladungen",
            ["art": "zweckverband", "mitglied": plant("Zweckverband", Hostile.field("Zweckverband")), "land": "05", "rolle": "partner"], from: path)
        try await organiser.submit(
            path + "/termine",
            ["art": "frist", "titel": plant("Termin", Hostile.field("Termin")), "datum": EventFixture.day(30), "verantwortlich": Self.ahlen],
            from: path)
        // Calendar feeds answer only to their secret; fixed here so the feeds can be visited.
        let verbund = try #require(try await VerbundModel.find(UUID(uuidString: parameters["verbuende/:id"] ?? ""), on: app.db))
        verbund.calendarTokenHash = SecureToken.hash("verbund-geheimnis")
        try await verbund.save(on: app.db)
        try await TownCalendarModel(townKey: Self.ahlen, tokenHash: SecureToken.hash("kommune-geheimnis")).create(on: app.db)
        parameters["verbuende/:token"] = "verbund-geheimnis.ics"
        parameters["kommunen/:token"] = "kommune-geheimnis.ics"
    }

    private mutating func plantFunding(_ app: Application) async throws {
        let programme = HostileCatalogue.programme(
            id: "feindlich", name: plant("Programm", Hostile.field("Programm")), summary: plant("Zusammenfassung", Hostile.text("Programm")),
            sourceURL: Hostile.scriptURL)
        let parsed = try FundingProgramme.catalogue(Data("[\(programme)]".utf8)).get()
        for entry in parsed {
            try await FundingProgrammeModel(
                id: entry.id, facts: try FundingCatalog.factsJSON(entry), rules: "{\n  \"id\" : \"\(entry.id)\",\n  \"regeln\" : [\n\n  ]\n}"
            ).create(on: app.db)
        }
        try await app.reloadFunding()
        parameters["foerderprogramme/:id"] = "feindlich"
        parameters["assets/:file"] = String(SiteAsset.stylesheet.path.split(separator: "/").last ?? "")
    }
}

/// A one-programme catalogue in the format of `foerderprogramme.json`.
enum HostileCatalogue {
    static func programme(id: String, name: String, summary: String, sourceURL: String) -> String {
        func json(_ text: String) -> String {
            String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
        }
        return """
            {"id": \(json(id)), "name": \(json(name)), "short_name": \(json(name)), "funder": \(json(name)), "level": "land",
             "land": "Nordrhein-Westfalen", "themes": ["verwaltung_digital"], "funding_type": \(json(name)),
             "eligible_applicants": [\(json(name))], "joint_application": "required", "joint_rules": \(json(summary)),
             "population_limits": null, "funding_rate": {"min_percent": null, "max_percent": 90, "notes": \(json(summary))},
             "max_amount_eur": null, "min_amount_eur": null, "deadlines": [\(json(name))], "status": "open", "summary": \(json(summary)),
             "source_urls": [\(json(sourceURL)), "https://example.org/?a=\\"b\\"&c=<d>"], "source_date": "2024-11-15", "checked": "2024-11-15",
             "notes": \(json(summary))}
            """
    }
}
