import Testing

@testable import AufwindCore

@Suite("Editing an event and pitching: the rules in the core")
struct EventEditCoreTests {
    static let input = EventInput(
        title: "Barcamp", description: "", firstDay: "2026-12-09", lastDay: "2026-12-10", place: "Ahlen", onlineURL: "", capacity: 30,
        meetingTables: 0)
    static let slots: [EventEdit.SlotDay] = [.init(id: "a", day: "2026-12-07", label: "7.12."), .init(id: "b", day: "2026-12-08", label: "8.12.")]

    @Test("the grid moves with the first day; new days and a new place are noticed")
    func gridMoves() throws {
        let edit = try EventEdit.check(
            Self.input, storedFirstDay: "2026-12-07", storedLastDay: "2026-12-08", storedPlace: "Ahlen", storedOnlineURL: "", slots: Self.slots,
            today: "2026-12-01"
        ).get()
        #expect(edit.movedSlots == ["a": "2026-12-09", "b": "2026-12-10"])
        #expect(edit.datesChanged && !edit.placeChanged)
    }

    @Test("a first day in the past is refused, unless it stays as it was (a running event)")
    func pastFirstDay() {
        var input = Self.input
        input.firstDay = "2026-11-30"
        input.lastDay = "2026-12-01"
        let moved = EventEdit.check(
            input, storedFirstDay: "2026-12-07", storedLastDay: "2026-12-08", storedPlace: "Ahlen", storedOnlineURL: "", slots: [],
            today: "2026-12-01")
        #expect(throws: ValidationMessages.self) { try moved.get() }
        let running = EventEdit.check(
            input, storedFirstDay: "2026-11-30", storedLastDay: "2026-12-01", storedPlace: "Ahlen", storedOnlineURL: "", slots: [],
            today: "2026-12-01")
        #expect((try? running.get()) != nil)
    }

    @Test("a slot that would lie outside the new days is refused, naming it")
    func slotOutside() {
        var input = Self.input
        input.firstDay = "2026-12-07"
        input.lastDay = "2026-12-07"
        let result = EventEdit.check(
            input, storedFirstDay: "2026-12-07", storedLastDay: "2026-12-08", storedPlace: "Ahlen", storedOnlineURL: "", slots: Self.slots,
            today: "2026-12-01")
        guard case .failure(let problems) = result else {
            Issue.record("accepted")
            return
        }
        #expect(
            problems.messages.map(\.text) == [
                "Das Zeitfenster 8.12. läge nach der Änderung außerhalb der Veranstaltungstage; bitte entfernen Sie es zuerst oder wählen Sie andere Tage."
            ])
    }

    @Test("an Anbieter pitches without presenter and topic; typed fields win; nothing at all is refused")
    func pitchDefaults() throws {
        let anbieter = try PitchInput.validate(presenter: "", title: nil, item: nil, anbieter: .anbieter(name: "Radwerk GmbH")).get()
        #expect(anbieter == PitchInput(presenter: "Radwerk GmbH", title: "Vorstellung von Radwerk GmbH"))
        let typed = try PitchInput.validate(presenter: " ", title: "Mieträder", item: nil, anbieter: .anbieter(name: "Radwerk GmbH")).get()
        #expect(typed.title == "Mieträder")
        let item = try PitchInput.validate(presenter: nil, title: nil, item: .item(town: "Ahlen", title: "Radweg"), anbieter: nil).get()
        #expect(item == PitchInput(presenter: "Ahlen", title: "Radweg"))
        guard case .failure(let problems) = PitchInput.validate(presenter: "", title: "", item: nil, anbieter: nil) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.messages.count == 2)
    }
}
