import AufwindCore
import Foundation
import Testing

@Suite("Programme timetable: slots of every kind by day, sessions in room order, the CSV, clashes in an agenda")
struct ProgrammeTimetableTests {
    static let day1 = "2026-12-03", day2 = "2026-12-04"
    static let slots: [SlotGrid.Slot] = [
        .init(id: "s2", day: day1, start: 660, end: 705, kind: .session),
        .init(id: "p", day: day1, start: 645, end: 660, kind: .pause),
        .init(id: "s1", day: day1, start: 600, end: 645, kind: .session),
        .init(id: "t", day: day2, start: 840, end: 860, kind: .treffen),
    ]
    static let sessions: [ProgrammeTimetable.Session] = [
        .init(id: "b", title: "Radwege", hosts: "Olga", field: .mobilitaet, room: "Foyer", slot: "s1"),
        .init(id: "a", title: "Schule; digital", hosts: "Anna", field: .schuleBildung, room: "Ratssaal", slot: "s1"),
        .init(id: "c", title: "=Ehrenamt", hosts: "", field: nil, room: "Alter Raum", slot: "s2"),
        .init(id: "x", title: "Ohne Zeitfenster", hosts: "", field: nil, room: "Foyer", slot: "weg"),
    ]

    @Test("rows per day in time order with breaks and 1:1 windows; sessions in the order of the rooms, unknown rooms last")
    func rows() {
        let timetable = ProgrammeTimetable(slots: Self.slots, rooms: ["Ratssaal", "Foyer"], sessions: Self.sessions)
        #expect(timetable.days.map(\.day) == [Self.day1, Self.day2])
        #expect(timetable.days[0].rows.map(\.slot.id) == ["s1", "p", "s2"])
        #expect(timetable.days[0].rows[0].sessions.map(\.id) == ["a", "b"])
        #expect(timetable.days[0].rows[0].session(in: "Foyer")?.title == "Radwege")
        #expect(timetable.days[1].rows.map(\.slot.kind) == [.treffen])
        #expect(timetable.sessions.map(\.id) == ["a", "b", "c"], "a session whose slot is gone is left out")
    }

    @Test("the CSV: BOM, semicolons, CRLF, one line per session, break and window; text quoted and formula-safe")
    func csv() {
        let csv = ProgrammeTimetable(slots: Self.slots, rooms: ["Ratssaal", "Foyer"], sessions: Self.sessions).csv()
        #expect(csv.hasPrefix("\u{FEFF}Tag;Beginn;Ende;Raum;Art;Titel;Handlungsfeld;Leitung\r\n"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(
            lines == [
                "Tag;Beginn;Ende;Raum;Art;Titel;Handlungsfeld;Leitung",
                "03.12.2026;10:00;10:45;Ratssaal;Session;\"Schule; digital\";Schule & Bildung;Anna",
                "03.12.2026;10:00;10:45;Foyer;Session;Radwege;Mobilität;Olga",
                "03.12.2026;10:45;11:00;;Pause;Pause;;",
                "03.12.2026;11:00;11:45;Alter Raum;Session;'=Ehrenamt;;",
                "04.12.2026;14:00;14:20;;1:1-Treffen;1:1-Treffen;;",
            ])
    }

    @Test("entries clash when their times overlap; one ending as the other begins does not")
    func clashes() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        func entry(_ id: String, _ from: Double, _ minutes: Double) -> AgendaClashes.Entry {
            .init(id: id, interval: DateInterval(start: t0 + from * 60, duration: minutes * 60))
        }
        let found = AgendaClashes.find([entry("a", 0, 45), entry("b", 45, 45), entry("c", 30, 30), entry("d", 120, 20)])
        #expect(found == ["a": ["c"], "b": ["c"], "c": ["a", "b"]])
        #expect(AgendaClashes.find([entry("a", 0, 45), entry("b", 45, 15)]).isEmpty)
    }
}
