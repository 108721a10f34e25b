import Foundation
import Testing

@testable import AufwindCore

@Suite("1:1 meeting scheduler")
struct MeetingSchedulerTests {
    /// Exhaustive search over every slot (or none) for every request (small instances only).
    static func bruteForceBest(_ scheduler: MeetingScheduler) -> Int {
        var best = 0
        var slots = [Int](repeating: -1, count: scheduler.requestCount)
        func go(_ r: Int) {
            if r == scheduler.requestCount {
                if scheduler.isFeasible(slots: slots) { best = max(best, scheduler.evaluate(slots: slots)) }
                return
            }
            for t in -1..<scheduler.slotCount {
                slots[r] = t
                go(r + 1)
            }
        }
        go(0)
        return best
    }

    /// Every request appears exactly once (met or unscheduled), the totals add up, the plan is feasible.
    static func expectConsistent(_ plan: MeetingPlan, _ scheduler: MeetingScheduler, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(scheduler.isFeasible(plan), sourceLocation: sourceLocation)
        let ids = plan.meetings.map(\.request) + plan.unscheduled
        #expect(ids.sorted() == scheduler.instance.requests.map(\.id).sorted(), sourceLocation: sourceLocation)
        #expect(plan.scheduled == plan.meetings.count, sourceLocation: sourceLocation)
        let priority = Dictionary(uniqueKeysWithValues: scheduler.instance.requests.map { ($0.id, $0.priority) })
        #expect(plan.score == plan.meetings.reduce(0) { $0 + priority[$1.request]! }, sourceLocation: sourceLocation)
    }

    @Test("on random instances nobody meets twice in a slot, only where both are available, tables are not overbooked", arguments: [1, 2, 3, 4, 5])
    func constraints(seed: UInt64) throws {
        let instance = MeetingInstanceGenerator(seed: seed).instance(participants: 40, requests: 160, slots: 6, tables: 6)
        let scheduler = try MeetingScheduler(instance)
        let plan = scheduler.optimize(seed: seed, iterations: 20_000)
        Self.expectConsistent(plan, scheduler)
        // checked again by hand, independent of isFeasible
        let requests = Dictionary(uniqueKeysWithValues: instance.requests.map { ($0.id, $0) })
        let available = Dictionary(uniqueKeysWithValues: instance.participants.map { ($0.id, $0.available.map(Set.init)) })
        var seen = Set<String>()
        for meeting in plan.meetings {
            let request = try #require(requests[meeting.request])
            for person in [request.a, request.b] {
                #expect(seen.insert("\(person)@\(meeting.slot)").inserted, "\(person) meets twice in \(meeting.slot)")
                #expect(available[person]!.map { $0.contains(meeting.slot) } ?? true, "\(person) is not available in \(meeting.slot)")
            }
            #expect((1...6).contains(meeting.table))
        }
        for (slot, meetings) in Dictionary(grouping: plan.meetings, by: \.slot) {
            #expect(meetings.count <= 6, "\(slot)")
            #expect(Set(meetings.map(\.table)).count == meetings.count, "a table twice in \(slot)")
        }
    }

    @Test("on small random instances the search finds the exhaustive optimum", arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func optimumOnSmallInstances(seed: UInt64) throws {
        let instance = MeetingInstanceGenerator(seed: seed).instance(participants: 5, requests: 7, slots: 3, tables: 2)
        let scheduler = try MeetingScheduler(instance)
        let plan = scheduler.optimize(seed: seed, iterations: 5_000)
        Self.expectConsistent(plan, scheduler)
        #expect(plan.score == Self.bruteForceBest(scheduler))
    }

    @Test("an augmenting insertion moves the meeting in the way to another free slot")
    func augmentingMove() throws {
        // p1 and p2 can meet in s1 or s2; p1 and p3 only in s1; one table each. With r1 in s1,
        // r2 fits only after r1 moves to s2.
        let instance = MeetingInstance(
            slots: [.init(id: "s1", tables: 1), .init(id: "s2", tables: 1)],
            participants: [.init(id: "p1"), .init(id: "p2"), .init(id: "p3", available: ["s1"])],
            requests: [.init(id: "r1", a: "p1", b: "p2", priority: 3), .init(id: "r2", a: "p3", b: "p1", priority: 1)])
        let scheduler = try MeetingScheduler(instance)
        var search = MeetingSearch(scheduler)
        search.place(0, 0)
        #expect(!search.canPlace(1, 0))
        search.augment()
        #expect(search.slot == [1, 0] && search.score == 4)
        let plan = scheduler.optimize(iterations: 0)
        #expect(plan.meetings == [.init(request: "r2", slot: "s1", table: 1), .init(request: "r1", slot: "s2", table: 1)])
        #expect(plan.score == 4 && plan.scheduled == 2 && plan.unscheduled.isEmpty)
    }

    @Test("a participant without available meets in any slot, one with an empty list in none")
    func availability() throws {
        let instance = MeetingInstance(
            slots: [.init(id: "s1", tables: 3), .init(id: "s2", tables: 3)],
            participants: [.init(id: "p1"), .init(id: "p2", available: ["s2"]), .init(id: "p3", available: [])],
            requests: [.init(id: "r1", a: "p1", b: "p2", priority: 1), .init(id: "r2", a: "p1", b: "p3", priority: 3)])
        let plan = try MeetingScheduler(instance).optimize()
        #expect(plan.meetings == [.init(request: "r1", slot: "s2", table: 1)])
        #expect(plan.unscheduled == ["r2"] && plan.score == 1)
    }

    @Test("the same seed gives the same plan")
    func deterministic() throws {
        let scheduler = try MeetingScheduler(MeetingInstanceGenerator(seed: 9).instance(participants: 60, requests: 300, slots: 8, tables: 10))
        #expect(scheduler.optimize(seed: 4, iterations: 10_000) == scheduler.optimize(seed: 4, iterations: 10_000))
    }

    @Test("contradictions are refused, each naming its ids")
    func validation() {
        let instance = MeetingInstance(
            slots: [.init(id: "s1", tables: 2), .init(id: "s1", tables: 1), .init(id: "s2", tables: 0)],
            participants: [.init(id: "p1", available: ["s1", "s9"]), .init(id: "p2"), .init(id: "p2")],
            requests: [
                .init(id: "r1", a: "p1", b: "p2", priority: 2), .init(id: "r2", a: "p2", b: "p1", priority: 1),
                .init(id: "r3", a: "p1", b: "p1", priority: 1), .init(id: "r4", a: "p1", b: "px", priority: 4),
                .init(id: "r4", a: "p2", b: "py", priority: 0),
            ])
        #expect(throws: MeetingScheduler.InvalidInstance.self) { try MeetingScheduler(instance) }
        let problems = instance.problems
        let expected = [
            "Zeitfenster „s1“ kommt doppelt vor.", "Teilnehmer „p2“ kommt doppelt vor.", "Anfrage „r4“ kommt doppelt vor.",
            "Zeitfenster „s2“ hat 0 Tische; es braucht mindestens einen.", "Teilnehmer „p1“: unbekanntes Zeitfenster „s9“ in available.",
            "Anfrage „r3“: „p1“ kann sich nicht mit sich selbst treffen (a und b gleich).",
            "Anfrage „r4“: unbekannter Teilnehmer „px“ bei b.", "Anfrage „r4“: Priorität 4 liegt nicht zwischen 1 und 3.",
            "Anfrage „r4“: Priorität 0 liegt nicht zwischen 1 und 3.", "Anfrage „r4“: unbekannter Teilnehmer „py“ bei b.",
            "Anfrage „r2“ verbindet dieselben Teilnehmer wie „r1“ („p2“ und „p1“); je Paar nur eine Anfrage.",
        ]
        for message in expected { #expect(problems.contains(message), "missing: \(message)\n\(problems.joined(separator: "\n"))") }
        #expect(problems.count == expected.count, "\(problems.joined(separator: "\n"))")
        #expect(MeetingInstance(slots: [.init(id: "s1", tables: 1)], participants: [], requests: []).problems.isEmpty)
    }

    @Test("more than 64 slots are refused")
    func tooManySlots() {
        let instance = MeetingInstance(slots: (1...65).map { .init(id: "s\($0)", tables: 1) }, participants: [], requests: [])
        #expect(instance.problems == ["Höchstens 64 Zeitfenster (hier 65)."])
    }
}

@Suite("1:1 meeting scheduler: re-planning with minimal change")
struct MeetingReplanTests {
    static func instance() -> MeetingInstance {
        // enough tables for every request: what limits the plan are the people
        MeetingInstanceGenerator(seed: 21).instance(participants: 50, requests: 150, slots: 6, tables: 30)
    }

    static func placement(_ plan: MeetingPlan) -> [String: String] {
        Dictionary(uniqueKeysWithValues: plan.meetings.map { ($0.request, "\($0.slot)#\($0.table)") })
    }

    @Test("late requests are added around the previous plan: every previous meeting keeps its slot and table")
    func lateRequests() throws {
        var instance = Self.instance()
        let first = try MeetingScheduler(instance).optimize(seed: 1, iterations: 20_000)
        // late participants with late requests
        instance.participants += (1...4).map { .init(id: "n\($0)") }
        instance.requests += [
            .init(id: "late1", a: "n1", b: "n2", priority: 3), .init(id: "late2", a: "n3", b: "n4", priority: 2),
            .init(id: "late3", a: "n1", b: "n3", priority: 1),
        ]
        let scheduler = try MeetingScheduler(instance)
        let (second, report) = try scheduler.replan(previous: first, iterations: 20_000)
        MeetingSchedulerTests.expectConsistent(second, scheduler)
        let before = Self.placement(first)
        let after = Self.placement(second)
        for (request, place) in before { #expect(after[request] == place, "\(request) moved from \(place) to \(after[request] ?? "nichts")") }
        #expect(report.kept == first.meetings.count && report.moved.isEmpty && report.dropped.isEmpty)
        #expect(Set(report.added).isSuperset(of: ["late1", "late2", "late3"]))
        #expect(second.score >= first.score)
    }

    @Test("when a participant's availability shrinks, only their meetings in the lost slots move; withdrawn requests are dropped")
    func changedAvailability() throws {
        var instance = Self.instance()
        let first = try MeetingScheduler(instance).optimize(seed: 1, iterations: 20_000)
        let requests = Dictionary(uniqueKeysWithValues: instance.requests.map { ($0.id, $0) })
        let busiest = Dictionary(grouping: first.meetings.flatMap { [requests[$0.request]!.a, requests[$0.request]!.b] }, by: { $0 })
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
        let index = instance.participants.firstIndex { $0.id == busiest }!
        instance.participants[index].available = ["s1", "s2"]
        let withdrawn = first.meetings.first { ![requests[$0.request]!.a, requests[$0.request]!.b].contains(busiest) }!.request
        instance.requests.removeAll { $0.id == withdrawn }
        let scheduler = try MeetingScheduler(instance)
        let (second, report) = try scheduler.replan(previous: first, iterations: 20_000)
        MeetingSchedulerTests.expectConsistent(second, scheduler)
        let after = Self.placement(second)
        var expectedMoves: [String] = []
        for meeting in first.meetings where meeting.request != withdrawn {
            let request = requests[meeting.request]!
            if [request.a, request.b].contains(busiest) && !["s1", "s2"].contains(meeting.slot) {
                expectedMoves.append(meeting.request)
            } else {
                #expect(after[meeting.request] == "\(meeting.slot)#\(meeting.table)", "\(meeting.request) should stay")
            }
        }
        #expect(!expectedMoves.isEmpty)
        #expect(report.moved.sorted() == expectedMoves.sorted())
        #expect(report.dropped == [withdrawn])
        for request in expectedMoves { #expect(after[request].map { $0.hasPrefix("s1#") || $0.hasPrefix("s2#") } ?? true) }
    }

    @Test("a previous plan naming a request twice is refused")
    func previousTwice() throws {
        let scheduler = try MeetingScheduler(Self.instance())
        let previous = MeetingPlan(
            meetings: [.init(request: "r1", slot: "s1", table: 1), .init(request: "r1", slot: "s2", table: 1)], unscheduled: [], score: 0,
            scheduled: 2)
        #expect(throws: MeetingScheduler.InvalidInstance.self) { try scheduler.replan(previous: previous) }
    }
}

@Suite("aufwind schedule-meetings: JSON in, JSON out")
struct MeetingScheduleJSONTests {
    static let example = Data(
        #"""
        {"slots":[{"id":"s1","tables":1},{"id":"s2","tables":2}],
         "participants":[{"id":"p1","available":["s1"]},{"id":"p2"},{"id":"p3"}],
         "requests":[{"id":"r1","a":"p1","b":"p2","priority":2},{"id":"r2","a":"p2","b":"p3","priority":3},
                     {"id":"r3","a":"p1","b":"p3","priority":1}]}
        """#.utf8)

    @Test("the issue's input format is read and the output is exactly meetings, unscheduled, score, scheduled in that order")
    func outputShape() throws {
        let result = try MeetingScheduleJSON.run(input: Self.example)
        let text = String(decoding: result.json, as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: result.json) as? [String: Any])
        #expect(Set(object.keys) == ["meetings", "unscheduled", "score", "scheduled"])
        let keys = ["\"meetings\":", "\"unscheduled\":", "\"score\":", "\"scheduled\":"].map { text.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
        let meetings = try #require(object["meetings"] as? [[String: Any]])
        #expect(meetings.allSatisfy { Set($0.keys) == ["request", "slot", "table"] && $0["table"] is Int })
        // p1 only in s1 (one table): r1 there, r2 in s2; r3 would need p1 in s1 too
        #expect(
            text
                == #"{"meetings":[{"request":"r1","slot":"s1","table":1},{"request":"r2","slot":"s2","table":1}],"unscheduled":["r3"],"score":5,"scheduled":2}"#
        )
        #expect(try JSONDecoder().decode(MeetingPlan.self, from: result.json) == result.plan)
    }

    @Test("unknown ids and contradictions are refused with messages naming them")
    func refusals() {
        let input = Data(
            #"{"slots":[{"id":"s1","tables":1}],"participants":[{"id":"p1","available":["s7"]}],"requests":[{"id":"r1","a":"p1","b":"p9","priority":2}]}"#
                .utf8)
        do {
            _ = try MeetingScheduleJSON.run(input: input, inputName: "meetings.json")
            Issue.record("accepted")
        } catch {
            #expect(error.problems.contains("Teilnehmer „p1“: unbekanntes Zeitfenster „s7“ in available."))
            #expect(error.problems.contains("Anfrage „r1“: unbekannter Teilnehmer „p9“ bei b."))
        }
    }

    @Test("a malformed file says what is missing where")
    func malformed() {
        let missing = Data(#"{"slots":[{"id":"s1"}],"participants":[],"requests":[]}"#.utf8)
        #expect(throws: MeetingScheduleJSON.Failure.self) { try MeetingScheduleJSON.run(input: missing, inputName: "m.json") }
        do {
            _ = try MeetingScheduleJSON.run(input: missing, inputName: "m.json")
        } catch {
            #expect(error.problems == ["m.json: kein gültiger Instanz-JSON (slots, participants, requests): Feld „tables“ fehlt bei slots.[0]."])
        }
        do {
            _ = try MeetingScheduleJSON.run(input: Data("nicht json".utf8), inputName: "m.json")
        } catch {
            #expect(error.problems.first?.hasPrefix("m.json: kein gültiger Instanz-JSON") == true)
        }
    }

    @Test("with a previous plan the same JSON comes out and previous meetings stay")
    func replanJSON() throws {
        let first = try MeetingScheduleJSON.run(input: Self.example)
        let result = try MeetingScheduleJSON.run(input: Self.example, previous: first.json)
        #expect(result.plan == first.plan)
        #expect(result.report == MeetingReplanReport(kept: 2, moved: [], dropped: [], added: []))
        let broken = Data(#"{"meetings":[{"request":"r1"}]}"#.utf8)
        #expect(throws: MeetingScheduleJSON.Failure.self) { try MeetingScheduleJSON.run(input: Self.example, previous: broken) }
    }

    @Test("the generated benchmark instance has the issue's size and is valid")
    func generated() throws {
        let instance = MeetingInstanceGenerator(seed: 1).instance()
        #expect(instance.participants.count == 400 && instance.requests.count == 2_000 && instance.slots.count == 18)
        #expect(instance.slots.allSatisfy { $0.tables == 40 } && instance.problems.isEmpty)
        let decoded = try MeetingScheduleJSON.decodeInstance(MeetingScheduleJSON.encode(instance), name: "x")
        #expect(decoded == instance)
    }
}
