/// The organiser's meeting windows ("treffen" slots of the slot grid), each with a meeting length
/// of 15, 20 or 30 minutes and a number of tables, cut into the slots the meeting scheduler plans:
/// a 45-minute window with 15-minute meetings holds three meetings per person, not one.
public struct MeetingWindows: Sendable, Equatable {
    public static let lengths = [15, 20, 30]

    public struct Window: Sendable, Equatable {
        public var slot: SlotGrid.Slot
        /// Minutes per meeting: 15, 20 or 30.
        public var length: Int
        public var tables: Int
        public init(slot: SlotGrid.Slot, length: Int, tables: Int) {
            self.slot = slot
            self.length = length
            self.tables = tables
        }
    }

    /// One meeting slot: the window it lies in and its time.
    public struct MeetingSlot: Sendable, Equatable {
        /// "<window id>/<n>", n from 1: the id the scheduler and the plan use.
        public var id: String
        public var window: String
        public var day: String
        public var start: Int
        public var end: Int
        public var tables: Int
        /// "10:00–10:15"
        public var timeLabel: String { "\(SlotGrid.clock(start))–\(SlotGrid.clock(end))" }
    }

    public var windows: [Window]
    public init(windows: [Window]) { self.windows = windows }

    /// Everything wrong with the windows, in German.
    public var problems: [String] {
        windows.flatMap { window -> [String] in
            var problems: [String] = []
            let name = "Zeitfenster \(GermanFormat.date(iso: window.slot.day)), \(window.slot.timeLabel) Uhr"
            if !Self.lengths.contains(window.length) { problems.append("\(name): Treffen dauern 15, 20 oder 30 Minuten, nicht \(window.length).") }
            if window.tables < 1 { problems.append("\(name): mindestens ein Tisch nötig.") }
            if window.slot.kind != .treffen { problems.append("\(name): kein Zeitfenster für 1:1-Treffen.") }
            if Self.lengths.contains(window.length) && window.slot.end - window.slot.start < window.length {
                problems.append("\(name): kürzer als ein Treffen (\(window.length) Minuten).")
            }
            return problems
        }
    }

    /// The meeting slots of every window in time order (a rest shorter than one meeting stays free).
    public var slots: [MeetingSlot] {
        windows.sorted { ($0.slot.day, $0.slot.start) < ($1.slot.day, $1.slot.start) }.flatMap { window -> [MeetingSlot] in
            guard window.length > 0, window.tables > 0 else { return [] }
            let count = max(0, (window.slot.end - window.slot.start) / window.length)
            return (0..<count).map { n in
                let start = window.slot.start + n * window.length
                return MeetingSlot(
                    id: "\(window.slot.id)/\(n + 1)", window: window.slot.id, day: window.slot.day, start: start, end: start + window.length,
                    tables: window.tables)
            }
        }
    }

    /// The scheduler's instance: these slots, the participants (nil availability: every slot) and
    /// the accepted requests.
    public func instance(participants: [MeetingInstance.Participant], requests: [MeetingInstance.Request]) -> MeetingInstance {
        MeetingInstance(slots: slots.map { .init(id: $0.id, tables: $0.tables) }, participants: participants, requests: requests)
    }
}
