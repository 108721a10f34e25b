import Testing

@testable import AufwindCore

@Suite("1:1 meeting windows cut into meeting slots")
struct MeetingWindowsTests {
    static func window(_ id: String, _ start: Int, _ end: Int, length: Int, tables: Int = 10, kind: SlotGrid.Kind = .treffen) -> MeetingWindows.Window
    {
        .init(slot: .init(id: id, day: "2026-12-03", start: start, end: end, kind: kind), length: length, tables: tables)
    }

    @Test("a 45-minute window holds three 15-minute meetings; a rest shorter than a meeting stays free")
    func slots() {
        let windows = MeetingWindows(windows: [
            Self.window("w2", 14 * 60, 15 * 60 + 10, length: 20, tables: 4), Self.window("w1", 600, 645, length: 15),
        ])
        #expect(windows.problems.isEmpty)
        #expect(windows.slots.map(\.id) == ["w1/1", "w1/2", "w1/3", "w2/1", "w2/2", "w2/3"])
        #expect(windows.slots.map(\.timeLabel) == ["10:00–10:15", "10:15–10:30", "10:30–10:45", "14:00–14:20", "14:20–14:40", "14:40–15:00"])
        #expect(windows.slots.map(\.tables) == [10, 10, 10, 4, 4, 4])
        let instance = windows.instance(participants: [.init(id: "p1"), .init(id: "p2")], requests: [.init(id: "r1", a: "p1", b: "p2", priority: 2)])
        #expect(instance.problems.isEmpty && instance.slots.count == 6)
    }

    @Test("lengths other than 15, 20 and 30 minutes, windows without tables and session slots are refused")
    func problems() {
        let windows = MeetingWindows(windows: [
            Self.window("a", 600, 660, length: 25), Self.window("b", 600, 660, length: 30, tables: 0),
            Self.window("c", 600, 660, length: 15, kind: .session), Self.window("d", 600, 610, length: 15),
        ])
        #expect(
            windows.problems == [
                "Zeitfenster 03.12.2026, 10:00–11:00 Uhr: Treffen dauern 15, 20 oder 30 Minuten, nicht 25.",
                "Zeitfenster 03.12.2026, 10:00–11:00 Uhr: mindestens ein Tisch nötig.",
                "Zeitfenster 03.12.2026, 10:00–11:00 Uhr: kein Zeitfenster für 1:1-Treffen.",
                "Zeitfenster 03.12.2026, 10:00–10:10 Uhr: kürzer als ein Treffen (15 Minuten).",
            ])
    }
}
