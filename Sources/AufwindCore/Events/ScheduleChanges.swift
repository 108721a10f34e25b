/// What changed between two published versions of a schedule, for participants:
/// sessions that moved, new ones and cancelled ones.
public struct ScheduleChange: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case verschoben, neu, abgesagt
    }

    /// A session's place in a published plan, with what people read (title, room, time).
    public struct Placement: Sendable, Equatable, Codable {
        public var session: String
        public var title: String
        public var room: String
        public var slot: String
        public var slotLabel: String

        public init(session: String, title: String, room: String, slot: String, slotLabel: String) {
            self.session = session
            self.title = title
            self.room = room
            self.slot = slot
            self.slotLabel = slotLabel
        }
    }

    public var kind: Kind
    public var session: String
    public var title: String
    public var before: Placement?
    public var after: Placement?

    /// German: "„Radwege“ verschoben: Raum A, 10:00–10:45 → Raum B, 11:00–11:45".
    public var text: String {
        switch kind {
        case .neu: "„\(title)“ neu: \(after.map { "\($0.room), \($0.slotLabel)" } ?? "")"
        case .abgesagt: "„\(title)“ abgesagt (war \(before.map { "\($0.room), \($0.slotLabel)" } ?? ""))"
        case .verschoben:
            "„\(title)“ verschoben: \(before.map { "\($0.room), \($0.slotLabel)" } ?? "") → \(after.map { "\($0.room), \($0.slotLabel)" } ?? "")"
        }
    }

    /// The changes from `old` to `new` (sessions in neither are ignored), in the new plan's order.
    public static func between(_ old: [Placement], _ new: [Placement]) -> [ScheduleChange] {
        let before = Dictionary(old.map { ($0.session, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map(\.session))
        var changes: [ScheduleChange] = []
        for placement in new {
            if let previous = before[placement.session] {
                if previous.room != placement.room || previous.slot != placement.slot || previous.slotLabel != placement.slotLabel {
                    changes.append(.init(kind: .verschoben, session: placement.session, title: placement.title, before: previous, after: placement))
                }
            } else {
                changes.append(.init(kind: .neu, session: placement.session, title: placement.title, before: nil, after: placement))
            }
        }
        for placement in old where !after.contains(placement.session) {
            changes.append(.init(kind: .abgesagt, session: placement.session, title: placement.title, before: placement, after: nil))
        }
        return changes
    }
}
