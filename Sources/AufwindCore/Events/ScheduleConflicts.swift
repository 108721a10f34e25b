/// What the planning grid shows at once when an organiser moves sessions by hand.
public struct ScheduleConflict: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case hostDoubleBooked = "host-doppelt"
        case roomTooSmall = "raum-zu-klein"
        case hostUnavailable = "nicht-verfuegbar"
        case cellTaken = "doppelt-belegt"
        case pinMoved = "pin-verschoben"
    }

    public var kind: Kind
    public var sessions: [String]
    /// German, naming sessions, rooms and slots.
    public var message: String
}

extension ScheduleOptimizer {
    /// Every conflict of a (hand-edited) plan: hosts in two sessions of one slot, rooms smaller
    /// than the interest, sessions in slots they are unavailable in, two sessions in one cell,
    /// pinned sessions elsewhere. The plan itself is not changed.
    public func conflicts(in schedule: Schedule) -> [ScheduleConflict] {
        let sessionIndex = Dictionary(uniqueKeysWithValues: instance.sessions.enumerated().map { ($1.id, $0) })
        let roomIndex = Dictionary(uniqueKeysWithValues: instance.rooms.enumerated().map { ($1.id, $0) })
        let slotIndex = Dictionary(uniqueKeysWithValues: instance.slots.enumerated().map { ($1, $0) })
        var conflicts: [ScheduleConflict] = []
        var byCell: [String: [String]] = [:]
        var byHostSlot: [String: [String]] = [:]
        for assignment in schedule.assignments {
            guard let s = sessionIndex[assignment.session], let r = roomIndex[assignment.room], let t = slotIndex[assignment.slot] else { continue }
            let session = instance.sessions[s]
            byCell["\(assignment.room) / \(assignment.slot)", default: []].append(session.id)
            for host in Set(session.hosts) { byHostSlot["\(host)\u{1}\(assignment.slot)", default: []].append(session.id) }
            if unavailable[s] & (1 << UInt64(t)) != 0 {
                conflicts.append(
                    .init(
                        kind: .hostUnavailable, sessions: [session.id],
                        message: "„\(session.id)“ liegt in \(assignment.slot), dort ist die Leitung nicht verfügbar."))
            }
            if interest[s] > capacity[r] {
                conflicts.append(
                    .init(
                        kind: .roomTooSmall, sessions: [session.id],
                        message:
                            "„\(session.id)“: \(GermanFormat.count(interest[s], "Interessierte:r", "Interessierte")), Raum \(assignment.room) fasst \(capacity[r])."
                    ))
            }
            if pinnedCell[s] >= 0 && pinnedCell[s] != r * slotCount + t, let pin = session.pinned {
                conflicts.append(
                    .init(
                        kind: .pinMoved, sessions: [session.id],
                        message: "„\(session.id)“ ist auf \(pin.room) / \(pin.slot) festgelegt."))
            }
        }
        for (cell, ids) in byCell.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            conflicts.append(
                .init(kind: .cellTaken, sessions: ids, message: "\(cell) ist doppelt belegt: \(ids.map { "„\($0)“" }.joined(separator: ", "))."))
        }
        for (key, ids) in byHostSlot.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            let parts = key.split(separator: "\u{1}")
            conflicts.append(
                .init(
                    kind: .hostDoubleBooked, sessions: ids,
                    message: "\(parts[0]) leitet in \(parts[1]) mehrere Sessions: \(ids.map { "„\($0)“" }.joined(separator: ", "))."))
        }
        return conflicts
    }
}
