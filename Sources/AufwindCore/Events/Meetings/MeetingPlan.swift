/// The output of the meeting scheduler, in exactly the JSON `aufwind schedule-meetings` prints:
/// `{"meetings":[{"request":"r1","slot":"s1","table":1}],"unscheduled":["r7"],"score":S,"scheduled":N}`,
/// where S is the sum of the priorities of the scheduled requests. A previous plan for re-planning
/// is read in the same shape (only `meetings` matters).
public struct MeetingPlan: Sendable, Equatable, Codable {
    public struct Meeting: Sendable, Equatable, Codable {
        public var request: String
        public var slot: String
        /// 1…tables of the slot.
        public var table: Int
        public init(request: String, slot: String, table: Int) {
            self.request = request
            self.slot = slot
            self.table = table
        }
    }

    public var meetings: [Meeting]
    public var unscheduled: [String]
    public var score: Int
    public var scheduled: Int

    public init(meetings: [Meeting], unscheduled: [String], score: Int, scheduled: Int) {
        self.meetings = meetings
        self.unscheduled = unscheduled
        self.score = score
        self.scheduled = scheduled
    }

    enum CodingKeys: String, CodingKey { case meetings, unscheduled, score, scheduled }

    /// Reads a plan leniently: a previous plan edited by hand may lack the totals.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        meetings = try container.decode([Meeting].self, forKey: .meetings)
        unscheduled = try container.decodeIfPresent([String].self, forKey: .unscheduled) ?? []
        score = try container.decodeIfPresent(Int.self, forKey: .score) ?? 0
        scheduled = try container.decodeIfPresent(Int.self, forKey: .scheduled) ?? meetings.count
    }
}

/// What a re-plan did to the previous plan (for people; the plan itself stays the plain JSON).
public struct MeetingReplanReport: Sendable, Equatable {
    /// Previous meetings still at their slot.
    public var kept: Int
    /// Previous meetings that are no longer feasible where they were and now sit elsewhere or nowhere.
    public var moved: [String]
    /// Previous meetings whose request or slot no longer exists.
    public var dropped: [String]
    /// Requests without a previous meeting that are now scheduled.
    public var added: [String]
}
