import Testing

@testable import AufwindCore

@Suite("One meeting window planned: times, tables, availability, minimal change")
struct MeetingWindowPlannerTests {
    static func window(length: Int = 15, tables: Int = 1) -> MeetingWindows.Window {
        .init(slot: .init(id: "w", day: "2026-12-03", start: 600, end: 660, kind: .treffen), length: length, tables: tables)
    }

    @Test("a 60-minute window with 15-minute meetings gives one person four meetings, one after the other")
    func fourMeetingsPerPerson() throws {
        let requests = ["b", "c", "d", "e"].map { MeetingWindowPlanner.Request(id: "r-\($0)", a: "a", b: $0, priority: 2) }
        let result = try MeetingWindowPlanner(window: Self.window(tables: 1)).plan(requests)
        #expect(result.unscheduled.isEmpty)
        #expect(Set(result.assignments.values.map(\.start)) == [600, 615, 630, 645])
        #expect(result.assignments.values.allSatisfy { $0.table == 1 && $0.end == $0.start + 15 })
        #expect(result.changes.count == 4 && result.changes.allSatisfy { $0.before == nil && $0.after != nil })
    }

    @Test("nobody meets at a time they cannot; with one table per time the more important request wins")
    func availabilityAndPriority() throws {
        let planner = MeetingWindowPlanner(window: Self.window(length: 30, tables: 1), unavailable: ["b": [600..<630]])
        let result = try planner.plan([
            .init(id: "gern", a: "a", b: "c", priority: 1), .init(id: "wichtig", a: "d", b: "e", priority: 3),
            .init(id: "spaet", a: "b", b: "f", priority: 2),
        ])
        #expect(result.assignments["spaet"]?.start == 630)
        #expect(result.assignments["wichtig"]?.start == 600)
        #expect(result.unscheduled == ["gern"])
    }

    @Test("a late request is planned around the others, which keep time and table; a shorter meeting length keeps what still starts in time")
    func minimalChange() throws {
        let planner = MeetingWindowPlanner(window: Self.window(length: 15, tables: 2))
        let first = try planner.plan([.init(id: "r1", a: "a", b: "b", priority: 1), .init(id: "r2", a: "c", b: "d", priority: 1)])
        let before = first.assignments
        let late = try planner.plan([
            .init(id: "r1", a: "a", b: "b", priority: 1, previous: before["r1"]),
            .init(id: "r2", a: "c", b: "d", priority: 1, previous: before["r2"]),
            .init(id: "r3", a: "a", b: "c", priority: 3),
        ])
        #expect(late.assignments["r1"] == before["r1"] && late.assignments["r2"] == before["r2"])
        #expect(late.changes.map(\.request) == ["r3"])
        let moved = MeetingWindowPlanner.Assignment(start: 615, end: 645, table: 1)
        let longer = try MeetingWindowPlanner(window: Self.window(length: 30, tables: 2)).plan([
            .init(id: "r1", a: "a", b: "b", priority: 1, previous: .init(start: 600, end: 615, table: 2)),
            .init(id: "r2", a: "c", b: "d", priority: 1, previous: moved),
        ])
        #expect(longer.assignments["r1"] == .init(start: 600, end: 630, table: 2))
        #expect(longer.changes.map(\.request) == ["r1", "r2"] && longer.assignments["r2"]?.start != 615)
    }

    @Test("an invalid window is refused in German")
    func invalidWindow() {
        #expect(throws: MeetingScheduler.InvalidInstance.self) {
            try MeetingWindowPlanner(window: Self.window(length: 25)).plan([.init(id: "r", a: "a", b: "b", priority: 2)])
        }
    }

    @Test("unavailable times survive a change of the meeting length and round-trip through their text")
    func unavailability() {
        let part = MeetingUnavailability(text: "w@615-630")
        let long = MeetingWindows.MeetingSlot(id: "w/1", window: "w", day: "2026-12-03", start: 600, end: 630, tables: 1)
        #expect(part.blocks(window: "w", long) && !part.covers(window: "w", long), "a 30-minute slot with a blocked quarter is blocked, partly")
        let times = MeetingUnavailability(text: "w@600-615,w@630-645,x@60-90,kaputt,y@9-3")
        #expect(times.times == ["w": [600..<615, 630..<645], "x": [60..<90]])
        #expect(MeetingUnavailability(text: times.text) == times)
        let slot = MeetingWindows.MeetingSlot(id: "w/1", window: "w", day: "2026-12-03", start: 600, end: 630, tables: 1)
        #expect(times.blocks(window: "w", slot) && !times.blocks(window: "x", slot))
        #expect(times.changedWindows(comparedTo: MeetingUnavailability(text: "w@630-645,w@600-615")) == ["x"])
    }
}

@Suite("Meeting profiles and suggested meeting partners with reasons")
struct MeetingPartnerRankingTests {
    static func item(_ kind: ItemKind, _ title: String, _ fields: Set<Handlungsfeld> = []) -> CooperationItem {
        CooperationItem(id: title, kind: kind, ownerKey: "05570004", title: title, description: "", handlungsfelder: fields, reach: .bundesweit)
    }

    @Test("the first profile comes from the town's items: needs are sought, offers offered, projects both")
    func prefilled() {
        let profile = MeetingProfile.prefilled(from: [
            Self.item(.bedarf, "Kommunale Wärmeplanung"), Self.item(.angebot, "Glasfaser-Koordination"), Self.item(.vorhaben, "Bürgerbus"),
        ])
        #expect(profile.seeking == "Kommunale Wärmeplanung\nBürgerbus")
        #expect(profile.offering == "Glasfaser-Koordination\nBürgerbus")
        #expect(MeetingProfile.prefilled(from: []).isEmpty)
    }

    @Test("a partner offering what I seek ranks first and says why; shared Handlungsfelder and the matching count less; no reason, no suggestion")
    func ranking() {
        let ranking = MeetingPartnerRanking(
            me: MeetingProfile(seeking: "Wir suchen Hilfe bei der Wärmeplanung und beim Bürgerbus", offering: "Erfahrung mit Glasfaser"),
            myHandlungsfelder: [.klimaEnergie, .mobilitaet])
        let suggestions = ranking.suggestions([
            .init(id: "fern", profile: MeetingProfile(seeking: "", offering: "Nichts davon"), handlungsfelder: [.mobilitaet]),
            .init(id: "passt", profile: MeetingProfile(seeking: "Glasfaser-Ausbau", offering: "Wärmeplanungen für kleine Gemeinden")),
            .init(id: "fremd", profile: MeetingProfile(seeking: "Kita", offering: "Schwimmbad")),
            .init(id: "matching", profile: MeetingProfile(seeking: "", offering: ""), matchScore: 0.8, matchReason: "„Bürgerbus“ passt"),
        ])
        #expect(suggestions.map(\.id) == ["passt", "matching", "fern"])
        #expect(suggestions[0].reasons == ["bietet, was Sie suchen: Wärmeplanung", "sucht, was Sie bieten: Glasfaser"])
        #expect(suggestions[1].reasons == ["Partnersuche: „Bürgerbus“ passt"])
        #expect(suggestions[2].reasons == ["gleiche Handlungsfelder: Mobilität"])
    }
}
