import AufwindCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Events core: phases, slot grid, ballot order, pitch clock, schedule changes, Frab export, inputs")
struct EventsCoreTests {
    @Test("phases decide what participants may do; a vote after the voting phase is refused in German")
    func phases() {
        #expect(EventPhase.themenEinreichen.refusal(for: .propose) == nil)
        #expect(EventPhase.abstimmen.refusal(for: .vote) == nil)
        #expect(EventPhase.planen.refusal(for: .vote)?.text.contains("Abgestimmt wird nur in der Phase „Abstimmen“") == true)
        #expect(EventPhase.themenEinreichen.refusal(for: .plan) != nil)
        #expect(EventPhase.veroeffentlicht.refusal(for: .plan) == nil)
        #expect(EventPhase.planen.refusal(for: .propose) != nil)
    }

    @Test("slots of one day must not overlap and must lie within the event; breaks are slots of their own")
    func slotGrid() throws {
        var grid = SlotGrid(slots: [])
        let days = "2026-12-03"..."2026-12-04"
        #expect(throws: Never.self) { try grid.add(.init(id: "a", day: "2026-12-03", start: 600, end: 645, kind: .session), eventDays: days).get() }
        #expect(throws: Never.self) { try grid.add(.init(id: "p", day: "2026-12-03", start: 645, end: 660, kind: .pause), eventDays: days).get() }
        guard case .failure(let overlap) = grid.add(.init(id: "b", day: "2026-12-03", start: 630, end: 700, kind: .session), eventDays: days) else {
            Issue.record("an overlap must be refused")
            return
        }
        #expect(overlap.messages.map(\.text) == ["Das Zeitfenster 10:30–11:40 überschneidet sich mit 10:00–10:45 am 03.12.2026."])
        guard case .failure(let outside) = grid.add(.init(id: "c", day: "2026-12-09", start: 700, end: 600, kind: .session), eventDays: days) else {
            Issue.record("outside and backwards must be refused")
            return
        }
        #expect(outside.messages.count == 2)
        #expect(grid.slots.map(\.id) == ["a", "p"])
        #expect(grid.add(.init(id: "d", day: "2026-12-04", start: 600, end: 645, kind: .session), eventDays: days).isSuccess)
        #expect(SlotGrid.minutes("09:05") == 545 && SlotGrid.minutes("9:05") == nil && SlotGrid.minutes("25:00") == nil)
    }

    @Test("the ballot is a shuffle of its own per person: stable whatever the votes, different between people, no place for early proposals")
    func ballot() {
        let ids = (1...12).map { "s\($0)" }
        let anna = BallotOrder.order(ids, for: "anna")
        let bert = BallotOrder.order(ids, for: "bert")
        #expect(anna == BallotOrder.order(ids, for: "anna"))
        #expect(anna != bert)
        #expect(Set(anna) == Set(ids))
        // A new proposal takes its place without moving the others around each other.
        let later = BallotOrder.order(ids + ["s13"], for: "anna")
        #expect(later.filter { $0 != "s13" } == anna)
        // Early proposals are not systematically on top: over many voters, s1 leads about as often as others.
        let leaders = (0..<400).map { BallotOrder.order(ids, for: "p\($0)")[0] }
        #expect(leaders.filter { $0 == "s1" }.count < 80)
    }

    @Test("the pitch clock counts down from 100 s, pauses, extends, signals at 20 s and 0 s, moves on")
    func pitchClock() throws {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        var clock = PitchClock(order: ["a", "b", "c"])
        #expect(clock.stage == .bereit && clock.currentPitch == "a" && clock.nextPitch == "b")
        #expect(clock.remaining(at: t0) == 100)
        try clock.apply(.start, at: t0).get()
        #expect(clock.remaining(at: t0 + 30) == 70 && clock.signal(at: t0 + 30) == .normal)
        try clock.apply(.pause, at: t0 + 40).get()
        #expect(clock.remaining(at: t0 + 500) == 60)
        #expect(throws: ValidationMessage.self) { try clock.apply(.pause, at: t0 + 500).get() }
        try clock.apply(.start, at: t0 + 500).get()
        #expect(clock.signal(at: t0 + 540) == .bald && clock.signal(at: t0 + 560) == .vorbei)
        try clock.apply(.verlaengern, at: t0 + 560).get()
        #expect(clock.remaining(at: t0 + 560) == 30)
        try clock.apply(.weiter, at: t0 + 570).get()
        #expect(clock.stage == .wartet && clock.currentPitch == "b" && clock.remaining(at: t0 + 900) == 100)
        try clock.move("c", by: -1).get()
        #expect(clock.order == ["a", "c", "b"])
        #expect(throws: ValidationMessage.self) { try clock.move("a", by: 1).get() }
        try clock.apply(.ueberspringen, at: t0 + 600).get()
        #expect(clock.skipped == ["c"] && clock.currentPitch == "b")
        try clock.apply(.weiter, at: t0 + 601).get()
        #expect(clock.stage == .beendet && clock.currentPitch == nil)
        #expect(throws: ValidationMessage.self) { try clock.apply(.start, at: t0 + 602).get() }
        try clock.apply(.zurueck, at: t0 + 603).get()
        #expect(clock.currentPitch == "b" && clock.stage == .wartet)
        #expect(clock.revision == 9)
    }

    @Test("schedule changes between versions: moved, new, cancelled")
    func changes() {
        func p(_ s: String, _ room: String, _ slot: String) -> ScheduleChange.Placement {
            .init(session: s, title: s.uppercased(), room: room, slot: slot, slotLabel: slot)
        }
        let old = [p("a", "R1", "T1"), p("b", "R2", "T1"), p("c", "R1", "T2")]
        let new = [p("a", "R1", "T1"), p("b", "R1", "T2"), p("d", "R2", "T2")]
        let changes = ScheduleChange.between(old, new)
        #expect(changes.map(\.kind) == [.verschoben, .neu, .abgesagt])
        #expect(changes[0].text == "„B“ verschoben: R2, T1 → R1, T2")
        #expect(changes[2].text == "„C“ abgesagt (war R1, T2)")
    }

    static func frab() -> FrabSchedule {
        FrabSchedule(
            version: "Version 2", acronym: "kleinstadt", title: "Kleinstadt-Barcamp <Westfalen> & Co",
            baseURL: "https://aufwind.example/veranstaltungen/x/",
            firstDay: "2026-12-03", lastDay: "2026-12-04",
            rooms: [
                .init(name: "Ratssaal", guid: "0b1e4a4c-5d0a-5c1e-9f3a-2b7c8d9e0f11"),
                .init(name: "Foyer", guid: "6f0e2d1c-3b4a-5968-8776-a5b4c3d2e1f0"),
            ],
            talks: [
                .init(
                    guid: "g1", id: 1, day: "2026-12-03", start: 600, end: 645, room: "Ratssaal", title: "Radwege \"gemeinsam\" planen",
                    track: "Mobilität",
                    abstract: "Erfahrungen & Fragen", persons: ["Anna Ahlen", "Olga Oelde"], url: "https://aufwind.example/s/1"),
                .init(
                    guid: "g2", id: 2, day: "2026-12-04", start: 540, end: 600, room: "Foyer", title: "Digitale Schule", track: "Schule & Bildung",
                    abstract: "", persons: [], url: "https://aufwind.example/s/2"),
            ])
    }

    @Test("Frab XML parses back: days, rooms, events with times, durations, persons; text escaped")
    func frabXML() throws {
        let xml = Self.frab().xml()
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "schedule")
        let conference = try #require(root.elements(forName: "conference").first)
        #expect(conference.elements(forName: "title").first?.stringValue == "Kleinstadt-Barcamp <Westfalen> & Co")
        #expect(conference.elements(forName: "days").first?.stringValue == "2")
        let days = root.elements(forName: "day")
        #expect(days.count == 2)
        #expect(days[0].attribute(forName: "date")?.stringValue == "2026-12-03")
        #expect(days[0].attribute(forName: "start")?.stringValue == "2026-12-03T10:00:00+01:00")
        let room = try #require(days[0].elements(forName: "room").first)
        #expect(room.attribute(forName: "name")?.stringValue == "Ratssaal")
        #expect(room.attribute(forName: "guid")?.stringValue == "0b1e4a4c-5d0a-5c1e-9f3a-2b7c8d9e0f11")
        #expect(conference.elements(forName: "time_zone_name").first?.stringValue == "Europe/Berlin")
        let event = try #require(room.elements(forName: "event").first)
        #expect(event.attribute(forName: "guid")?.stringValue == "g1" && event.attribute(forName: "id")?.stringValue == "1")
        #expect(event.elements(forName: "title").first?.stringValue == "Radwege \"gemeinsam\" planen")
        #expect(event.elements(forName: "start").first?.stringValue == "10:00")
        #expect(event.elements(forName: "duration").first?.stringValue == "00:45")
        #expect(event.elements(forName: "date").first?.stringValue == "2026-12-03T10:00:00+01:00")
        #expect(event.elements(forName: "persons").first?.elements(forName: "person").map { $0.stringValue ?? "" } == ["Anna Ahlen", "Olga Oelde"])
        #expect(days[1].elements(forName: "room").map { $0.attribute(forName: "name")?.stringValue ?? "" } == ["Foyer"])
    }

    @Test("Frab JSON parses back with the c3voc structure")
    func frabJSON() throws {
        let data = Data(Self.frab().json().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let schedule = try #require(object["schedule"] as? [String: Any])
        let conference = try #require(schedule["conference"] as? [String: Any])
        #expect(conference["daysCount"] as? Int == 2 && conference["acronym"] as? String == "kleinstadt")
        let days = try #require(conference["days"] as? [[String: Any]])
        let rooms = try #require(days[0]["rooms"] as? [String: [[String: Any]]])
        let talk = try #require(rooms["Ratssaal"]?.first)
        #expect(
            talk["title"] as? String == "Radwege \"gemeinsam\" planen" && talk["duration"] as? String == "00:45"
                && talk["start"] as? String == "10:00")
        #expect((talk["persons"] as? [[String: Any]])?.compactMap { $0["public_name"] as? String } == ["Anna Ahlen", "Olga Oelde"])
        #expect(conference["time_zone_name"] as? String == "Europe/Berlin")
        #expect((conference["meta"] as? [String: Any])?["day_change"] as? String == "00:00")
        #expect((conference["rooms"] as? [[String: Any]])?.compactMap { $0["guid"] as? String }.count == 2)
    }

    @Test("Frab JSON keeps the schema's key order: version before conference, days' rooms in display order")
    func frabJSONOrder() throws {
        let text = Self.frab().json()
        let version = try #require(text.range(of: "\"version\": \"Version 2\""))
        let conference = try #require(text.range(of: "\"conference\": {"))
        #expect(version.lowerBound < conference.lowerBound)
        #expect(text.firstRange(of: "\"$schema\"")!.lowerBound < text.firstRange(of: "\"schedule\"")!.lowerBound)
    }

    @Test("event input: all problems at once, in German")
    func eventInput() throws {
        let bad = EventInput.validate(
            .init(
                title: "X", description: nil, firstDay: "2026-12-05", lastDay: "2026-12-01", place: "", onlineURL: "ftp://x",
                capacity: "0", meetingTables: "-1"))
        guard case .failure(let problems) = bad else {
            Issue.record("must fail")
            return
        }
        let texts = problems.messages.map(\.text)
        #expect(texts.contains("„Titel“ muss mindestens 3 Zeichen lang sein."))
        #expect(texts.contains("Der letzte Tag liegt vor dem ersten."))
        #expect(texts.contains("Der Online-Link muss mit https:// beginnen."))
        #expect(texts.contains { $0.hasPrefix("„Plätze“ muss eine ganze Zahl") })
        let good = try EventInput.validate(
            .init(
                title: "Kleinstadt-Barcamp", description: "", firstDay: "2026-12-03", lastDay: "", place: "Ahlen, Rathaus",
                onlineURL: "", capacity: "120", meetingTables: "6")
        ).get()
        #expect(good.lastDay == "2026-12-03" && good.capacity == 120)
    }

    @Test("timed iCal events are written in UTC; ISO day arithmetic in one place")
    func calendarAndDays() throws {
        let start = try #require(SlotGrid.instant(day: "2026-12-03", minutes: 600))
        let ics = ICalendar(
            name: "Barcamp",
            events: [
                .init(
                    uid: "s1@aufwind", date: "2026-12-03", summary: "Radwege", description: "Leitung: Anna",
                    url: nil, interval: DateInterval(start: start, duration: 2700), location: "Ratssaal, Ahlen")
            ]
        ).ics()
        #expect(ics.contains("DTSTART:20261203T090000Z\r\nDTEND:20261203T094500Z\r\n"))
        #expect(ics.contains("LOCATION:Ratssaal\\, Ahlen"))
        #expect(
            ISODay.adding(1, to: "2026-12-31") == "2027-01-01" && ISODay.isValid("2026-02-29") == false
                && ISODay.distance(from: "2026-12-01", to: "2026-12-03") == 2)
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
