import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("1:1 meetings as b2match does them: profiles, suggestions, priorities, the scheduler in the windows, plan, calendar, reminders")
struct MeetingMatchmakingTests {
    typealias F = EventFixture

    @Test(
        "profiles prefilled from items, suggestions with reasons, accepted requests get times around what people cannot, the organiser re-plans with minimal change",
        arguments: TestDatabase.available)
    func matchmaking(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [F.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [F.oelde], app: app)
            let (_, cleo) = try await ItemFixture.member("cleo@warendorf.de", of: [F.warendorf], app: app)
            let (_, dora) = try await ItemFixture.member("dora@oelde.de", of: [F.oelde], app: app)
            _ = try await ItemFixture.create(
                olga, ItemFixture.form(kind: .angebot, title: "Glasfaser-Koordination für Nachbarn", fields: [.digitaleVerwaltung], town: F.oelde))
            let path = try await F.create(anna, town: F.ahlen, capacity: 10, tables: 2)
            try await anna.get(path)
            #expect(
                try await anna.post(path + "/zeitfenster", ["tag": F.day(7), "von": "14:00", "bis": "15:00", "art": "treffen"]).status == .seeOther)
            for (browser, town) in [(anna, F.ahlen), (olga, F.oelde), (cleo, F.warendorf), (dora, F.oelde)] {
                try await browser.get(path)
                #expect(try await browser.post(path + "/anmelden", ["fuer": "kommune:\(town)"]).status == .seeOther)
            }
            let people = try await EventRegistrationModel.query(on: app.db).all()
            func user(_ name: String) throws -> String { try #require(people.first { $0.userName == name }).userID.uuidString.lowercased() }
            let window = try #require(try await EventSlotModel.query(on: app.db).filter(\.$kind == "treffen").first())
            let windowID = window.id!.uuidString.lowercased()
            let meetings = path + "/treffen"

            // Olga's first profile comes from Oelde's published offer; saving it with a time she cannot
            let olgaPage = try await olga.get(meetings)
            #expect(
                olgaPage.body.contains("Vorschlag aus den veröffentlichten Einträgen")
                    && olgaPage.body.contains(">Glasfaser-Koordination für Nachbarn</textarea>"))
            #expect(olgaPage.body.contains("value=\"\(windowID)@840-855\""))
            #expect(
                try await olga.post(
                    meetings + "/profil",
                    pairs: [("suchen", ""), ("bieten", "– Glasfaser-Koordination für Nachbarn"), ("nicht[]", "\(windowID)@840-855")]
                ).status == .seeOther)
            let saved = try #require(try await EventRegistrationModel.query(on: app.db).filter(\.$userName == "olga").first())
            #expect(saved.meetingOffering == "– Glasfaser-Koordination für Nachbarn" && saved.meetingUnavailable == "\(windowID)@840-855")
            // A time that does not exist is refused, with what was typed kept
            let unknown = try await olga.post(meetings + "/profil", pairs: [("suchen", "Bürgerbus-Erfahrung"), ("nicht[]", "\(windowID)@841-856")])
            #expect(unknown.status == .unprocessableEntity && unknown.body.contains("Bürgerbus-Erfahrung") && unknown.body.contains("gibt es nicht"))

            // Cleo seeks fibre: Olga is suggested with the reason
            try await cleo.get(meetings)
            #expect(try await cleo.post(meetings + "/profil", ["suchen": "Beratung zu Glasfaser im Außenbereich", "bieten": ""]).status == .seeOther)
            let suggestions = try await cleo.get(meetings).body
            #expect(suggestions.contains("olga (Oelde)") && suggestions.contains("bietet, was Sie suchen: Glasfaser"), "\(suggestions)")

            // Three ask Olga with different priorities; she accepts all; nobody meets her at 14:00
            for (browser, priority) in [(cleo, "3"), (dora, "1"), (anna, "2")] {
                try await browser.get(meetings)
                #expect(
                    try await browser.post(
                        meetings, ["mit": try user("olga"), "zeitfenster": windowID, "wichtigkeit": priority, "nachricht": "Glasfaser"]
                    )
                    .status == .seeOther)
            }
            #expect(
                try await cleo.post(meetings, ["mit": try user("olga"), "zeitfenster": windowID, "wichtigkeit": "7"]).status == .unprocessableEntity)
            // Asking back someone who already asked says where to answer; Cleo is no longer suggested to Olga
            try await olga.get(meetings)
            let back = try await olga.post(meetings, ["mit": try user("cleo"), "zeitfenster": windowID, "wichtigkeit": "2"])
            #expect(back.status == .conflict && back.body.contains("cleo hat Sie für dieses Zeitfenster schon angefragt"), "\(back.body)")
            for request in try await MeetingModel.query(on: app.db).all() {
                try await olga.get(meetings)
                let answer = try await olga.post(meetings + "/\(request.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"])
                #expect(answer.status == .seeOther, "\(answer.body)")
            }
            var all = try await MeetingModel.query(on: app.db).all()
            #expect(all.map(\.priority).sorted() == [1, 2, 3])
            #expect(Set(all.compactMap(\.plannedStart)) == [855, 870, 885], "\(all.map(\.plannedStart))")
            #expect(try await NotificationModel.query(on: app.db).filter(\.$text ~~ "angenommen: ").count() == 3)

            // Olga's plan, printable, and her calendar with the three meetings at their times
            let plan = try await olga.get(meetings + "/plan")
            #expect(
                plan.status == .ok && plan.body.contains("14:15–14:30 Uhr") && plan.body.contains("data-label=\"Tisch\">1<")
                    && plan.body.contains("cleo"))
            let feedPath = try #require(plan.body.firstMatch(of: /href="(\/kalender\/meine-treffen\/[^"]+)"/).map { String($0.1) })
            let feed = try await app.sendRequest(.GET, feedPath)
            #expect(feed.status == .ok && feed.headers.contentType?.subType == "calendar")
            let ics = feed.body.string
            #expect(ics.components(separatedBy: "BEGIN:VEVENT").count == 4 && ics.contains("SUMMARY:1:1-Treffen mit cleo"))
            let utc = DateFormatter()
            utc.locale = Locale(identifier: "en_US_POSIX")
            utc.timeZone = TimeZone(identifier: "UTC")
            utc.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            for minute in [855, 870, 885] {
                let start = try #require(SlotGrid.instant(day: window.day, minutes: minute))
                #expect(ics.contains("DTSTART:\(utc.string(from: start))"), "\(minute): \(ics)")
            }
            #expect(try await app.sendRequest(.GET, feedPath.replacingOccurrences(of: "meine-treffen", with: "mein-programm")).status == .notFound)
            #expect(try await olga.get(path + "/agenda").body.contains("Tisch"))

            // Only the organiser sets the window; 30-minute meetings leave Olga one time (14:30)
            let windows = meetings + "/fenster"
            #expect(try await olga.get(windows).status == .forbidden)
            try await anna.get(windows)
            #expect(try await anna.post(windows + "/\(windowID)", ["laenge": "25", "tische": "2"]).status == .unprocessableEntity)
            #expect(try await anna.post(windows + "/\(windowID)", ["laenge": "30", "tische": "2"]).status == .seeOther)
            all = try await MeetingModel.query(on: app.db).all()
            #expect(all.filter { $0.plannedStart != nil }.map(\.plannedStart) == [870], "\(all.map(\.plannedStart))")
            #expect(try await NotificationModel.query(on: app.db).filter(\.$text ~~ "kein Platz mehr").count() == 4)
            #expect(try await anna.get(windows).body.contains("1 eingeplant · 2 ohne Platz"))

            // Back to 15 minutes and a re-plan of all windows: every meeting has a place again, the kept one stays
            #expect(try await anna.post(windows + "/\(windowID)", ["laenge": "15", "tische": "2"]).status == .seeOther)
            let replanned = try await anna.post(windows + "/planen", [:])
            #expect(replanned.status == .seeOther)
            all = try await MeetingModel.query(on: app.db).all()
            #expect(all.allSatisfy { $0.plannedStart != nil && $0.plannedStart != 840 }, "\(all.map(\.plannedStart))")
            let stayed = try #require(all.first { $0.plannedStart == 870 })
            #expect(stayed.tableNumber == 1, "the meeting that kept its place through both changes keeps its table")

            // A reminder before each meeting, once
            let first = try #require(all.compactMap(\.plannedStart).min())
            let before = try #require(SlotGrid.instant(day: window.day, minutes: first)).addingTimeInterval(-20 * 60)
            let reminders = MeetingReminders(database: app.db, baseURL: "")
            #expect(try await reminders.sendDue(now: before) == 1)
            #expect(try await reminders.sendDue(now: before) == 0)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$text ~~ "beginnt bald").count() == 2)

            // A cancelled meeting frees its place
            let kept = try #require(all.first { $0.plannedStart == first })
            try await olga.get(meetings)
            #expect(try await olga.post(meetings + "/\(kept.id!.uuidString.lowercased())/zurueckziehen", [:]).status == .seeOther)
            let cancelled = try #require(try await MeetingModel.find(kept.id, on: app.db))
            #expect(cancelled.plannedStart == nil && cancelled.statusValue == .abgesagt)
            let partner = kept.requesterName == "olga" ? kept.inviteeID : kept.requesterID
            #expect(
                try await NotificationModel.query(on: app.db).filter(\.$userID == partner).filter(\.$text ~~ "“ abgesagt (").count() == 1)
        }
    }
}
