import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// Fixed data for the page snapshots, made through the forms: Ahlen (Verwalterin Anna) with a
/// profile, a Vorhaben and a Bedarf; Oelde (Olga) with a Bedarf; a Verbund on Ahlen's Vorhaben
/// with Oelde and a programme of a one-programme catalogue; a barcamp on fixed dates in 2035 with
/// a room, two slots, two sessions and a published programme.
struct SnapshotWorld {
    var organiser: Browser
    var member: Browser
    var itemPath: String
    var verbundPath: String
    var eventPath: String

    static let ahlen = "05570004", oelde = "05570036"
    static let firstDay = "2035-06-12", secondDay = "2035-06-13"

    static func make(_ app: Application) async throws -> SnapshotWorld {
        try await RegisterFixture.importInto(app)
        let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [ahlen], role: "verwalter", app: app)
        let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [oelde], role: "verwalter", app: app)
        try await plantCatalogue(app)

        try await anna.submit(
            "/kommunen/\(ahlen)/profil",
            pairs: [
                ("ansprechperson", "Anna Beispiel"), ("email", "rathaus@ahlen.de"), ("website", "https://www.ahlen.de"),
                ("beschreibung", "Mittelstadt im Münsterland mit starkem Ehrenamt."), ("handlungsfelder[]", Handlungsfeld.schuleBildung.rawValue),
                ("handlungsfelder[]", Handlungsfeld.digitaleVerwaltung.rawValue), ("version", "0"),
            ])
        let item = try await ItemFixture.create(
            anna,
            ItemFixture.form(
                kind: .vorhaben, title: "Gemeinsamer Bauhof", description: "Wir bündeln Fahrzeuge und Personal mit den Nachbarn.",
                fields: [.digitaleVerwaltung], town: ahlen, status: .partnerGesucht))
        _ = try await ItemFixture.create(
            anna, ItemFixture.form(kind: .bedarf, title: "Digitale Schulverwaltung", fields: [.schuleBildung], town: ahlen))
        _ = try await ItemFixture.create(
            olga, ItemFixture.form(kind: .angebot, title: "Schulverwaltung aus der Cloud", fields: [.schuleBildung], town: oelde))

        let founded = try await anna.submit("/verbuende", ["eintrag": item, "name": "Bauhof Münsterland"], from: "/eintraege/\(item)")
        let verbundPath = founded.headers.redirectPath ?? ""
        try await anna.submit(verbundPath + "/programm", ["programm": "ikz-beispiel"], from: verbundPath)
        try await anna.submit(verbundPath + "/einladungen", ["mitglied": "Oelde", "rolle": "partner"], from: verbundPath)
        try await anna.submit(
            verbundPath + "/termine", ["art": "frist", "titel": "Antrag einreichen", "datum": "2035-03-31", "verantwortlich": ahlen],
            from: verbundPath)

        let created = try await anna.submit(
            "/veranstaltungen",
            [
                "veranstalter": "kommune:\(ahlen)", "titel": "Kleinstadt-Barcamp Westfalen", "beschreibung": "Themen setzen wir selbst.",
                "erster_tag": firstDay, "letzter_tag": secondDay, "ort": "Ahlen, Rathaus", "online": "", "plaetze": "20", "tische": "1",
            ], from: "/veranstaltungen/neu")
        let eventPath = created.headers.redirectPath ?? ""
        try await anna.submit(eventPath + "/raeume", ["name": "Ratssaal", "kapazitaet": "40"], from: eventPath)
        for (from, to) in [("10:00", "10:45"), ("11:00", "11:45")] {
            try await anna.submit(eventPath + "/zeitfenster", ["tag": firstDay, "von": from, "bis": to, "art": "session"], from: eventPath)
        }
        for (browser, town) in [(anna, ahlen), (olga, oelde)] {
            try await browser.submit(eventPath + "/anmelden", ["fuer": "kommune:\(town)"], from: eventPath)
        }
        let sessions = eventPath + "/sessions"
        for (browser, title, field) in [(olga, "Radwege gemeinsam planen", "mobilitaet"), (anna, "Digitale Schule", "schule-bildung")] {
            try await browser.submit(
                sessions, ["titel": title, "kurzbeschreibung": "Erfahrungen teilen", "handlungsfeld": field, "format": "diskussion"])
        }
        try await anna.submit(eventPath + "/phase", ["phase": "planen"], from: eventPath)
        try await anna.submit(eventPath + "/planung/optimieren", [:], from: eventPath + "/planung")
        try await anna.submit(eventPath + "/planung/veroeffentlichen", [:], from: eventPath + "/planung")
        return SnapshotWorld(organiser: anna, member: olga, itemPath: "/eintraege/\(item)", verbundPath: verbundPath, eventPath: eventPath)
    }

    /// One programme, in the format of `foerderprogramme.json`, with an empty rule set.
    private static func plantCatalogue(_ app: Application) async throws {
        let json = """
            [{"id": "ikz-beispiel", "name": "Richtlinie zur Förderung der interkommunalen Zusammenarbeit (Beispiel)",
              "short_name": "IKZ Beispiel", "funder": "Land Nordrhein-Westfalen", "level": "land", "land": "Nordrhein-Westfalen",
              "themes": ["verwaltung_digital"], "funding_type": "Zuschuss", "eligible_applicants": ["Gemeinden", "Kreise"],
              "joint_application": "required", "joint_rules": "Mindestens zwei Kommunen aus Nordrhein-Westfalen.",
              "population_limits": null, "funding_rate": {"min_percent": null, "max_percent": 90, "notes": "Festbetrag je Verbund."},
              "max_amount_eur": 175000, "min_amount_eur": null, "deadlines": ["laufend"], "status": "open",
              "summary": "Zuschuss für neue interkommunale Kooperationen.", "source_urls": ["https://www.example.org/ikz"],
              "source_date": "2024-11-15", "checked": "2024-11-15", "notes": "Beispielprogramm für Tests."}]
            """
        for programme in try FundingProgramme.catalogue(Data(json.utf8)).get() {
            try await FundingProgrammeModel(
                id: programme.id, facts: try FundingCatalog.factsJSON(programme),
                rules: "{\n  \"id\" : \"\(programme.id)\",\n  \"regeln\" : [\n\n  ]\n}"
            ).create(on: app.db)
        }
        try await app.reloadFunding()
    }
}
