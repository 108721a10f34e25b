import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Funding advice on the pages: open programmes that fit, the catalogue's order, founding a Verbund from a check")
struct FundingAdviceHTTPTests {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052"
    static let source = "https://example.org/foerderung"

    /// A programme in the catalogue's format, with its rules in the rule file's format.
    struct Planted {
        var id: String
        var name: String
        var themes: [String]
        var status: String
        var rules: [String]
    }

    static func land() -> String { #"{"id": "land", "art": "land", "laender": ["05"], "quelle": "\#(source)"}"# }
    static func deadline(_ day: String) -> String { #"{"id": "frist", "art": "frist", "bis": "\#(day)", "quelle": "\#(source)"}"# }
    static let rolling = #"{"id": "frist", "art": "frist", "laufend": true, "quelle": "\#(source)"}"#
    static let manual = #"{"id": "vorbild", "art": "manuell", "text": "Vorbildcharakter", "entscheidend": false, "quelle": "\#(source)"}"#

    /// Five programmes around an IT-security Vorhaben (Digitale Verwaltung): IKZ Test (rolling),
    /// Frist Test (deadline in 3 days), Hand Test (manual rules only), Heimat Test (Ehrenamt: off
    /// the topic, though its rules would call a NRW town eligible) and Alt Test (closed, deadline 2021).
    static func plant(_ app: Application) async throws {
        let inThreeDays = ISODay.adding(3, to: FundingDates.today(app.now))
        let programmes = [
            Planted(id: "ikz-test", name: "IKZ Test", themes: ["verwaltung_digital"], status: "open", rules: [land(), rolling]),
            Planted(id: "frist-test", name: "Frist Test", themes: ["verwaltung_digital"], status: "open", rules: [land(), deadline(inThreeDays)]),
            Planted(id: "hand-test", name: "Hand Test", themes: ["verwaltung_digital", "sicherheit"], status: "open", rules: [manual]),
            Planted(id: "heimat-test", name: "Heimat Test", themes: ["engagement_ehrenamt"], status: "open", rules: [land(), rolling]),
            Planted(id: "alt-test", name: "Alt Test", themes: ["verwaltung_digital"], status: "closed", rules: [land(), deadline("2021-12-31")]),
        ]
        for programme in programmes {
            let facts = """
                [{"id": "\(programme.id)", "name": "\(programme.name) (Richtlinie)", "short_name": "\(programme.name)", "level": "land",
                  "themes": [\(programme.themes.map { "\"\($0)\"" }.joined(separator: ", "))], "status": "\(programme.status)",
                  "source_urls": ["\(source)"], "source_date": "\(FundingDates.today(app.now))"}]
                """
            let parsed = try FundingProgramme.catalogue(Data(facts.utf8)).get()[0]
            try await FundingProgrammeModel(
                id: programme.id, facts: try FundingCatalog.factsJSON(parsed),
                rules: #"{"id": "\#(programme.id)", "regeln": [\#(programme.rules.joined(separator: ", "))]}"#
            ).create(on: app.db)
        }
        try await app.reloadFunding()
    }

    /// The programme names of a page's "Passende Programme", in their order.
    static func advised(_ body: String, after heading: String) -> [String] {
        let section = body.components(separatedBy: heading).dropFirst().first?.components(separatedBy: "</ul>").first ?? ""
        return section.matches(of: /<a href="\/foerderprogramme\/[a-z-]+">([^<]+)<\/a>/).map { String($0.output.1) }
    }

    @Test(
        "a Verbund and an item are advised only open programmes of their topic, by fit and deadline; a passed deadline drops one",
        arguments: TestDatabase.available)
    func advice(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            try await Self.plant(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let item = try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    kind: .bedarf, title: "Gemeinsame:r Informationssicherheitsbeauftragte:r", fields: [.digitaleVerwaltung], reach: .region,
                    town: Self.ahlen))
            let founded = try await anna.submit("/verbuende", ["eintrag": item], from: "/eintraege/\(item)")
            let path = founded.headers.redirectPath ?? ""

            let workspace = try await anna.get(path)
            #expect(Self.advised(workspace.body, after: "<h3>Passende Programme</h3>") == ["Frist Test", "IKZ Test", "Hand Test"])
            let section = workspace.body.components(separatedBy: "<h3>Passende Programme</h3>").last ?? ""
            #expect(section.contains("IKZ Test</a> – förderfähig") && section.contains("Hand Test</a> – von Hand zu prüfen"))
            #expect(!section.contains("Heimat Test") && !section.contains("Alt Test"))
            let itemPage = try await anna.get("/eintraege/\(item)")
            #expect(Self.advised(itemPage.body, after: "<h2>Passende Förderprogramme</h2>") == ["Frist Test", "IKZ Test", "Hand Test"])

            // four days later the deadline has passed: Frist Test is no advice any more
            app.testClock.advance(by: 4 * 86_400)
            #expect(Self.advised(try await anna.get(path).body, after: "<h3>Passende Programme</h3>") == ["IKZ Test", "Hand Test"])
            #expect(
                Self.advised(try await anna.get("/eintraege/\(item)").body, after: "<h2>Passende Förderprogramme</h2>") == ["IKZ Test", "Hand Test"])

            // a programme the lead chooses although it does not fit the topic is said to be off it
            try await anna.get(path)
            #expect(try await anna.post(path + "/programm", ["programm": "heimat-test"]).status == .seeOther)
            #expect(
                try await anna.get(path).body.contains(
                    "Heimat Test fördert Engagement &amp; Ehrenamt; der Verbund arbeitet in Digitale Verwaltung. Das Programm passt thematisch nicht zum Vorhaben."
                ))
        }
    }

    @Test("the catalogue opens with the open programmes by next deadline; closed and expired ones follow, marked", arguments: TestDatabase.available)
    func catalogueOrder(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            try await Self.plant(app)
            let visitor = Browser(app)
            let page = try await visitor.get("/foerderprogramme")
            #expect(page.body.contains("5 Programme von 5."))
            let parts = page.body.components(separatedBy: "<h2>Geschlossen oder Frist abgelaufen: 1 Programm</h2>")
            #expect(parts.count == 2)
            #expect(
                Self.advised(parts[0], after: "<h2>Offen: 4 Programme, nach der nächsten Frist</h2>") == [
                    "Frist Test", "Hand Test", "Heimat Test", "IKZ Test",
                ])
            let inThreeDays = GermanFormat.date(iso: ISODay.adding(3, to: FundingDates.today(app.now)))
            #expect(parts[0].contains("<span class=\"badge\">offen bis \(inThreeDays)</span>"))
            #expect(Self.advised(parts[1], after: "</p>") == ["Alt Test"])
            #expect(parts[1].contains("<span class=\"badge badge-warn\">Frist abgelaufen am 31.12.2021</span>"))
            let onlyOpen = try await visitor.get("/foerderprogramme?offen=1&handlungsfeld=digitale-verwaltung")
            #expect(onlyOpen.body.contains("3 Programme von 5.") && !onlyOpen.body.contains("Alt Test") && !onlyOpen.body.contains("Heimat Test"))

            // the programme without checkable rules is checked by hand, never eligible
            let check = try await visitor.get("/foerderprogramme/hand-test/pruefen?mitglieder=Ahlen%2C%20Oelde")
            #expect(check.body.contains("Ergebnis: von Hand zu prüfen") && check.body.contains("keine maschinell prüfbaren Regeln"))
            let api = try await visitor.get("/api/v1/foerderprogramme/hand-test/pruefung?mitglieder=05570004,05570036")
            #expect(api.body.contains("\"urteil\":\"manuell-pruefen\"") && api.body.contains("\"regel\":\"keine-pruefbaren-regeln\""))
        }
    }

    @Test(
        "after a check, a member of one of the towns founds a Verbund with them: it leads, the others are invited, the programme is chosen",
        arguments: TestDatabase.available)
    func foundFromCheck(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            try await Self.plant(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
            let (_, wera) = try await ItemFixture.member("wera@warendorf.de", of: [Self.warendorf], app: app)
            let check = "/foerderprogramme/ikz-test/pruefen?mitglieder=Oelde%2C%20Ahlen"

            #expect(try await Browser(app).get(check).body.contains("um mit diesen Kommunen einen Verbund für dieses Programm zu gründen"))
            #expect(try await wera.get(check).body.contains("Einen Verbund mit diesen Kommunen gründen bestätigte Mitglieder einer von ihnen."))
            let offered = try await anna.get(check)
            #expect(offered.body.contains("<form class=\"stacked\" action=\"/foerderprogramme/ikz-test/verbund\" method=\"post\">"))
            #expect(
                offered.body.contains("name=\"mitglieder\" value=\"05570036,05570004\"")
                    && offered.body.contains("name=\"fuehrung\" value=\"05570004\""))
            #expect(offered.body.contains("<button type=\"submit\">Verbund mit diesen Kommunen gründen</button>"))

            // only a member of the town that is to lead may found it
            try await wera.get("/konto")
            let foreign = try await wera.post(
                "/foerderprogramme/ikz-test/verbund", ["mitglieder": "05570036,05570004", "fuehrung": Self.ahlen, "name": "Fremd"])
            #expect(foreign.status == .forbidden)
            let anonymous = Browser(app)
            try await anonymous.get("/anmelden")
            #expect(
                try await anonymous.post("/foerderprogramme/ikz-test/verbund", ["mitglieder": Self.ahlen, "fuehrung": Self.ahlen]).status
                    == .unauthorized)
            try await anna.get(check)
            let tampered = try await anna.post(
                "/foerderprogramme/ikz-test/verbund", ["mitglieder": "05570004,99999999", "fuehrung": Self.ahlen, "name": "Bauhof"])
            #expect(
                tampered.status == .unprocessableEntity && tampered.body.contains("„99999999“ ist keine Gemeinde und kein Kreis des Verzeichnisses."))
            #expect(try await VerbundModel.query(on: app.db).count() == 0)

            try await anna.get(check)
            let founded = try await anna.post(
                "/foerderprogramme/ikz-test/verbund", ["mitglieder": "05570036,05570004", "fuehrung": Self.ahlen, "name": "IKZ Bauhof"])
            #expect(founded.status == .seeOther)
            let verbund = try #require(try await VerbundModel.query(on: app.db).first())
            #expect(verbund.name == "IKZ Bauhof" && verbund.leadKey == Self.ahlen && verbund.programmeID == "ikz-test" && verbund.itemID == nil)
            #expect(founded.headers.first(name: .location) == verbund.path + "?erfolg=verbund-gegruendet-eingeladen")
            let members = try await VerbundMemberModel.query(on: app.db).sort(\.$memberKey).all()
            #expect(members.map(\.memberKey) == [Self.ahlen, Self.oelde])
            #expect(members.map(\.statusValue) == [.accepted, .invited] && members.map(\.role) == ["konsortialfuehrung", "partner"])
            #expect(try await olga.get("/benachrichtigungen").body.contains("Ahlen lädt Sie in den Verbund „IKZ Bauhof“ ein (Partner)."))
            let workspace = try await anna.get(verbund.path)
            #expect(workspace.body.contains("<h3>Förderfähigkeit für <a href=\"/foerderprogramme/ikz-test\">IKZ Test</a></h3>"))
            // founded for the programme, the Verbund works in its Handlungsfelder
            #expect(Self.advised(workspace.body, after: "<h3>Passende Programme</h3>").contains("IKZ Test"))
        }
    }
}
