import Foundation

/// The mutable state of the meeting search: who meets when, with an undo log so that a rejected
/// move is taken back exactly.
struct MeetingSearch {
    let problem: MeetingScheduler
    let slotCount: Int
    /// Per request: its slot, or -1.
    var slot: [Int]
    /// Per person and slot: the request they meet for, or -1.
    var busy: [Int32]
    /// Per slot: the requests meeting there.
    var members: [[Int32]]
    /// Bit t set while slot t has a free table.
    var freeSlots: UInt64 = 0
    /// Requests without a slot that have at least one slot both people are available in.
    var open: [Int32] = []
    /// Per request: its index in `members[slot]`, or in `open` while unscheduled.
    var position: [Int]
    /// Previous meetings a re-plan keeps: never moved, never ejected.
    var fixed: [Bool]
    var score = 0
    var best: [Int]
    var bestScore = 0
    /// While a move is tried: (request, slot before) for every change, to take it back.
    var log: [(request: Int, slot: Int)] = []
    var logging = false

    init(_ problem: MeetingScheduler) {
        self.problem = problem
        slotCount = problem.slotCount
        slot = [Int](repeating: -1, count: problem.requestCount)
        busy = [Int32](repeating: -1, count: problem.personCount * problem.slotCount)
        members = [[Int32]](repeating: [], count: problem.slotCount)
        position = [Int](repeating: -1, count: problem.requestCount)
        fixed = [Bool](repeating: false, count: problem.requestCount)
        for r in 0..<problem.requestCount where problem.allowed[r] != 0 {
            position[r] = open.count
            open.append(Int32(r))
        }
        best = slot
        for t in 0..<slotCount { freeSlots |= 1 << UInt64(t) }
    }

    // MARK: Elementary changes

    func canPlace(_ r: Int, _ t: Int) -> Bool {
        problem.allowed[r] & (1 << UInt64(t)) != 0 && busy[problem.personA[r] * slotCount + t] < 0
            && busy[problem.personB[r] * slotCount + t] < 0 && members[t].count < problem.tables[t]
    }

    /// The meetings of the two people of `r` in slot `t` (-1: none).
    func blockers(_ r: Int, _ t: Int) -> (a: Int, b: Int) {
        (Int(busy[problem.personA[r] * slotCount + t]), Int(busy[problem.personB[r] * slotCount + t]))
    }

    mutating func place(_ r: Int, _ t: Int) {
        let last = open.removeLast()
        if Int(last) != r {
            open[position[r]] = last
            position[Int(last)] = position[r]
        }
        position[r] = members[t].count
        members[t].append(Int32(r))
        if members[t].count >= problem.tables[t] { freeSlots &= ~(1 << UInt64(t)) }
        busy[problem.personA[r] * slotCount + t] = Int32(r)
        busy[problem.personB[r] * slotCount + t] = Int32(r)
        slot[r] = t
        score += problem.weight[r]
        if logging { log.append((r, -1)) }
    }

    mutating func remove(_ r: Int) {
        let t = slot[r]
        let last = members[t].removeLast()
        if Int(last) != r {
            members[t][position[r]] = last
            position[Int(last)] = position[r]
        }
        freeSlots |= 1 << UInt64(t)
        position[r] = open.count
        open.append(Int32(r))
        busy[problem.personA[r] * slotCount + t] = -1
        busy[problem.personB[r] * slotCount + t] = -1
        slot[r] = -1
        score -= problem.weight[r]
        if logging { log.append((r, t)) }
    }

    /// Moves a scheduled request to another slot it can take directly.
    mutating func relocate(_ r: Int, to t: Int) {
        remove(r)
        place(r, t)
    }

    mutating func beginMove() {
        log.removeAll(keepingCapacity: true)
        logging = true
    }

    mutating func commitMove() { logging = false }

    /// Takes back every change since `beginMove`.
    mutating func revertMove() {
        logging = false
        for (r, before) in log.reversed() {
            if before < 0 { remove(r) } else { place(r, before) }
        }
    }

    mutating func rememberIfBest() {
        if score > bestScore {
            bestScore = score
            best = slot
        }
    }

    // MARK: Greedy start

    /// Places the open requests by priority, those with the fewest possible slots and the busiest
    /// people first, each into the feasible slot where its two people have the fewest other open
    /// requests (ties: the emptier slot).
    mutating func placeGreedily() {
        let degree = (0..<problem.requestCount).reduce(into: [Int](repeating: 0, count: problem.personCount)) { degree, r in
            degree[problem.personA[r]] += 1
            degree[problem.personB[r]] += 1
        }
        var pressure = [Int32](repeating: 0, count: problem.personCount * slotCount)
        func press(_ r: Int, _ by: Int32) {
            var bits = problem.allowed[r]
            while bits != 0 {
                let t = bits.trailingZeroBitCount
                bits &= bits - 1
                pressure[problem.personA[r] * slotCount + t] += by
                pressure[problem.personB[r] * slotCount + t] += by
            }
        }
        let order = open.map(Int.init).sorted { x, y in
            let left = (-problem.weight[x], problem.allowed[x].nonzeroBitCount, -(degree[problem.personA[x]] + degree[problem.personB[x]]), x)
            let right = (-problem.weight[y], problem.allowed[y].nonzeroBitCount, -(degree[problem.personA[y]] + degree[problem.personB[y]]), y)
            return left < right
        }
        for r in order { press(r, 1) }
        for r in order {
            press(r, -1)
            var chosen = -1
            var chosenCost = (Int32.max, Int.max)
            var bits = problem.allowed[r]
            while bits != 0 {
                let t = bits.trailingZeroBitCount
                bits &= bits - 1
                guard canPlace(r, t) else { continue }
                let cost = (
                    pressure[problem.personA[r] * slotCount + t] + pressure[problem.personB[r] * slotCount + t], members[t].count
                )
                if cost < chosenCost {
                    chosenCost = cost
                    chosen = t
                }
            }
            if chosen >= 0 { place(r, chosen) } else { _ = insertMovingOthers(r, random: nil) }
        }
        bestScore = score
        best = slot
    }

    // MARK: Moves

    /// Moves a scheduled, movable request to any other slot it can take directly; false when none.
    mutating func relocateDirectly(_ m: Int, avoiding t: Int, start: Int) -> Bool {
        guard !fixed[m] else { return false }
        let bits = problem.allowed[m] & freeSlots & ~(1 << UInt64(t)) & ~(1 << UInt64(slot[m]))
        guard bits != 0 else { return false }
        let rotated = start % slotCount
        for step in 0..<slotCount {
            let target = (rotated + step) % slotCount
            guard bits & (1 << UInt64(target)) != 0 else { continue }
            // `m` still occupies its own slot; only other slots are candidates.
            if canPlace(m, target) {
                relocate(m, to: target)
                return true
            }
        }
        return false
    }

    /// Inserts the open request `r` into some slot by moving the meetings in its way (its two
    /// people's meetings there, or one meeting to free a table) to other free slots. Nothing is
    /// ejected; on failure the state is unchanged. `random` varies the order tried.
    mutating func insertMovingOthers(_ r: Int, random: UInt64?) -> Bool {
        let start = Int((random ?? 0) % UInt64(slotCount))
        for step in 0..<slotCount {
            let t = (start + step) % slotCount
            guard problem.allowed[r] & (1 << UInt64(t)) != 0 else { continue }
            let wasLogging = logging
            let mark = log.count
            logging = true
            if tryInsert(r, t, eject: false, random: random ?? 0) {
                logging = wasLogging
                if !wasLogging { log.removeAll(keepingCapacity: true) }
                return true
            }
            // take back what this attempt changed (only the part after `mark`)
            while log.count > mark {
                let (changed, before) = log.removeLast()
                logging = false
                if before < 0 { remove(changed) } else { place(changed, before) }
            }
            logging = wasLogging
        }
        return false
    }

    /// Puts `r` into slot `t`: the meetings of its two people there go to other slots, or, with
    /// `eject`, back to the open requests; a full slot gives up one meeting the same way (with
    /// `eject` the lightest of a few sampled). Returns false (state partly changed, the caller
    /// reverts) when it cannot.
    mutating func tryInsert(_ r: Int, _ t: Int, eject: Bool, random: UInt64) -> Bool {
        let (ba, bb) = blockers(r, t)
        if (ba >= 0 && fixed[ba]) || (bb >= 0 && fixed[bb]) { return false }
        var displaced: [Int] = []
        if ba >= 0 {
            if !relocateDirectly(ba, avoiding: t, start: Int(random >> 8)) {
                guard eject else { return false }
                remove(ba)
                displaced.append(ba)
            }
        }
        if bb >= 0 && bb != ba {
            if !relocateDirectly(bb, avoiding: t, start: Int(random >> 16)) {
                guard eject else { return false }
                remove(bb)
                displaced.append(bb)
            }
        }
        if members[t].count >= problem.tables[t] {
            let count = members[t].count
            let offset = Int((random >> 24) % UInt64(count))
            var freed = false
            for step in 0..<count {
                let m = Int(members[t][(offset + step) % count])
                if relocateDirectly(m, avoiding: t, start: Int(random >> 32)) {
                    freed = true
                    break
                }
            }
            if !freed {
                guard eject else { return false }
                var victim = -1
                for step in 0..<min(count, 8) {
                    let m = Int(members[t][(offset + step * 5) % count])
                    if !fixed[m] && (victim < 0 || problem.weight[m] < problem.weight[victim]) { victim = m }
                }
                guard victim >= 0 else { return false }
                remove(victim)
                displaced.append(victim)
            }
        }
        guard canPlace(r, t) else { return false }
        place(r, t)
        // The displaced may still fit elsewhere without moving anyone.
        for m in displaced {
            var bits = problem.allowed[m]
            while bits != 0 {
                let target = bits.trailingZeroBitCount
                bits &= bits - 1
                if canPlace(m, target) {
                    place(m, target)
                    break
                }
            }
        }
        return true
    }

    /// Tries every open request once, heaviest first, with `insertMovingOthers`.
    mutating func augment() {
        let order = open.map(Int.init).sorted { (-problem.weight[$0], $0) < (-problem.weight[$1], $1) }
        for r in order where slot[r] < 0 { _ = insertMovingOthers(r, random: nil) }
    }

    /// Simulated annealing over ejection moves: an open request (the heavier of two drawn) goes into a random slot it may
    /// take; what is in its way moves elsewhere or becomes open. Ends with augmenting insertions
    /// from the best state found.
    mutating func anneal(iterations: Int, seed: UInt64) {
        augment()
        rememberIfBest()
        var random = SplitMix64(seed: seed)
        let startTemperature = 0.8
        let endTemperature = 0.05
        var step = 0
        while step < iterations && !open.isEmpty {
            let temperature = startTemperature * pow(endTemperature / startTemperature, Double(step) / Double(iterations))
            step += 1
            let bits = random.next()
            // the heavier of two open requests: heavy ones are tried more often
            let first = Int(open[Int(bits % UInt64(open.count))])
            let second = Int(open[Int(random.next() % UInt64(open.count))])
            let r = problem.weight[second] > problem.weight[first] ? second : first
            let allowed = problem.allowed[r]
            // a random allowed slot: the k-th set bit
            var k = Int((bits >> 40) % UInt64(allowed.nonzeroBitCount))
            var remaining = allowed
            while k > 0 {
                remaining &= remaining - 1
                k -= 1
            }
            let t = remaining.trailingZeroBitCount
            let before = score
            beginMove()
            guard tryInsert(r, t, eject: true, random: random.next()) else {
                revertMove()
                continue
            }
            let delta = score - before
            if delta >= 0 || Double.random(in: 0..<1, using: &random) < exp(Double(delta) / temperature) {
                commitMove()
                rememberIfBest()
            } else {
                revertMove()
            }
        }
        load(best)
        augment()
        rememberIfBest()
    }

    /// Replaces the current state by `slots` (which must be feasible and keep the fixed requests).
    mutating func load(_ slots: [Int]) {
        logging = false
        for r in 0..<problem.requestCount where slot[r] >= 0 && !fixed[r] { remove(r) }
        for r in 0..<problem.requestCount where slots[r] >= 0 && slot[r] < 0 { place(r, slots[r]) }
    }
}
