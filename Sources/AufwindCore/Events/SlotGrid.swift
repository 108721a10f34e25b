import Foundation

/// The time grid of an event: slots per day for sessions, meetings (1:1 talks) or breaks.
/// Slots of one day must not overlap; breaks are slots of their own or gaps.
public struct SlotGrid: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case session, treffen, pause

        public var label: String {
            switch self {
            case .session: "Sessions"
            case .treffen: "1:1-Treffen"
            case .pause: "Pause"
            }
        }
    }

    public struct Slot: Sendable, Equatable, Codable {
        public var id: String
        /// ISO date (JJJJ-MM-TT).
        public var day: String
        /// Minutes after midnight.
        public var start: Int
        public var end: Int
        public var kind: Kind

        public init(id: String, day: String, start: Int, end: Int, kind: Kind) {
            self.id = id
            self.day = day
            self.start = start
            self.end = end
            self.kind = kind
        }

        public var minutes: Int { end - start }
        /// "09:30–10:15"
        public var timeLabel: String { "\(SlotGrid.clock(start))–\(SlotGrid.clock(end))" }
    }

    public private(set) var slots: [Slot]

    public init(slots: [Slot]) {
        self.slots = slots.sorted { ($0.day, $0.start) < ($1.day, $1.start) }
    }

    /// "09:05" for 545.
    public static func clock(_ minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// Minutes after midnight of "HH:MM" (00:00–24:00), nil otherwise.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }

    /// Adds a slot after checking it: a real day within the event, start before end, no overlap
    /// with another slot of that day. All problems in German; the grid is unchanged on failure.
    public mutating func add(_ slot: Slot, eventDays: ClosedRange<String>) -> Result<Void, ValidationMessages> {
        var problems: [ValidationMessage] = []
        if !ISODay.isValid(slot.day) {
            problems.append("Bitte einen Tag im Format JJJJ-MM-TT angeben.")
        } else if !eventDays.contains(slot.day) {
            problems.append("Der Tag \(GermanFormat.date(iso: slot.day)) liegt nicht im Zeitraum der Veranstaltung.")
        }
        if slot.start >= slot.end { problems.append("Das Zeitfenster muss enden, nachdem es beginnt.") }
        if let other = slots.first(where: { $0.id != slot.id && $0.day == slot.day && $0.start < slot.end && slot.start < $0.end }) {
            problems.append("Das Zeitfenster \(slot.timeLabel) überschneidet sich mit \(other.timeLabel) am \(GermanFormat.date(iso: other.day)).")
        }
        guard problems.isEmpty else { return .failure(ValidationMessages(messages: problems)) }
        slots.removeAll { $0.id == slot.id }
        slots.append(slot)
        slots.sort { ($0.day, $0.start) < ($1.day, $1.start) }
        return .success(())
    }

    /// The start of a slot as an instant, in German local time (Europe/Berlin).
    public static func instant(day: String, minutes: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let p = day.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2], hour: minutes / 60, minute: minutes % 60))
    }
}
