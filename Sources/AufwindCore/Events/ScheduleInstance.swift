/// A barcamp planning problem, in exactly the JSON the `aufwind schedule` command reads:
/// `{"rooms":[{"id":"R1","capacity":40}],"slots":["T1"],"sessions":[{"id":"s1","hosts":["p1"],
/// "pinned":{"room":"R1","slot":"T1"},"unavailable_slots":["T2"]}],"participants":[{"id":"p1","interests":["s1"]}]}`
public struct ScheduleInstance: Sendable, Equatable, Codable {
    public struct Room: Sendable, Equatable, Codable {
        public var id: String
        public var capacity: Int
        public init(id: String, capacity: Int) {
            self.id = id
            self.capacity = capacity
        }
    }

    public struct Pin: Sendable, Equatable, Codable {
        public var room: String
        public var slot: String
        public init(room: String, slot: String) {
            self.room = room
            self.slot = slot
        }
    }

    public struct Session: Sendable, Equatable, Codable {
        public var id: String
        public var hosts: [String]
        public var pinned: Pin?
        public var unavailableSlots: [String]?

        enum CodingKeys: String, CodingKey {
            case id, hosts, pinned
            case unavailableSlots = "unavailable_slots"
        }

        public init(id: String, hosts: [String], pinned: Pin? = nil, unavailableSlots: [String]? = nil) {
            self.id = id
            self.hosts = hosts
            self.pinned = pinned
            self.unavailableSlots = unavailableSlots
        }
    }

    public struct Participant: Sendable, Equatable, Codable {
        public var id: String
        public var interests: [String]
        public init(id: String, interests: [String]) {
            self.id = id
            self.interests = interests
        }
    }

    public var rooms: [Room]
    public var slots: [String]
    public var sessions: [Session]
    public var participants: [Participant]

    public init(rooms: [Room], slots: [String], sessions: [Session], participants: [Participant]) {
        self.rooms = rooms
        self.slots = slots
        self.sessions = sessions
        self.participants = participants
    }

    /// Everything that makes the instance unusable, in German, naming the ids.
    public var problems: [String] {
        var problems: [String] = []
        func duplicates(_ ids: [String], _ what: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted { problems.append("\(what) „\(id)“ kommt doppelt vor.") }
        }
        duplicates(rooms.map(\.id), "Raum")
        duplicates(slots, "Zeitfenster")
        duplicates(sessions.map(\.id), "Session")
        duplicates(participants.map(\.id), "Teilnehmer")
        let roomIDs = Set(rooms.map(\.id))
        let slotIDs = Set(slots)
        let sessionIDs = Set(sessions.map(\.id))
        for room in rooms where room.capacity < 0 { problems.append("Raum „\(room.id)“ hat eine negative Kapazität.") }
        var pinnedCells: [String: String] = [:]
        var hostSlots: [String: String] = [:]
        for session in sessions {
            for slot in session.unavailableSlots ?? [] where !slotIDs.contains(slot) {
                problems.append("Session „\(session.id)“: unbekanntes Zeitfenster „\(slot)“ in unavailable_slots.")
            }
            guard let pin = session.pinned else { continue }
            if !roomIDs.contains(pin.room) { problems.append("Session „\(session.id)“: unbekannter Raum „\(pin.room)“ im Pin.") }
            if !slotIDs.contains(pin.slot) { problems.append("Session „\(session.id)“: unbekanntes Zeitfenster „\(pin.slot)“ im Pin.") }
            if (session.unavailableSlots ?? []).contains(pin.slot) {
                problems.append("Session „\(session.id)“ ist auf „\(pin.slot)“ festgelegt, aber dort nicht verfügbar.")
            }
            let cell = pin.room + "\u{1}" + pin.slot
            if let other = pinnedCells[cell] {
                problems.append("Die Pins widersprechen sich: „\(other)“ und „\(session.id)“ sind beide auf \(pin.room)/\(pin.slot) festgelegt.")
            } else {
                pinnedCells[cell] = session.id
            }
            for host in Set(session.hosts) {
                let key = host + "\u{1}" + pin.slot
                if let other = hostSlots[key] {
                    problems.append("Die Pins widersprechen sich: „\(host)“ leitet „\(other)“ und „\(session.id)“ beide in „\(pin.slot)“.")
                } else {
                    hostSlots[key] = session.id
                }
            }
        }
        for participant in participants {
            for interest in participant.interests where !sessionIDs.contains(interest) {
                problems.append("Teilnehmer „\(participant.id)“: unbekannte Session „\(interest)“.")
            }
        }
        return problems
    }
}

/// The plan: where each session takes place, what could not be placed, and the score.
public struct Schedule: Sendable, Equatable, Codable {
    public struct Assignment: Sendable, Equatable, Codable {
        public var session: String
        public var room: String
        public var slot: String
        public init(session: String, room: String, slot: String) {
            self.session = session
            self.room = room
            self.slot = slot
        }
    }

    public var assignments: [Assignment]
    public var unscheduled: [String]
    public var score: Int
    public var covered: Int
    public var overflow: Int

    public init(assignments: [Assignment], unscheduled: [String], score: Int, covered: Int, overflow: Int) {
        self.assignments = assignments
        self.unscheduled = unscheduled
        self.score = score
        self.covered = covered
        self.overflow = overflow
    }
}
