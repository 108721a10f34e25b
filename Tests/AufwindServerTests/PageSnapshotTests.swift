import Foundation
import SnapshotTesting
import Testing
import Vapor

@testable import AufwindServer

/// The main pages as HTML snapshots (`__Snapshots__/PageSnapshotTests/`), on fixed data
/// (`SnapshotWorld`) and normalised (`SnapshotNormaliser`: ids, CSRF tokens, clock dates, asset
/// hashes), so they compare equal on every run and on SQLite and PostgreSQL alike.
///
/// A changed page fails with a diff. To accept the change, record again and review the diff:
/// `SNAPSHOT_TESTING_RECORD=all swift test --filter PageSnapshotTests` (`failed` and `missing`
/// work too). Without the variable nothing is ever written: a missing snapshot fails.
@Suite("Main pages as HTML snapshots")
struct PageSnapshotTests {
    static var recordMode: SnapshotTestingConfiguration.Record {
        ProcessInfo.processInfo.environment["SNAPSHOT_TESTING_RECORD"].flatMap(SnapshotTestingConfiguration.Record.init(rawValue:)) ?? .never
    }

    @Test("start page, register, item, item form, partner search, funding, Verbund, event, programme and login", arguments: TestDatabase.available)
    func mainPages(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let world = try await SnapshotWorld.make(app)
            let anonymous = Browser(app)
            let pages: [(name: String, browser: Browser, path: String)] = [
                ("start", anonymous, "/"),
                ("gemeinden", anonymous, "/gemeinden"),
                ("gemeinde-ahlen", anonymous, "/gemeinden/\(SnapshotWorld.ahlen)"),
                ("eintrag", world.member, world.itemPath),
                ("eintrag-formular", world.organiser, "/eintraege/neu"),
                ("partnersuche", world.organiser, "/kommunen/\(SnapshotWorld.ahlen)/passt-zu-uns"),
                ("foerderprogramme", anonymous, "/foerderprogramme"),
                ("foerderprogramm", anonymous, "/foerderprogramme/ikz-beispiel"),
                ("verbund", world.organiser, world.verbundPath),
                ("veranstaltung", world.member, world.eventPath),
                ("programm", anonymous, world.eventPath + "/programm"),
                ("anmelden", anonymous, "/anmelden"),
            ]
            for page in pages {
                let response = try await page.browser.get(page.path)
                #expect(response.status == .ok, "\(page.name): \(response.status)")
                assertSnapshot(
                    of: SnapshotNormaliser.normalise(response.body), as: .lines, named: page.name, record: Self.recordMode, testName: "page")
            }
        }
    }

    @Test("the normaliser numbers ids, hides tokens, clock dates and hashes, and keeps fixed dates")
    func normaliser() throws {
        let today = try #require(ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z"))
        let html = """
            <a href="/eintraege/0A1B2C3D-0000-4000-8000-000000000001">x</a><a href="/eintraege/0a1b2c3d-0000-4000-8000-000000000001/verlauf">y</a>\
            <a href="/verbuende/11111111-2222-4333-8444-555555555555">z</a>\
            <input type="hidden" name="_csrf" value="abc123"/><time datetime="2026-11-29T22:15:03Z">\
            Zuletzt geändert 29.11.2026, 22:15</time><p>gültig bis 13.12.2026</p><p>12.06.2035, 10:00 Uhr</p>\
            <link href="/static/aufwind.3f2a9c0d11.css"/>
            """
        #expect(
            SnapshotNormaliser.normalise(html, today: today) == """
                <a href="/eintraege/{uuid-1}">x</a>
                <a href="/eintraege/{uuid-1}/verlauf">y</a>
                <a href="/verbuende/{uuid-2}">z</a>
                <input type="hidden" name="_csrf" value="{csrf}"/>
                <time datetime="{zeitpunkt}">Zuletzt geändert {heute} {uhrzeit}</time>
                <p>gültig bis {heute+14}</p>
                <p>12.06.2035, 10:00 Uhr</p>
                <link href="/static/aufwind.{hash}.css"/>

                """)
    }
}
