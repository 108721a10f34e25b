import Foundation

/// Plans a barcamp: sessions into (room, slot) cells so that as many participants as possible
/// have something they care about in every slot, and rooms fit the interest.
///
/// score = Σ over participants p and slots t of min(1, sessions in t that p hosts or is
/// interested in) − Σ over scheduled sessions of max(0, interested − room capacity).
///
/// Hard constraints: one session per cell; a host hosts at most one session per slot; pins stay;
/// no session in a slot it is unavailable in. A greedy start, then simulated annealing with moves,
/// swaps, placements and replacements, all scored incrementally; deterministic for a seed.
public struct ScheduleOptimizer: Sendable {
    public let instance: ScheduleInstance
    let sessionCount, slotCount, roomCount, participantCount: Int
    /// Per session: the listed participants it matters to (interested or hosting), unique.
    let relevant: [[Int32]]
    /// Per session: its hosts as numbers (all host ids, listed participants or not).
    let hosts: [[Int32]]
    let hostCount: Int
    let interest: [Int]
    let capacity: [Int]
    /// Per session: bit t set when it cannot take place in slot t.
    let unavailable: [UInt64]
    /// Per session: its pinned cell, or -1.
    let pinnedCell: [Int]

    public struct InvalidInstance: Error, Sendable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    public init(_ instance: ScheduleInstance) throws(InvalidInstance) {
        var problems = instance.problems
        if instance.slots.count > 64 { problems.append("Höchstens 64 Zeitfenster.") }
        guard problems.isEmpty else { throw InvalidInstance(problems: problems) }
        self.instance = instance
        sessionCount = instance.sessions.count
        slotCount = instance.slots.count
        roomCount = instance.rooms.count
        participantCount = instance.participants.count
        let sessionIndex = Dictionary(uniqueKeysWithValues: instance.sessions.enumerated().map { ($1.id, $0) })
        let slotIndex = Dictionary(uniqueKeysWithValues: instance.slots.enumerated().map { ($1, $0) })
        let roomIndex = Dictionary(uniqueKeysWithValues: instance.rooms.enumerated().map { ($1.id, $0) })
        let participantIndex = Dictionary(uniqueKeysWithValues: instance.participants.enumerated().map { ($1.id, $0) })
        var relevantSets = [Set<Int32>](repeating: [], count: sessionCount)
        var interest = [Int](repeating: 0, count: sessionCount)
        for (p, participant) in instance.participants.enumerated() {
            for id in Set(participant.interests) {
                guard let s = sessionIndex[id] else { continue }
                relevantSets[s].insert(Int32(p))
                interest[s] += 1
            }
        }
        var hostNumbers: [String: Int32] = [:]
        var hosts: [[Int32]] = []
        for (s, session) in instance.sessions.enumerated() {
            var list: [Int32] = []
            for host in Set(session.hosts) {
                if let p = participantIndex[host] { relevantSets[s].insert(Int32(p)) }
                let number = hostNumbers[host] ?? Int32(hostNumbers.count)
                hostNumbers[host] = number
                list.append(number)
            }
            hosts.append(list.sorted())
        }
        relevant = relevantSets.map { $0.sorted() }
        self.hosts = hosts
        hostCount = hostNumbers.count
        self.interest = interest
        capacity = instance.rooms.map(\.capacity)
        unavailable = instance.sessions.map { session in
            (session.unavailableSlots ?? []).reduce(UInt64(0)) { bits, slot in bits | (1 << UInt64(slotIndex[slot]!)) }
        }
        let slots = slotCount
        pinnedCell = instance.sessions.map { session in
            guard let pin = session.pinned else { return -1 }
            return roomIndex[pin.room]! * slots + slotIndex[pin.slot]!
        }
    }

    var cellCount: Int { roomCount * slotCount }
    func slot(of cell: Int) -> Int { cell % slotCount }
    func room(of cell: Int) -> Int { cell / slotCount }
    func overflow(_ s: Int, room: Int) -> Int { max(0, interest[s] - capacity[room]) }

    // MARK: Scoring from scratch (the reference the incremental search is checked against)

    /// Score, covered and overflow of `cells` (per session: a cell or -1), computed directly.
    public func evaluate(cells: [Int]) -> (score: Int, covered: Int, overflow: Int) {
        var has = [Bool](repeating: false, count: participantCount * slotCount)
        var overflow = 0
        for s in 0..<sessionCount where cells[s] >= 0 {
            let t = slot(of: cells[s])
            for p in relevant[s] { has[Int(p) * slotCount + t] = true }
            overflow += self.overflow(s, room: room(of: cells[s]))
        }
        let covered = has.reduce(0) { $0 + ($1 ? 1 : 0) }
        return (covered - overflow, covered, overflow)
    }

    public func schedule(cells: [Int]) -> Schedule {
        let value = evaluate(cells: cells)
        var assignments: [Schedule.Assignment] = []
        var unscheduled: [String] = []
        for (s, session) in instance.sessions.enumerated() {
            if cells[s] >= 0 {
                assignments.append(.init(session: session.id, room: instance.rooms[room(of: cells[s])].id, slot: instance.slots[slot(of: cells[s])]))
            } else {
                unscheduled.append(session.id)
            }
        }
        return Schedule(assignments: assignments, unscheduled: unscheduled, score: value.score, covered: value.covered, overflow: value.overflow)
    }

    /// Whether `cells` keeps every hard constraint.
    public func isFeasible(cells: [Int]) -> Bool {
        var used = Set<Int>()
        var hostSlots = Set<Int>()
        for s in 0..<sessionCount {
            if pinnedCell[s] >= 0 && cells[s] != pinnedCell[s] { return false }
            guard cells[s] >= 0 else { continue }
            guard used.insert(cells[s]).inserted, unavailable[s] & (1 << UInt64(slot(of: cells[s]))) == 0 else { return false }
            for h in hosts[s] where !hostSlots.insert(Int(h) * slotCount + slot(of: cells[s])).inserted { return false }
        }
        return true
    }

    /// The cell of every session in `schedule` (-1: not placed); unknown ids are skipped.
    public func cells(of schedule: Schedule) -> [Int] {
        let roomIndex = Dictionary(uniqueKeysWithValues: instance.rooms.enumerated().map { ($1.id, $0) })
        let slotIndex = Dictionary(uniqueKeysWithValues: instance.slots.enumerated().map { ($1, $0) })
        let sessionIndex = Dictionary(uniqueKeysWithValues: instance.sessions.enumerated().map { ($1.id, $0) })
        var cells = [Int](repeating: -1, count: sessionCount)
        for assignment in schedule.assignments {
            guard let s = sessionIndex[assignment.session], let r = roomIndex[assignment.room], let t = slotIndex[assignment.slot] else { continue }
            cells[s] = r * slotCount + t
        }
        return cells
    }

    /// Scores a plan (e.g. one edited by hand) from scratch.
    public func evaluate(_ schedule: Schedule) -> (score: Int, covered: Int, overflow: Int) {
        evaluate(cells: cells(of: schedule))
    }

    // MARK: Search

    /// The best plan found with `iterations` annealing steps from a greedy start (deterministic).
    public func optimize(seed: UInt64 = 1, iterations: Int = 400_000) -> Schedule {
        var state = SearchState(self)
        state.placeGreedily(order: (0..<sessionCount).sorted { (interest[$0], $1) > (interest[$1], $0) })
        state.anneal(iterations: iterations, seed: seed, stayPenalty: 0)
        return schedule(cells: state.bestCells)
    }

    /// Re-plans after a change (sessions added or cancelled, pins, rooms): sessions keep their
    /// previous cell unless moving gains more than `movePenalty` points each. Returns the plan and
    /// the sessions that moved (new and cancelled ones are not counted as moved).
    public func replan(previous: Schedule, movePenalty: Int = 20, seed: UInt64 = 1, iterations: Int = 60_000) -> (schedule: Schedule, moved: [String])
    {
        let before = cells(of: previous)
        var state = SearchState(self)
        state.previous = before
        // Keep what still fits where it was, then place the rest (new sessions) greedily.
        for s in 0..<sessionCount where pinnedCell[s] < 0 && before[s] >= 0 && state.canPlace(s, before[s]) {
            _ = state.place(s, before[s])
        }
        state.placeGreedily(order: (0..<sessionCount).filter { state.cell[$0] < 0 }.sorted { (interest[$0], $1) > (interest[$1], $0) })
        state.anneal(iterations: iterations, seed: seed, stayPenalty: movePenalty)
        let cells = state.bestCells
        let moved = (0..<sessionCount).filter { before[$0] >= 0 && cells[$0] != before[$0] }.map { instance.sessions[$0].id }
        return (schedule(cells: cells), moved)
    }
}

/// The mutable search state with incremental scoring.
struct SearchState {
    let plan: ScheduleOptimizer
    var cell: [Int]
    var occupant: [Int]
    /// Per participant and slot: how many relevant sessions lie there.
    var count: [Int16]
    var hostBusy: [Bool]
    var score = 0
    /// Per session: the cell it had before a re-plan (-1: none); leaving it costs `stayPenalty`.
    var previous: [Int] {
        didSet { moved = (0..<plan.sessionCount).filter { previous[$0] >= 0 && cell[$0] != previous[$0] }.count }
    }
    /// Sessions that had a previous cell and are not in it now (kept current by place/remove).
    var moved = 0
    var bestCells: [Int] = []
    var bestValue = Int.min

    init(_ plan: ScheduleOptimizer) {
        self.plan = plan
        cell = [Int](repeating: -1, count: plan.sessionCount)
        occupant = [Int](repeating: -1, count: plan.cellCount)
        count = [Int16](repeating: 0, count: plan.participantCount * plan.slotCount)
        hostBusy = [Bool](repeating: false, count: plan.hostCount * plan.slotCount)
        previous = [Int](repeating: -1, count: plan.sessionCount)
        for s in 0..<plan.sessionCount where plan.pinnedCell[s] >= 0 { _ = place(s, plan.pinnedCell[s]) }
    }

    func canPlace(_ s: Int, _ c: Int) -> Bool {
        guard occupant[c] < 0 else { return false }
        let t = plan.slot(of: c)
        if plan.unavailable[s] & (1 << UInt64(t)) != 0 { return false }
        for h in plan.hosts[s] where hostBusy[Int(h) * plan.slotCount + t] { return false }
        return true
    }

    /// Places an unplaced session; returns the score change.
    mutating func place(_ s: Int, _ c: Int) -> Int {
        let t = plan.slot(of: c)
        let slots = plan.slotCount
        var delta = -plan.overflow(s, room: plan.room(of: c))
        for p in plan.relevant[s] {
            let index = Int(p) * slots + t
            if count[index] == 0 { delta += 1 }
            count[index] += 1
        }
        for h in plan.hosts[s] { hostBusy[Int(h) * slots + t] = true }
        if previous[s] >= 0 { moved += (c != previous[s] ? 1 : 0) - (cell[s] != previous[s] ? 1 : 0) }
        cell[s] = c
        occupant[c] = s
        score += delta
        return delta
    }

    /// Takes a placed session out; returns the score change.
    mutating func remove(_ s: Int) -> Int {
        let c = cell[s]
        let t = plan.slot(of: c)
        let slots = plan.slotCount
        var delta = plan.overflow(s, room: plan.room(of: c))
        for p in plan.relevant[s] {
            let index = Int(p) * slots + t
            count[index] -= 1
            if count[index] == 0 { delta -= 1 }
        }
        for h in plan.hosts[s] { hostBusy[Int(h) * slots + t] = false }
        if previous[s] >= 0 && cell[s] == previous[s] { moved += 1 }
        cell[s] = -1
        occupant[c] = -1
        score += delta
        return delta
    }

    /// The value the search maximises: the score, minus the penalty for sessions that left
    /// their previous cell (re-planning only).
    func value(stayPenalty: Int) -> Int {
        stayPenalty > 0 ? score - stayPenalty * moved : score
    }

    mutating func placeGreedily(order: [Int]) {
        for s in order where cell[s] < 0 && plan.pinnedCell[s] < 0 {
            var best = -1
            var bestGain = Int.min
            for c in 0..<plan.cellCount where canPlace(s, c) {
                let gain = place(s, c)
                _ = remove(s)
                if gain > bestGain {
                    bestGain = gain
                    best = c
                }
            }
            if best >= 0 && bestGain >= 0 { _ = place(s, best) }
        }
        remember(stayPenalty: 0)
    }

    mutating func remember(stayPenalty: Int) {
        let current = value(stayPenalty: stayPenalty)
        if current > bestValue {
            bestValue = current
            bestCells = cell
        }
    }

    /// Simulated annealing over moves, swaps, placements, replacements and removals.
    mutating func anneal(iterations: Int, seed: UInt64, stayPenalty: Int) {
        bestValue = Int.min
        remember(stayPenalty: stayPenalty)
        guard plan.sessionCount > 0, plan.cellCount > 0, iterations > 0 else { return }
        var random = SplitMix64(seed: seed)
        let free = (0..<plan.sessionCount).filter { plan.pinnedCell[$0] < 0 }
        guard !free.isEmpty else { return }
        var current = value(stayPenalty: stayPenalty)
        let startTemperature = 2.0
        let endTemperature = 0.02
        for step in 0..<iterations {
            let temperature = startTemperature * pow(endTemperature / startTemperature, Double(step) / Double(iterations))
            let s = free[Int(random.next() % UInt64(free.count))]
            let target = Int(random.next() % UInt64(plan.cellCount))
            let other = occupant[target]
            if other >= 0 && (other == s || plan.pinnedCell[other] >= 0) { continue }
            // Undo information: where s and other were.
            let fromS = cell[s]
            let fromOther = other >= 0 ? cell[other] : -1
            var applied = true
            if fromS >= 0 { _ = remove(s) }
            if other >= 0 { _ = remove(other) }
            if canPlace(s, target) {
                _ = place(s, target)
                if other >= 0 {
                    // swap when s had a cell, else `other` becomes unscheduled (replacement)
                    if fromS >= 0 {
                        if canPlace(other, fromS) { _ = place(other, fromS) } else { applied = false }
                    }
                }
            } else {
                applied = false
            }
            if applied {
                let candidate = value(stayPenalty: stayPenalty)
                let delta = candidate - current
                if delta >= 0 || Double.random(in: 0..<1, using: &random) < exp(Double(delta) / temperature) {
                    current = candidate
                    if current > bestValue {
                        bestValue = current
                        bestCells = cell
                    }
                    continue
                }
            }
            // Revert to exactly the state before the step.
            if cell[s] >= 0 { _ = remove(s) }
            if other >= 0 && cell[other] >= 0 { _ = remove(other) }
            if fromS >= 0 { _ = place(s, fromS) }
            if fromOther >= 0 { _ = place(other, fromOther) }
        }
    }
}
