import Foundation

/// Generated barcamp instances for benchmarks: interest follows a skewed popularity, hosts are
/// participants, a few hosts are unavailable in a slot.
public struct ScheduleInstanceGenerator: Sendable {
    public var seed: UInt64
    public init(seed: UInt64) { self.seed = seed }

    public func instance(
        participants: Int = 400, sessions: Int = 60, rooms: Int = 8, slots: Int = 8, interestsPerParticipant: ClosedRange<Int> = 3...8
    ) -> ScheduleInstance {
        var random = SplitMix64(seed: seed)
        let roomList = (0..<rooms).map { ScheduleInstance.Room(id: "R\($0 + 1)", capacity: [15, 20, 25, 30, 40, 60, 80, 120][$0 % 8]) }
        let slotList = (0..<slots).map { "T\($0 + 1)" }
        // Popularity weights: a few sessions draw many people.
        let weights = (0..<sessions).map { _ in pow(Double.random(in: 0.05...1, using: &random), 2.5) }
        let total = weights.reduce(0, +)
        let sessionList = (0..<sessions).map { index -> ScheduleInstance.Session in
            let host = "p\(Int(random.next() % UInt64(participants)) + 1)"
            let unavailable = Int.random(in: 0..<10, using: &random) == 0 ? [slotList[Int(random.next() % UInt64(slots))]] : nil
            return ScheduleInstance.Session(id: "s\(index + 1)", hosts: [host], unavailableSlots: unavailable)
        }
        let participantList = (0..<participants).map { index -> ScheduleInstance.Participant in
            var chosen = Set<Int>()
            let wanted = Int.random(in: interestsPerParticipant, using: &random)
            while chosen.count < min(wanted, sessions) {
                var pick = Double.random(in: 0..<total, using: &random)
                var s = 0
                while s < sessions - 1 && pick >= weights[s] {
                    pick -= weights[s]
                    s += 1
                }
                chosen.insert(s)
            }
            return ScheduleInstance.Participant(id: "p\(index + 1)", interests: chosen.sorted().map { "s\($0 + 1)" })
        }
        return ScheduleInstance(rooms: roomList, slots: slotList, sessions: sessionList, participants: participantList)
    }
}
