import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// The exports as the programs that read them see them: the Frab XML against c3voc's
/// `schedule.xml.xsd`, the Frab JSON against c3voc's `schema.json` (both read from
/// `../shared/standards/c3voc/`, EUPL-1.2, not copied into the project), every iCalendar feed
/// through the `icalendar` package's strict parser — with `QualityChecks/validate_exports.py`.
/// Locally skipped with a message when the Python packages are missing; in CI (`.ci/run`
/// installs them) always run.
@Suite("Schedule exports: c3voc schemas and strict iCalendar")
struct ScheduleExportSchemaTests {
    static let schemas = ServerProcess.projectRoot.appendingPathComponent("../shared/standards/c3voc").standardizedFileURL
    static var validators: ConditionTrait {
        .enabled(
            if: QualityGateTests.inCI || QualityGateTests.installed("python3 -c 'import xmlschema, jsonschema, icalendar'"),
            "xmlschema, jsonschema oder icalendar fehlen (pip install xmlschema jsonschema icalendar; .ci/run installiert sie)")
    }

    enum Export {
        case frabXML(String)
        case frabJSON(String)
        case calendar(String)
    }

    /// Runs the validator over the exports; a finding fails the test with the validator's words.
    static func validate(_ exports: [(name: String, export: Export)], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-exports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["python3", "QualityChecks/validate_exports.py", "--schemas", schemas.path]
        for (index, (name, export)) in exports.enumerated() {
            let (flag, text, suffix): (String, String, String) =
                switch export {
                case .frabXML(let text): ("--frab-xml", text, "xml")
                case .frabJSON(let text): ("--frab-json", text, "json")
                case .calendar(let text): ("--ics", text, "ics")
                }
            let file = folder.appendingPathComponent("\(index)-\(name).\(suffix)")
            try Data(text.utf8).write(to: file)
            arguments += [flag, file.path]
        }
        try #require(
            FileManager.default.fileExists(atPath: schemas.appendingPathComponent("schedule.xml.xsd").path),
            "c3voc-Schemas fehlen in \(schemas.path)", sourceLocation: sourceLocation)
        let (status, output) = try await runTool(arguments)
        #expect(status != QualityGateTests.skipCode, "Export-Prüfung konnte nicht laufen: \(output)", sourceLocation: sourceLocation)
        #expect(status == 0, "Exporte ungültig:\n\(String(output.suffix(6000)))", sourceLocation: sourceLocation)
    }

    /// Titles, names and rooms as people type them, and as attackers do.
    static let hostileTitles = [
        "Dorfläden, Bürgerbus & Straßenfest", "Ärger über Öl – Übergänge", "ẞ GROSS und groß", "!!! ??? … –", "🚲🚌🌍", "-- Bindestriche --",
        "Zeile eins\nZeile zwei\r\nZeile drei", "A", "<script>alert('x')</script> & \"Zitat\" ]]>", String(repeating: "Überlänge ", count: 30),
        "\u{0007}Steuer\u{0000}zeichen\u{001B}", "日本語のタイトル", "Café crème à la française", "x\u{202E}gnp.exe", "  ", "2026",
    ]

    static func hostileSchedule() -> FrabSchedule {
        let event = UUID()
        let rooms = ["Raum „Ökologie“", "🚀 Raum\nzwei", "<Saal & Co>"].map {
            FrabSchedule.Room(name: $0, guid: FrabIdentifiers.roomGUID(event: event, room: UUID()))
        }
        return FrabSchedule(
            version: "Version 1 – „erste“", acronym: FrabIdentifiers.acronym(event: event), title: "Barcamp 🚀 <Ähm> & „Zitat“\nzweite Zeile",
            baseURL: "https://aufwind.example/veranstaltungen/\(event.uuidString.lowercased())/", firstDay: "2026-03-28", lastDay: "2026-03-30",
            rooms: rooms,
            talks: hostileTitles.enumerated().map { index, title in
                FrabSchedule.Talk(
                    guid: UUID().uuidString.lowercased(), id: index + 1, day: index % 2 == 0 ? "2026-03-28" : "2026-03-29", start: 540 + 15 * index,
                    end: 585 + 15 * index, room: rooms[index % rooms.count].name, title: title, track: "Schule & Bildung ✏️",
                    abstract: title + "\n\nmit Absatz", persons: ["Jürgen Öztürk", "🦊", "<b>fett</b>"],
                    url: "https://aufwind.example/s/\(index + 1)")
            })
    }

    @Test("hostile titles, rooms and names (umlauts, only punctuation, emoji, newlines, controls): both c3voc schemas", validators)
    func hostile() async throws {
        let schedule = Self.hostileSchedule()
        try await Self.validate([("hostile", .frabXML(schedule.xml())), ("hostile", .frabJSON(schedule.json()))])
    }

    @Test("the validator can fail: an umlaut in a slug, a missing version and an unknown conference key are refused", validators)
    func validatorCatchesTheOldDefects() async throws {
        let schedule = Self.hostileSchedule()
        let brokenXML = schedule.xml().replacingOccurrences(of: "-1-dorflaeden", with: "-1-dorfläden")
        let brokenJSON = schedule.json().replacingOccurrences(of: "\"version\": \"Version 1 – „erste“\",", with: "")
            .replacingOccurrences(of: "\"conference\": {", with: "\"conference\": {\"acronym_x\": 1,")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(brokenXML.utf8).write(to: folder.appendingPathComponent("a.xml"))
        try Data(brokenJSON.utf8).write(to: folder.appendingPathComponent("a.json"))
        #expect(brokenXML != schedule.xml())
        let (status, output) = try await runTool([
            "python3", "QualityChecks/validate_exports.py", "--schemas", Self.schemas.path, "--frab-xml", folder.appendingPathComponent("a.xml").path,
            "--frab-json", folder.appendingPathComponent("a.json").path,
        ])
        #expect(status == 1 && output.contains("slug") && output.contains("version") && output.contains("acronym_x"), "\(output)")
    }

    @Test("the demo barcamp (60 sessions, umlauts in 25 titles): programme XML, JSON and iCal valid", validators, arguments: TestDatabase.available)
    func demo(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let event = try await DemoEvent(database: app.db, threadPool: app.threadPool).generate(
                town: "05570004", townName: "Ahlen", sessions: 60, participants: 120, seed: 7, now: app.now)
            let anonymous = Browser(app)
            let xml = try await anonymous.get(event.path + "/programm.xml")
            let json = try await anonymous.get(event.path + "/programm.json")
            let ics = try await anonymous.get(event.path + "/programm.ics")
            #expect(xml.status == .ok && json.status == .ok && ics.status == .ok)
            #expect(xml.body.contains("-dorflaeden-und-nahversorgung") && !xml.body.contains("dorfläden-"))
            try await Self.validate([("demo", .frabXML(xml.body)), ("demo", .frabJSON(json.body)), ("demo", .calendar(ics.body))])
        }
    }

    @Test(
        "empty feeds are valid iCalendars: a personal agenda before any programme, a town without Verbund dates, an empty Verbund",
        validators, arguments: TestDatabase.available)
    func emptyCalendars(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.registered(app)
            let agenda = try await barcamp.olga.get(barcamp.path + "/agenda.ics")
            #expect(agenda.status == .ok && !agenda.body.contains("BEGIN:VEVENT"))

            try await barcamp.anna.get("/kommunen/\(EventFixture.ahlen)/kalender")
            let linkPage = try await barcamp.anna.post("/kommunen/\(EventFixture.ahlen)/kalender", [:])
            let link = try #require(linkPage.body.firstMatch(of: /\/kalender\/kommunen\/[A-Za-z0-9_-]+\.ics/)).output
            let town = try await Browser(app).get(String(link))
            #expect(town.status == .ok && !town.body.contains("BEGIN:VEVENT"))

            let verbund = VerbundCalendar.verbund(
                named: "Gemeinsamer Bauhof", dates: [], directory: TownDirectory(catalog: app.registerStore.catalog), link: { "/verbuende/" + $0 })
            try await Self.validate([
                ("agenda", .calendar(agenda.body)), ("town", .calendar(town.body)), ("verbund", .calendar(verbund.ics())),
            ])
        }
    }

    @Test("feeds with hostile titles and places are valid iCalendars", validators)
    func hostileCalendar() async throws {
        let start = Date(timeIntervalSince1970: 1_774_684_800)
        let calendar = ICalendar(
            name: "Barcamp 🚀; „Zitat“, zweite\nZeile",
            events: Self.hostileTitles.enumerated().map { index, title in
                ICalendar.Event(
                    uid: "\(index)@aufwind", date: "2026-03-28", summary: title, description: title, url: "https://aufwind.example/s/\(index)",
                    interval: index % 2 == 0 ? DateInterval(start: start, duration: 2_700) : nil, location: "Raum „Ökologie“; 🚀")
            })
        try await Self.validate([("hostile", .calendar(calendar.ics()))])
    }
}
