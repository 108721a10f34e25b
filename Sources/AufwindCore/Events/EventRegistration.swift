/// Who takes part in an event: registrations up to the capacity, then a waitlist that moves up
/// automatically (first come, first served) when someone cancels or the capacity grows.
public struct EventRegistration: Sendable, Equatable {
    public enum ParticipantType: String, Sendable, Codable, CaseIterable {
        case kommune, anbieter, behoerde, sonstige

        public var label: String {
            switch self {
            case .kommune: "Kommune"
            case .anbieter: "Anbieter"
            case .behoerde: "Behörde"
            case .sonstige: "Sonstige"
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public var person: String
        public var type: ParticipantType
        public init(person: String, type: ParticipantType) {
            self.person = person
            self.type = type
        }
    }

    public private(set) var capacity: Int
    public private(set) var confirmed: [Entry] = []
    public private(set) var waitlist: [Entry] = []
    public var isOpen: Bool

    public init(capacity: Int, isOpen: Bool = true) {
        self.capacity = max(0, capacity)
        self.isOpen = isOpen
    }

    /// Takes over stored registrations as they are (nobody moves up).
    public mutating func restore(confirmed: [Entry], waitlist: [Entry], capacity: Int) {
        self.confirmed = confirmed
        self.waitlist = waitlist
        self.capacity = max(0, capacity)
    }

    public enum Outcome: Sendable, Equatable {
        case confirmed
        /// On the waitlist at this position (1 = next).
        case waitlisted(position: Int)
    }

    /// Registers a person; a second registration is refused, as is one while registration is closed.
    public mutating func register(_ entry: Entry) -> Result<Outcome, ValidationMessage> {
        guard isOpen else { return .failure("Die Anmeldung ist geschlossen.") }
        guard !confirmed.contains(where: { $0.person == entry.person }) && !waitlist.contains(where: { $0.person == entry.person }) else {
            return .failure("Sie sind bereits angemeldet.")
        }
        if confirmed.count < capacity {
            confirmed.append(entry)
            return .success(.confirmed)
        }
        waitlist.append(entry)
        return .success(.waitlisted(position: waitlist.count))
    }

    /// Cancels a registration (or a waitlist place); returns who moved up from the waitlist.
    @discardableResult
    public mutating func cancel(_ person: String) -> [Entry] {
        if let index = waitlist.firstIndex(where: { $0.person == person }) {
            waitlist.remove(at: index)
            return []
        }
        guard let index = confirmed.firstIndex(where: { $0.person == person }) else { return [] }
        confirmed.remove(at: index)
        return moveUp()
    }

    /// Changes the capacity; more places move people up, fewer never remove confirmed ones.
    @discardableResult
    public mutating func setCapacity(_ newCapacity: Int) -> [Entry] {
        capacity = max(0, newCapacity)
        return moveUp()
    }

    private mutating func moveUp() -> [Entry] {
        var moved: [Entry] = []
        while confirmed.count < capacity, !waitlist.isEmpty {
            let next = waitlist.removeFirst()
            confirmed.append(next)
            moved.append(next)
        }
        return moved
    }
}
