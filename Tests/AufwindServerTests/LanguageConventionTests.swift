import AufwindCore
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// The conventions of `docs/sprache.md` that a machine can check, on the rendered pages of a
/// small world (`SnapshotWorld`, plus a programme with rules): no jargon, no official name
/// suffixes in the text, the register's kind after a town's name, iCal, Frab and Atom explained,
/// and counts in the right number.
@Suite("Language conventions on the pages (docs/sprache.md)")
struct LanguageConventionTests {
    static let programme = "sprache-test"
    static let source = "https://example.org/sprache"

    @Test(
        "pages show no rule ids, no Konsortialführung, no \", Stadt\", no \"(Gemeinde)\" after a Stadt; iCal, Frab and Atom explained; singular after 1",
        arguments: TestDatabase.available)
    func pagesFollowTheConventions(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let world = try await SnapshotWorld.make(app)
            try await Self.plantRules(app)
            let anonymous = Browser(app)
            let check = "/foerderprogramme/\(Self.programme)/pruefen?mitglieder=Ahlen%2C+Oelde%2C+05570&fuehrung=Ahlen"
            let pages: [(browser: Browser, path: String)] = [
                (anonymous, "/"), (anonymous, "/gemeinden"), (anonymous, "/gemeinden/\(SnapshotWorld.ahlen)"),
                (anonymous, "/kreise/05570"), (anonymous, "/kreise/05515"), (anonymous, "/laender/05"), (anonymous, "/eintraege"),
                (world.member, world.itemPath), (world.organiser, "/kommunen/\(SnapshotWorld.ahlen)/passt-zu-uns"),
                (anonymous, "/foerderprogramme"), (anonymous, "/foerderprogramme/\(Self.programme)"), (anonymous, check),
                (world.organiser, world.verbundPath), (world.organiser, "/kommunen/\(SnapshotWorld.ahlen)/mitglieder"),
                (world.member, world.eventPath), (world.organiser, world.eventPath + "/planung"), (world.member, world.eventPath + "/sessions"),
                (anonymous, world.eventPath + "/programm"), (world.member, world.eventPath + "/agenda"), (world.organiser, "/mein-aufwind"),
                (world.organiser, "/konto"), (world.organiser, "/konto/tokens"), (anonymous, "/hilfe"),
                (anonymous, "/nutzungsbedingungen"), (anonymous, "/impressum"), (anonymous, "/datenschutz"), (anonymous, "/barrierefreiheit"),
                (anonymous, "/suche?q=Ahlen"), (anonymous, "/registrieren"),
            ]
            var findings: [String] = []
            for page in pages {
                let response = try await page.browser.get(page.path)
                #expect(response.status == .ok, "\(page.path): \(response.status)")
                findings += PageWording.findings(in: response.body).map { "\(page.path): \($0)" }
            }
            #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")

            let checked = PageWording.visibleText(try await anonymous.get(check).body)
            #expect(checked.contains("Geprüft für: Ahlen (Stadt), Oelde (Stadt), Warendorf (Landkreis)"))
            #expect(checked.contains("Ahlen (Stadt) ist nicht antragsberechtigt"))
            let rulesTable = PageWording.visibleText(try await anonymous.get("/foerderprogramme/\(Self.programme)").body)
            #expect(rulesTable.contains("Wer einen Antrag stellen darf") && rulesTable.contains("Zahl der Partner"))
        }
    }

    @Test("the scan finds what the conventions forbid")
    func scanFindsJargon() {
        let page = """
            <main><p>Konsortialführung: Ahlen, Stadt · Telgte (Gemeinde)</p><table><tr><td>ikz-partner</td><td>partnerzahl</td></tr></table>
            <a href="/x.ics">Kalender (iCal)</a> <a href="/x.xml">Frab-XML</a> <p>1 Sessions, 1 Interessierte</p>
            <p>Die Verwalter und die Teilnehmenden</p></main>
            """
        let found = PageWording.findings(in: page, ruleWords: ["ikz-partner", "partnerzahl"])
        for expected in [
            "Konsortialführung", ", Stadt", "(Gemeinde)", "ikz-partner", "partnerzahl", "iCal", "Frab", "1 Sessions", "1 Interessierte", "Verwalter",
            "Teilnehmende",
        ] {
            #expect(found.contains { $0.contains(expected) }, "\(expected) not found in \(found)")
        }
        #expect(
            PageWording.findings(
                in: """
                    <dl><dt>Amtliche Bezeichnung</dt><dd>Ahlen, Stadt</dd></dl><p>Die federführende Kommune: Ahlen (Stadt); 1 Session, \
                    2 Sessions, 1 Interessierte:r, die Verwalter:innen. Kalender-Abo (iCal) für Outlook; Für Konferenz-Apps (Frab-XML, das übliche Format); \
                    Neue Einträge abonnieren (Atom-Feed für Feedreader)</p>
                    """
            ).isEmpty)
    }

    /// A programme with an applicant rule (only Kreise) and a partner count, each with an id and a
    /// kind a page must not show.
    static func plantRules(_ app: Application) async throws {
        let facts = """
            [{"id": "\(programme)", "name": "Sprachtest (Richtlinie)", "short_name": "Sprachtest", "level": "land",
              "themes": ["verwaltung_digital"], "status": "open", "source_urls": ["\(source)"], "source_date": "2026-11-01"}]
            """
        let rules = [
            #"{"id": "nur-kreise", "art": "antragsteller", "erlaubt": ["kreis"], "quelle": "\#(source)"}"#,
            #"{"id": "partner-nrw", "art": "partnerzahl", "min": 5, "quelle": "\#(source)"}"#,
        ]
        try await FundingProgrammeModel(
            id: programme, facts: try FundingCatalog.factsJSON(try FundingProgramme.catalogue(Data(facts.utf8)).get()[0]),
            rules: #"{"id": "\#(programme)", "regeln": [\#(rules.joined(separator: ", "))]}"#
        ).create(on: app.db)
        try await app.reloadFunding()
    }
}

/// What `docs/sprache.md` forbids in the text of a page, as findings ("„1 Sessions“: …").
enum PageWording {
    /// The rule ids and kinds of `LanguageConventionTests.plantRules`.
    static let plantedRuleWords = ["nur-kreise", "partner-nrw", "partnerzahl", "antragsteller"]

    private static let forbidden: [(pattern: String, why: String)] = [
        (#"Konsortialführung|Lead-Partner|\bLead\b"#, "„federführende Kommune“ statt Konsortialführung/Lead"),
        (#"\w, (Stadt|St|Landeshauptstadt|Hansestadt|GKSt|Flecken)\b"#, "Namen ohne amtlichen Zusatz („Ahlen“, nicht „Ahlen, Stadt“)"),
        // Every town of the test register is a Stadt (Textkennzeichen 61 or 63): "(Gemeinde)" after
        // one of them is the member type, not the register's kind.
        (#"\(Gemeinde\)"#, "Art aus dem Verzeichnis („Telgte (Stadt)“), nicht „(Gemeinde)“"),
        (#"(?<!Kalender-Abo )(?<!Kalenderdatei )\(iCal\)|iCal-|(?<![(])\biCal\b(?!\))"#, "„Kalender-Abo (iCal)“ oder „Kalenderdatei (iCal)“"),
        (#"(?<![(])Frab"#, "Frab nur erklärt, in Klammern"),
        (
            #"\b1 (Sessions|Plätze|Stunden|Minuten|Tage|Interessierte\b(?!:)|Gemeinden|Kreise|Mitglieder|Einträge|Anfragen|Kooperationen|Personen)\b"#,
            "Einzahl nach 1"
        ),
        (#"\bVerwalter\b(?!:)|Teilnehmende|\b(\w+)innen und \w+\b"#, "Personen im Doppelpunkt-Format („Verwalter:in“)"),
    ]

    static func findings(in html: String, ruleWords: [String] = plantedRuleWords) -> [String] {
        let text = visibleText(html)
        var found: [String] = []
        for (pattern, why) in forbidden {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.append("„\(context(text, match.range))“: \(why)")
            }
        }
        for word in ruleWords {
            let regex = try! NSRegularExpression(pattern: "(?<![\\w-])" + NSRegularExpression.escapedPattern(for: word) + "(?![\\w-])")
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.append("„\(context(text, match.range))“: Regel-ID oder Regelart auf der Seite")
            }
        }
        let atom = try! NSRegularExpression(pattern: "Atom-Feed")
        for match in atom.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let around = context(text, match.range, width: 80)
            if !around.contains("bonnieren") { found.append("„\(around)“: Atom nur mit „abonnieren“ erklärt") }
        }
        return found
    }

    /// The text a person reads: without tags, scripts and styles, entities decoded, and without
    /// the one place where the official designation belongs ("Amtliche Bezeichnung").
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in [
            #"<dt>Amtliche Bezeichnung</dt>\s*<dd>[^<]*</dd>"#, #"<script\b[^>]*>[\s\S]*?</script>"#, #"<style\b[^>]*>[\s\S]*?</style>"#,
            #"<[^>]+>"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    private static func context(_ text: String, _ range: NSRange, width: Int = 30) -> String {
        let ns = text as NSString
        let start = max(0, range.location - width)
        let end = min(ns.length, range.location + range.length + width)
        return ns.substring(with: NSRange(location: start, length: end - start))
    }
}
