/// Plans 1:1 meetings (b2match style): accepted requests into slots and tables.
///
/// Hard constraints: nobody is in two meetings in one slot; a meeting only in a slot both people
/// are available in; at most `tables` meetings per slot; each request at most once.
/// Objective: the sum of the priorities (1–3) of the scheduled requests.
///
/// A greedy start (by priority, the tightest requests first, each into the slot its two people are
/// least wanted in), augmenting insertions (move the meetings in the way to another free slot),
/// then simulated annealing over ejection moves; deterministic for a seed.
public struct MeetingScheduler: Sendable {
    public let instance: MeetingInstance
    let requestCount, slotCount, personCount: Int
    let personA, personB: [Int]
    let weight: [Int]
    /// Per request: bit t set when both people are available in slot t.
    let allowed: [UInt64]
    let tables: [Int]
    let requestIndex: [String: Int]
    let slotIndex: [String: Int]

    /// Search steps of `optimize` by default: well under 2 s on the benchmark instances
    /// (400 participants, 2,000 requests, 18 slots, 40 tables) in a release build.
    public static let defaultIterations = 800_000
    /// Search steps of `replan` by default (only the new and displaced requests are open).
    public static let defaultReplanIterations = 200_000

    public struct InvalidInstance: Error, Sendable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    public init(_ instance: MeetingInstance) throws(InvalidInstance) {
        let problems = instance.problems
        guard problems.isEmpty else { throw InvalidInstance(problems: problems) }
        self.instance = instance
        requestCount = instance.requests.count
        slotCount = instance.slots.count
        personCount = instance.participants.count
        let slotIndex = Dictionary(uniqueKeysWithValues: instance.slots.enumerated().map { ($1.id, $0) })
        let personIndex = Dictionary(uniqueKeysWithValues: instance.participants.enumerated().map { ($1.id, $0) })
        let everySlot: UInt64 = slotCount == 64 ? ~0 : (1 << UInt64(slotCount)) - 1
        let availability = instance.participants.map { participant in
            participant.available.map { ids in ids.reduce(UInt64(0)) { $0 | (1 << UInt64(slotIndex[$1]!)) } } ?? everySlot
        }
        personA = instance.requests.map { personIndex[$0.a]! }
        personB = instance.requests.map { personIndex[$0.b]! }
        weight = instance.requests.map(\.priority)
        allowed = zip(personA, personB).map { availability[$0] & availability[$1] }
        tables = instance.slots.map(\.tables)
        requestIndex = Dictionary(uniqueKeysWithValues: instance.requests.enumerated().map { ($1.id, $0) })
        self.slotIndex = slotIndex
    }

    // MARK: Checking a plan from scratch (the reference the search is tested against)

    /// The sum of the priorities of the scheduled requests (`slots`: per request a slot or -1).
    public func evaluate(slots: [Int]) -> Int {
        (0..<requestCount).reduce(0) { $0 + (slots[$1] >= 0 ? weight[$1] : 0) }
    }

    /// Whether `slots` keeps every hard constraint.
    public func isFeasible(slots: [Int]) -> Bool {
        guard slots.count == requestCount else { return false }
        var busy = Set<Int>()
        var used = [Int](repeating: 0, count: slotCount)
        for r in 0..<requestCount where slots[r] >= 0 {
            let t = slots[r]
            guard t < slotCount, allowed[r] & (1 << UInt64(t)) != 0 else { return false }
            guard busy.insert(personA[r] * slotCount + t).inserted, busy.insert(personB[r] * slotCount + t).inserted else { return false }
            used[t] += 1
            if used[t] > tables[t] { return false }
        }
        return true
    }

    /// Whether a plan (e.g. read from JSON) keeps every constraint, tables included.
    public func isFeasible(_ plan: MeetingPlan) -> Bool {
        var seen = Set<Int>()
        var tablesTaken = Set<String>()
        for meeting in plan.meetings {
            guard let r = requestIndex[meeting.request], let t = slotIndex[meeting.slot], seen.insert(r).inserted,
                (1...tables[t]).contains(meeting.table), tablesTaken.insert("\(t)/\(meeting.table)").inserted
            else { return false }
        }
        return isFeasible(slots: slots(of: plan))
    }

    /// The slot of every request in `plan` (-1: not scheduled); unknown ids are skipped.
    public func slots(of plan: MeetingPlan) -> [Int] {
        var slots = [Int](repeating: -1, count: requestCount)
        for meeting in plan.meetings {
            guard let r = requestIndex[meeting.request], let t = slotIndex[meeting.slot] else { continue }
            slots[r] = t
        }
        return slots
    }

    /// The plan for `slots`, with tables numbered 1… per slot: a request keeps its entry in
    /// `preferredTables` when that table is free, the others take the lowest free table.
    public func plan(slots: [Int], preferredTables: [Int: Int] = [:]) -> MeetingPlan {
        var table = [Int](repeating: 0, count: requestCount)
        var taken = [Set<Int>](repeating: [], count: slotCount)
        for r in 0..<requestCount where slots[r] >= 0 {
            if let wanted = preferredTables[r], (1...tables[slots[r]]).contains(wanted), taken[slots[r]].insert(wanted).inserted {
                table[r] = wanted
            }
        }
        var next = [Int](repeating: 1, count: slotCount)
        for r in 0..<requestCount where slots[r] >= 0 && table[r] == 0 {
            let t = slots[r]
            while taken[t].contains(next[t]) { next[t] += 1 }
            table[r] = next[t]
            taken[t].insert(next[t])
        }
        let meetings = (0..<requestCount).filter { slots[$0] >= 0 }
            .sorted { (slots[$0], table[$0]) < (slots[$1], table[$1]) }
            .map { MeetingPlan.Meeting(request: instance.requests[$0].id, slot: instance.slots[slots[$0]].id, table: table[$0]) }
        let unscheduled = (0..<requestCount).filter { slots[$0] < 0 }.map { instance.requests[$0].id }
        return MeetingPlan(meetings: meetings, unscheduled: unscheduled, score: evaluate(slots: slots), scheduled: meetings.count)
    }

    // MARK: Search

    /// The best plan found from a greedy start, augmenting insertions and `iterations` annealing
    /// steps (deterministic for a seed).
    public func optimize(seed: UInt64 = 1, iterations: Int = MeetingScheduler.defaultIterations) -> MeetingPlan {
        var search = MeetingSearch(self)
        search.placeGreedily()
        search.anneal(iterations: iterations, seed: seed)
        return plan(slots: search.best)
    }

    /// Re-plans with minimal change (e.g. after late requests): every previous meeting that is still
    /// feasible keeps its slot and, where possible, its table and is never moved; the others and the
    /// new requests are planned around them. Previous meetings of requests or slots that no longer
    /// exist are dropped; a request twice in the previous plan is refused.
    public func replan(
        previous: MeetingPlan, seed: UInt64 = 1, iterations: Int = MeetingScheduler.defaultReplanIterations
    ) throws(InvalidInstance) -> (plan: MeetingPlan, report: MeetingReplanReport) {
        var seen = Set<String>()
        let twice = previous.meetings.filter { !seen.insert($0.request).inserted }.map(\.request)
        guard twice.isEmpty else {
            throw InvalidInstance(problems: twice.map { "Vorheriger Plan: Anfrage „\($0)“ kommt doppelt vor." })
        }
        var search = MeetingSearch(self)
        var preferredTables: [Int: Int] = [:]
        var hadMeeting = Set<Int>()
        var moved: [String] = []
        var dropped: [String] = []
        for meeting in previous.meetings {
            guard let r = requestIndex[meeting.request], let t = slotIndex[meeting.slot] else {
                dropped.append(meeting.request)
                continue
            }
            hadMeeting.insert(r)
            if search.canPlace(r, t) {
                search.place(r, t)
                search.fixed[r] = true
                preferredTables[r] = meeting.table
            } else {
                moved.append(meeting.request)
            }
        }
        let kept = preferredTables.count
        search.placeGreedily()
        search.anneal(iterations: iterations, seed: seed)
        let result = plan(slots: search.best, preferredTables: preferredTables)
        let added = (0..<requestCount).filter { search.best[$0] >= 0 && !hadMeeting.contains($0) }.map { instance.requests[$0].id }
        return (result, MeetingReplanReport(kept: kept, moved: moved, dropped: dropped, added: added))
    }
}
