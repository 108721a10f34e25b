/// A 1:1 meeting planning problem, in exactly the JSON `aufwind schedule-meetings` reads:
/// `{"slots":[{"id":"s1","tables":40}],"participants":[{"id":"p1","available":["s1"]}],
/// "requests":[{"id":"r1","a":"p1","b":"p2","priority":2}]}`. A participant without `available`
/// is available in every slot.
public struct MeetingInstance: Sendable, Equatable, Codable {
    public struct Slot: Sendable, Equatable, Codable {
        public var id: String
        public var tables: Int
        public init(id: String, tables: Int) {
            self.id = id
            self.tables = tables
        }
    }

    public struct Participant: Sendable, Equatable, Codable {
        public var id: String
        /// The slots the participant can meet in; nil: every slot.
        public var available: [String]?
        public init(id: String, available: [String]? = nil) {
            self.id = id
            self.available = available
        }
    }

    /// A meeting request between `a` (usually the requesting side) and `b`, priority 1 (nice to
    /// have) to 3 (important).
    public struct Request: Sendable, Equatable, Codable {
        public var id: String
        public var a: String
        public var b: String
        public var priority: Int
        public init(id: String, a: String, b: String, priority: Int) {
            self.id = id
            self.a = a
            self.b = b
            self.priority = priority
        }
    }

    public static let priorities = 1...3
    /// The search keeps a slot set in one 64-bit word.
    public static let maximumSlots = 64

    public var slots: [Slot]
    public var participants: [Participant]
    public var requests: [Request]

    public init(slots: [Slot], participants: [Participant], requests: [Request]) {
        self.slots = slots
        self.participants = participants
        self.requests = requests
    }

    /// Everything that makes the instance unusable, in German, naming the ids.
    public var problems: [String] {
        var problems: [String] = []
        func duplicates(_ ids: [String], _ what: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted { problems.append("\(what) „\(id)“ kommt doppelt vor.") }
            if ids.contains("") { problems.append("\(what) ohne ID (leere „id“).") }
        }
        duplicates(slots.map(\.id), "Zeitfenster")
        duplicates(participants.map(\.id), "Teilnehmer")
        duplicates(requests.map(\.id), "Anfrage")
        if slots.count > Self.maximumSlots { problems.append("Höchstens \(Self.maximumSlots) Zeitfenster (hier \(slots.count)).") }
        for slot in slots where slot.tables < 1 {
            problems.append("Zeitfenster „\(slot.id)“ hat \(slot.tables) Tische; es braucht mindestens einen.")
        }
        let slotIDs = Set(slots.map(\.id))
        let participantIDs = Set(participants.map(\.id))
        for participant in participants {
            for slot in participant.available ?? [] where !slotIDs.contains(slot) {
                problems.append("Teilnehmer „\(participant.id)“: unbekanntes Zeitfenster „\(slot)“ in available.")
            }
        }
        var pairs: [String: String] = [:]
        for request in requests {
            for (side, person) in [("a", request.a), ("b", request.b)] where !participantIDs.contains(person) {
                problems.append("Anfrage „\(request.id)“: unbekannter Teilnehmer „\(person)“ bei \(side).")
            }
            if request.a == request.b {
                problems.append("Anfrage „\(request.id)“: „\(request.a)“ kann sich nicht mit sich selbst treffen (a und b gleich).")
            }
            if !Self.priorities.contains(request.priority) {
                problems.append("Anfrage „\(request.id)“: Priorität \(request.priority) liegt nicht zwischen 1 und 3.")
            }
            // One meeting per pair: a second request between the same two people (either direction)
            // is a contradiction, not a second meeting.
            let pair = [request.a, request.b].sorted().joined(separator: "\u{1}")
            if request.a != request.b, let other = pairs[pair] {
                problems.append(
                    "Anfrage „\(request.id)“ verbindet dieselben Teilnehmer wie „\(other)“ („\(request.a)“ und „\(request.b)“); je Paar nur eine Anfrage."
                )
            } else {
                pairs[pair] = request.id
            }
        }
        return problems
    }
}
