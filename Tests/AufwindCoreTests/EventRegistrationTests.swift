import AufwindCore
import Testing

@Suite("Event registration and planning-grid conflicts")
struct EventRegistrationTests {
    @Test("registrations fill the capacity, the waitlist moves up on cancellation and more places")
    func waitlist() throws {
        var registration = EventRegistration(capacity: 2)
        #expect(try registration.register(.init(person: "anna", type: .kommune)).get() == .confirmed)
        #expect(try registration.register(.init(person: "bert", type: .anbieter)).get() == .confirmed)
        #expect(try registration.register(.init(person: "cleo", type: .behoerde)).get() == .waitlisted(position: 1))
        #expect(try registration.register(.init(person: "dana", type: .sonstige)).get() == .waitlisted(position: 2))
        if case .failure(let message) = registration.register(.init(person: "anna", type: .kommune)) {
            #expect(message.text == "Sie sind bereits angemeldet.")
        } else {
            Issue.record("a second registration must be refused")
        }
        #expect(registration.cancel("bert").map(\.person) == ["cleo"])
        #expect(registration.confirmed.map(\.person) == ["anna", "cleo"] && registration.waitlist.map(\.person) == ["dana"])
        #expect(registration.setCapacity(5).map(\.person) == ["dana"])
        #expect(registration.setCapacity(1).isEmpty && registration.confirmed.count == 3)
        registration.isOpen = false
        #expect(throws: ValidationMessage.self) { try registration.register(.init(person: "emil", type: .kommune)).get() }
    }

    @Test("conflicts of a hand-edited plan are named: host twice, room too small, unavailable, cell twice, pin moved")
    func conflicts() throws {
        let instance = ScheduleInstance(
            rooms: [.init(id: "R1", capacity: 1), .init(id: "R2", capacity: 10)], slots: ["T1", "T2"],
            sessions: [
                .init(id: "a", hosts: ["p1"]), .init(id: "b", hosts: ["p1"], unavailableSlots: ["T1"]),
                .init(id: "c", hosts: ["p2"], pinned: .init(room: "R2", slot: "T2")),
            ],
            participants: [.init(id: "p3", interests: ["a"]), .init(id: "p4", interests: ["a"])])
        let plan = try ScheduleOptimizer(instance)
        let edited = Schedule(
            assignments: [
                .init(session: "a", room: "R1", slot: "T1"), .init(session: "b", room: "R1", slot: "T1"),
                .init(session: "c", room: "R2", slot: "T1"),
            ], unscheduled: [], score: 0, covered: 0, overflow: 0)
        let kinds = Set(plan.conflicts(in: edited).map(\.kind))
        #expect(kinds == [.hostDoubleBooked, .roomTooSmall, .hostUnavailable, .cellTaken, .pinMoved])
        #expect(plan.conflicts(in: edited).contains { $0.message == "„a“: 2 Interessierte, Raum R1 fasst 1." })
        #expect(plan.conflicts(in: plan.optimize(seed: 1, iterations: 5_000)).allSatisfy { $0.kind == .roomTooSmall })
    }
}
