import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Programme for phones and everyone, Mein Programm, votes that toggle in place")
struct ProgrammeTests {
    /// The session ids in the order a page lists them (`id="session-…"`).
    static func order(_ html: String) -> [String] {
        html.matches(of: /id="session-([0-9a-f-]{36})"/).map { String($0.1) }
    }

    /// The part of a page from a session's anchor to the next one.
    static func block(_ html: String, _ session: String) -> String {
        guard let start = html.range(of: "id=\"session-\(session)\"") else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "id=\"session-")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test(
        "the programme: grid on wide screens, a list per slot on phones, breaks, the 1:1 window and pitch blocks in both, Handlungsfeld in text",
        arguments: TestDatabase.available)
    func views(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.published(app)
            try await barcamp.anna.get(barcamp.path + "/buehne")
            try await barcamp.expect(
                barcamp.anna.post(barcamp.path + "/buehne", ["titel": "Startups stellen sich vor", "sekunden": "100"]), .seeOther, "Block")
            let anonymous = Browser(app)
            let both = try await anonymous.get(barcamp.path + "/programm")
            #expect(both.status == .ok)
            #expect(both.body.contains("programme-page zeige-beides") && both.body.contains("programme-grid") && both.body.contains("programme-list"))
            #expect(both.body.contains("Radwege gemeinsam planen") && (both.body.contains("Raum: Ratssaal") || both.body.contains("Raum: Foyer")))
            #expect(both.body.contains("<span class=\"track-label\">Mobilität</span>") && both.body.contains("track track-mobilitaet"))
            #expect(both.body.components(separatedBy: ">Pause<").count >= 3, "the break in the grid and in the list")
            #expect(both.body.contains("1:1-Treffen an 1 Tisch – ") && both.body.contains("Treffen vereinbaren"))
            #expect(both.body.contains("Startups stellen sich vor"), "the pitch block")
            #expect(both.body.contains("data-merkliste=\"\(barcamp.path)\""), "visitors mark on their device")
            #expect(!both.body.contains("class=\"toggle\""), "no server-side marking for visitors")
            #expect(both.body.contains("href=\"\(barcamp.path)/programm?ansicht=liste\""))

            let list = try await anonymous.get(barcamp.path + "/programm?ansicht=liste")
            #expect(list.body.contains("programme-list") && !list.body.contains("programme-grid"))
            #expect(Set(Self.order(list.body)) == [barcamp.radwege, barcamp.schule, barcamp.ehrenamt])
            #expect(list.body.contains("aria-current=\"page\">Als Liste"))
            let grid = try await anonymous.get(barcamp.path + "/programm?ansicht=raster")
            #expect(grid.body.contains("programme-grid") && !grid.body.contains("programme-list"))
            #expect(try await anonymous.get(barcamp.path + "/programm?ansicht=%22%3E").body.contains("zeige-beides"))
        }
    }

    @Test("the programme as CSV for German Excel: BOM, semicolons, one line per session, break and 1:1 window")
    func csv() async throws {
        try await withAufwind(.sqlite) { app in
            let barcamp = try await BarcampScenario.published(app)
            let response = try await Browser(app).get(barcamp.path + "/programm.csv")
            #expect(response.status == .ok && response.headers.contentType?.subType == "csv")
            #expect(response.headers.first(name: .contentDisposition)?.contains("programm.csv") == true)
            #expect(response.body.hasPrefix("\u{FEFF}Tag;Beginn;Ende;Raum;Art;Titel;Handlungsfeld;Leitung\r\n"))
            let lines = response.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 1 + 3 + 2, "header, three sessions, the break and the 1:1 window")
            #expect(lines.contains { $0.contains(";10:45;11:00;;Pause;Pause;;") })
            #expect(lines.contains { $0.contains(";Session;Radwege gemeinsam planen;Mobilität;") })
        }
    }

    @Test(
        "Mein Programm: marking with and without JavaScript, the agenda's clash hint, the signed calendar of the marked sessions",
        arguments: TestDatabase.available)
    func favourites(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.published(app)
            let (cleo, programme) = (barcamp.cleo, barcamp.path + "/programm")
            let page = try await cleo.get(programme)
            #expect(page.body.contains("action=\"\(programme)/\(barcamp.radwege)/merken\""))
            #expect(Self.block(page.body, barcamp.radwege).contains("aria-pressed=\"false\""))
            #expect(!page.body.contains("data-merkliste"), "participants mark on the server")

            let plain = try await cleo.post(programme + "/\(barcamp.radwege)/merken", ["merken": "ja", "ansicht": "liste"])
            #expect(plain.status == .seeOther)
            #expect(plain.headers.first(name: .location) == "\(programme)?ansicht=liste&erfolg=gemerkt#session-\(barcamp.radwege)")
            let back = try await cleo.follow(plain)
            #expect(back.body.contains("Die Session steht jetzt in „Mein Programm“."))
            #expect(Self.block(back.body, barcamp.radwege).contains("aria-pressed=\"true\""))
            #expect(Self.block(back.body, barcamp.radwege).contains("✓ in Mein Programm"))

            let scripted = try await cleo.post(programme + "/\(barcamp.ehrenamt)/merken", ["merken": "ja"], accept: "application/json")
            #expect(scripted.status == .ok && scripted.body == #"{"an":true}"#)
            let again = try await cleo.post(programme + "/\(barcamp.ehrenamt)/merken", ["merken": "ja"], accept: "application/json")
            #expect(again.status == .ok, "marking twice keeps one mark")
            #expect(try await ProgrammeFavouriteModel.query(on: app.db).count() == 2)

            // Cleo's agenda: her two sessions and her vote; Digitale Schule shares a slot with one of them.
            let agenda = try await cleo.get(barcamp.path + "/agenda")
            let version = try #require(try await PlanningService(database: app.db).latestVersion(try await barcamp.event.requireID()))
            func slot(_ session: String) -> String? { version.placementList.first { $0.session == session }?.slot }
            #expect(
                slot(barcamp.radwege) != slot(barcamp.ehrenamt) && [slot(barcamp.radwege), slot(barcamp.ehrenamt)].contains(slot(barcamp.schule)))
            #expect(agenda.body.contains("Überschneidung mit „") && agenda.body.contains("2 Einträge überschneiden sich zeitlich"))
            // Olga voted for Digitale Schule and marks the session of the other slot: no clash.
            let other = slot(barcamp.radwege) == slot(barcamp.schule) ? barcamp.ehrenamt : barcamp.radwege
            try await barcamp.olga.get(programme)
            try await barcamp.expect(barcamp.olga.post(programme + "/\(other)/merken", ["merken": "ja"]), .seeOther, "Merken")
            let olgas = try await barcamp.olga.get(barcamp.path + "/agenda")
            #expect(olgas.body.contains(">Mein Programm</td>") && !olgas.body.contains("Überschneidung mit"))

            let feedPath = try #require(agenda.body.firstMatch(of: /\/kalender\/mein-programm\/[^"]+\.ics/).map { String($0.0) })
            let feed = try await Browser(app).get(feedPath)
            #expect(feed.status == .ok && feed.headers.contentType?.subType == "calendar")
            #expect(feed.body.components(separatedBy: "BEGIN:VEVENT").count == 3)
            #expect(feed.body.contains("SUMMARY:Radwege gemeinsam planen") && !feed.body.contains("Digitale Schule"))
            let cleoID = try await barcamp.userID("cleo@warendorf.de")
            let forged = feedPath.replacingOccurrences(of: cleoID, with: try await barcamp.userID("olga@oelde.de"))
            #expect(try await Browser(app).get(forged).status == .notFound, "another person in the address breaks the signature")

            try await cleo.get(programme)
            let removed = try await cleo.post(programme + "/\(barcamp.radwege)/merken", ["merken": "nein", "ansicht": "raster"])
            #expect(removed.headers.first(name: .location) == "\(programme)?ansicht=raster&erfolg=nicht-mehr-gemerkt#session-\(barcamp.radwege)")
            #expect(try await Browser(app).get(feedPath).body.components(separatedBy: "BEGIN:VEVENT").count == 2)

            // Bert cancelled his registration: he sees the programme as a visitor and cannot mark.
            let bertPage = try await barcamp.bert.get(programme)
            #expect(bertPage.body.contains("data-merkliste") && !bertPage.body.contains("class=\"toggle\""))
            #expect(try await barcamp.bert.post(programme + "/\(barcamp.radwege)/merken", ["merken": "ja"]).status == .forbidden)
            #expect(try await cleo.post(programme + "/\(barcamp.radwege)/merken", ["merken": "vielleicht"]).status == .unprocessableEntity)
        }
    }

    @Test(
        "a vote toggles in place: the script gets the new state, the plain form returns to #session-<id>, the order never moves",
        arguments: TestDatabase.available)
    func votes(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let barcamp = try await BarcampScenario.proposed(app)
            try await barcamp.setPhase("abstimmen")
            let (olga, sessions) = (barcamp.olga, barcamp.sessionsPath)
            let before = try await olga.get(sessions)
            let order = Self.order(before.body)
            #expect(Set(order) == [barcamp.radwege, barcamp.schule, barcamp.ehrenamt])
            #expect(Self.block(before.body, barcamp.schule).contains("aria-pressed=\"false\""))

            let scripted = try await olga.post(sessions + "/\(barcamp.schule)/stimme", ["interesse": "ja"], accept: "application/json")
            #expect(scripted.status == .ok && scripted.body == #"{"an":true}"#)
            try await barcamp.cleo.get(sessions)
            try await barcamp.expect(barcamp.cleo.post(sessions + "/\(barcamp.ehrenamt)/stimme", ["interesse": "ja"]), .seeOther, "Stimme")
            let after = try await olga.get(sessions)
            #expect(Self.order(after.body) == order, "votes, hers and others', move nothing")
            #expect(Self.block(after.body, barcamp.schule).contains("aria-pressed=\"true\""))
            #expect(Self.block(after.body, barcamp.schule).contains("✓ Ihr Interesse ist vermerkt"))

            let plain = try await olga.post(sessions + "/\(barcamp.schule)/stimme", ["interesse": "nein"])
            #expect(plain.status == .seeOther)
            #expect(plain.headers.first(name: .location) == "\(sessions)?erfolg=stimme-gespeichert#session-\(barcamp.schule)")
            let back = try await olga.follow(plain)
            #expect(Self.order(back.body) == order)
            #expect(Self.block(back.body, barcamp.schule).contains("aria-pressed=\"false\""))
        }
    }

    @Test("track colours: every Handlungsfeld has a stripe and a tint; its label's text keeps WCAG AA contrast on the tint")
    func trackColours() throws {
        let css = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/AufwindServer/Web/Assets/aufwind.css"), encoding: .utf8)
        let ink = try #require(css.firstMatch(of: /--ink: (#[0-9a-f]{6})/).map { String($0.1) })
        for field in Handlungsfeld.allCases {
            let rule = try #require(
                css.firstMatch(of: try Regex("\\.track-\(field.rawValue) \\{ --track: (#[0-9a-f]{6}); --track-tint: (#[0-9a-f]{6}); \\}")),
                "\(field.rawValue) has no colours")
            let stripe = String(try #require(rule.output[1].substring))
            let tint = String(try #require(rule.output[2].substring))
            #expect(Contrast.ratio(ink, tint) >= 4.5, "\(field.label): text on \(tint)")
            #expect(Contrast.ratio(stripe, "#ffffff") >= 3, "\(field.label): stripe \(stripe) on white")
        }
    }
}

/// WCAG 2.1 contrast ratio of two sRGB colours (`#rrggbb`).
enum Contrast {
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func ratio(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
