/// Plans the accepted 1:1 requests of one meeting window into its meeting slots and tables with
/// the meeting scheduler, keeping every meeting that still fits where it was (minimal change).
///
/// Times are minutes of the window's day, so a plan survives a change of the meeting length: a
/// previous meeting keeps its place when a meeting slot still starts at its time.
public struct MeetingWindowPlanner: Sendable {
    public struct Assignment: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var table: Int
        public init(start: Int, end: Int, table: Int) {
            self.start = start
            self.end = end
            self.table = table
        }
        /// "10:15–10:30"
        public var timeLabel: String { "\(SlotGrid.clock(start))–\(SlotGrid.clock(end))" }
    }

    public struct Request: Sendable, Equatable {
        public var id: String
        public var a: String
        public var b: String
        public var priority: Int
        /// Where the request's meeting was planned before (start minute and table).
        public var previous: Assignment?
        public init(id: String, a: String, b: String, priority: Int, previous: Assignment? = nil) {
            self.id = id
            self.a = a
            self.b = b
            self.priority = priority
            self.previous = previous
        }
    }

    /// A meeting that got a place, moved, or lost its place.
    public struct Change: Sendable, Equatable {
        public var request: String
        public var before: Assignment?
        public var after: Assignment?
        public init(request: String, before: Assignment?, after: Assignment?) {
            self.request = request
            self.before = before
            self.after = after
        }
    }

    public struct Result: Sendable, Equatable {
        public var assignments: [String: Assignment]
        public var changes: [Change]
        public var unscheduled: [String]
        public init(assignments: [String: Assignment], changes: [Change], unscheduled: [String]) {
            self.assignments = assignments
            self.changes = changes
            self.unscheduled = unscheduled
        }
    }

    public var window: MeetingWindows.Window
    /// Per participant, the times (minutes of the day, start..<end) they cannot meet.
    public var unavailable: [String: [Range<Int>]]

    public init(window: MeetingWindows.Window, unavailable: [String: [Range<Int>]] = [:]) {
        self.window = window
        self.unavailable = unavailable
    }

    public var slots: [MeetingWindows.MeetingSlot] { MeetingWindows(windows: [window]).slots }

    /// Plans `requests` around their previous places (each kept when its slot still exists, both
    /// people can then and its table is free, else planned anew); German problems are thrown.
    public func plan(_ requests: [Request], seed: UInt64 = 1) throws(MeetingScheduler.InvalidInstance) -> Result {
        let problems = MeetingWindows(windows: [window]).problems
        guard problems.isEmpty else { throw MeetingScheduler.InvalidInstance(problems: problems) }
        let slots = slots
        let people = Set(requests.flatMap { [$0.a, $0.b] }).sorted()
        let participants = people.map { person -> MeetingInstance.Participant in
            guard let blocked = unavailable[person], !blocked.isEmpty else { return .init(id: person) }
            return .init(id: person, available: slots.filter { slot in !blocked.contains { $0.overlaps(slot.start..<slot.end) } }.map(\.id))
        }
        let instance = MeetingInstance(
            slots: slots.map { .init(id: $0.id, tables: $0.tables) }, participants: participants,
            requests: requests.map { .init(id: $0.id, a: $0.a, b: $0.b, priority: $0.priority) })
        let scheduler = try MeetingScheduler(instance)
        let slotByStart = Dictionary(uniqueKeysWithValues: slots.map { ($0.start, $0) })
        let previous = MeetingPlan(
            meetings: requests.compactMap { request in
                guard let before = request.previous, let slot = slotByStart[before.start] else { return nil }
                return .init(request: request.id, slot: slot.id, table: before.table)
            }, unscheduled: [], score: 0, scheduled: 0)
        let plan = try scheduler.replan(previous: previous, seed: seed).plan
        let slotByID = Dictionary(uniqueKeysWithValues: slots.map { ($0.id, $0) })
        var assignments: [String: Assignment] = [:]
        for meeting in plan.meetings {
            guard let slot = slotByID[meeting.slot] else { continue }
            assignments[meeting.request] = Assignment(start: slot.start, end: slot.end, table: meeting.table)
        }
        let changes = requests.compactMap { request -> Change? in
            let after = assignments[request.id]
            return after == request.previous ? nil : Change(request: request.id, before: request.previous, after: after)
        }
        return Result(assignments: assignments, changes: changes, unscheduled: plan.unscheduled)
    }
}
