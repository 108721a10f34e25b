/// An organiser's change of an event after its creation, checked against what the event already
/// holds: a first day in the past is refused (an event that is running keeps its first day), and
/// the slot grid moves with the first day, so every slot must still lie within the new days.
public struct EventEdit: Sendable, Equatable {
    /// A slot of the grid, by id and day.
    public struct SlotDay: Sendable, Equatable {
        public var id: String
        public var day: String
        /// "26.11.2026, 10:00–10:45 Uhr", for the message.
        public var label: String

        public init(id: String, day: String, label: String) {
            self.id = id
            self.day = day
            self.label = label
        }
    }

    public var input: EventInput
    /// The new day of every slot whose day changes (slot id → day).
    public var movedSlots: [String: String]
    public var datesChanged: Bool
    public var placeChanged: Bool

    /// Checks `input` (already valid on its own) against the stored first and last day and place.
    public static func check(
        _ input: EventInput, storedFirstDay: String, storedLastDay: String, storedPlace: String, storedOnlineURL: String, slots: [SlotDay],
        today: String
    ) -> Result<EventEdit, ValidationMessages> {
        var check = InputChecker()
        if input.firstDay != storedFirstDay, input.firstDay < today {
            check.fail("Der erste Tag darf nicht in der Vergangenheit liegen.")
        }
        let shift = ISODay.distance(from: storedFirstDay, to: input.firstDay) ?? 0
        var moved: [String: String] = [:]
        for slot in slots {
            let day = ISODay.adding(shift, to: slot.day)
            if day < input.firstDay || day > input.lastDay {
                check.fail(
                    "Das Zeitfenster \(slot.label) läge nach der Änderung außerhalb der Veranstaltungstage; bitte entfernen Sie es zuerst oder wählen Sie andere Tage."
                )
            } else if day != slot.day {
                moved[slot.id] = day
            }
        }
        return check.result(
            EventEdit(
                input: input, movedSlots: moved,
                datesChanged: input.firstDay != storedFirstDay || input.lastDay != storedLastDay,
                placeChanged: input.place != storedPlace || input.onlineURL != storedOnlineURL))
    }
}
