/// A published programme as people read it: per day every slot of the grid in time order —
/// session slots with their sessions in the order of the rooms, breaks and 1:1 windows as rows
/// of their own. The grid (rooms × time) and the list per slot (phones) both render from it,
/// and so does the CSV.
public struct ProgrammeTimetable: Sendable, Equatable {
    public struct Session: Sendable, Equatable {
        public var id: String
        public var title: String
        public var hosts: String
        public var field: Handlungsfeld?
        public var room: String
        public var slot: String

        public init(id: String, title: String, hosts: String, field: Handlungsfeld?, room: String, slot: String) {
            self.id = id
            self.title = title
            self.hosts = hosts
            self.field = field
            self.room = room
            self.slot = slot
        }
    }

    public struct Row: Sendable, Equatable {
        public var slot: SlotGrid.Slot
        /// The sessions of a session slot, in the order of the rooms (rooms no longer listed last).
        public var sessions: [Session]

        public func session(in room: String) -> Session? { sessions.first { $0.room == room } }
    }

    public struct Day: Sendable, Equatable {
        /// ISO date.
        public var day: String
        public var rows: [Row]
    }

    public var rooms: [String]
    public var days: [Day]

    /// Every slot of the grid; sessions whose slot is gone are left out (as in the grid).
    public init(slots: [SlotGrid.Slot], rooms: [String], sessions: [Session]) {
        self.rooms = rooms
        let rank = Dictionary(rooms.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let bySlot = Dictionary(grouping: sessions, by: \.slot)
        let rows = SlotGrid(slots: slots).slots.map { slot in
            Row(
                slot: slot,
                sessions: (bySlot[slot.id] ?? []).sorted {
                    (rank[$0.room] ?? rooms.count, $0.room, $0.title, $0.id) < (rank[$1.room] ?? rooms.count, $1.room, $1.title, $1.id)
                })
        }
        var days: [Day] = []
        for row in rows {
            if days.last?.day == row.slot.day {
                days[days.count - 1].rows.append(row)
            } else {
                days.append(Day(day: row.slot.day, rows: [row]))
            }
        }
        self.days = days
    }

    /// Every session, in time order and then in the order of the rooms.
    public var sessions: [Session] { days.flatMap { $0.rows.flatMap(\.sessions) } }

    /// The programme for German Excel: one line per session, break and 1:1 window.
    public func csv() -> String {
        let rows = days.flatMap { day in
            day.rows.flatMap { row -> [[String]] in
                let when = [GermanFormat.date(iso: day.day), SlotGrid.clock(row.slot.start), SlotGrid.clock(row.slot.end)]
                guard row.slot.kind == .session else { return [when + ["", row.slot.kind.label, row.slot.kind.label, "", ""]] }
                return row.sessions.map { when + [$0.room, "Session", $0.title, $0.field?.label ?? "", $0.hosts] }
            }
        }
        return GermanCSV.document(header: ["Tag", "Beginn", "Ende", "Raum", "Art", "Titel", "Handlungsfeld", "Leitung"], rows: rows)
    }
}
