import Foundation

/// Generated 1:1 meeting instances for benchmarks, shaped like a two-day b2match event: slots in
/// two days, some participants only on one day or in part of the slots, requests skewed towards a
/// few sought-after participants, who are also asked with higher priorities.
public struct MeetingInstanceGenerator: Sendable {
    public var seed: UInt64
    public init(seed: UInt64) { self.seed = seed }

    public func instance(participants: Int = 400, requests: Int = 2_000, slots: Int = 18, tables: Int = 40) -> MeetingInstance {
        var random = SplitMix64(seed: seed)
        let slotList = (0..<slots).map { MeetingInstance.Slot(id: "s\($0 + 1)", tables: tables) }
        let firstDay = slots / 2
        let participantList = (0..<participants).map { index -> MeetingInstance.Participant in
            let id = "p\(index + 1)"
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<11: return .init(id: id)
            case 11..<15: return .init(id: id, available: slotList[..<firstDay].map(\.id))
            case 15..<18: return .init(id: id, available: slotList[firstDay...].map(\.id))
            default:
                let some = slotList.filter { _ in Int.random(in: 0..<10, using: &random) < 6 }.map(\.id)
                return .init(id: id, available: some.isEmpty ? [slotList[0].id] : some)
            }
        }
        // Popularity: a few participants are wanted by many.
        let popularity = (0..<participants).map { _ in pow(Double.random(in: 0.05...1, using: &random), 5) }
        let total = popularity.reduce(0, +)
        func popular() -> Int {
            var pick = Double.random(in: 0..<total, using: &random)
            var p = 0
            while p < participants - 1 && pick >= popularity[p] {
                pick -= popularity[p]
                p += 1
            }
            return p
        }
        var pairs = Set<Int>()
        var requestList: [MeetingInstance.Request] = []
        let possiblePairs = participants * (participants - 1) / 2
        while requestList.count < min(requests, possiblePairs) {
            let a = Int(random.next() % UInt64(participants))
            let b = popular()
            guard a != b, pairs.insert(min(a, b) * participants + max(a, b)).inserted else { continue }
            // The sought-after are asked with a higher priority.
            let roll = Double.random(in: 0..<1, using: &random)
            let important = 0.1 + 0.6 * popularity[b]
            let priority = roll < important ? 3 : roll < important + 0.35 ? 2 : 1
            requestList.append(.init(id: "r\(requestList.count + 1)", a: "p\(a + 1)", b: "p\(b + 1)", priority: priority))
        }
        return MeetingInstance(slots: slotList, participants: participantList, requests: requestList)
    }
}
