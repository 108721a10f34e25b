import Foundation
import Testing

@testable import AufwindCore

@Suite("Monthly activity: the last twelve calendar months in Berlin time")
struct MonthlyActivityTests {
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("dates fall into their Berlin month; older and later ones are not counted; labels in German")
    func buckets() {
        let now = Self.date("2026-12-01T09:00:00Z")
        let activity = MonthlyActivity(
            dates: [
                Self.date("2026-12-01T08:00:00Z"), Self.date("2026-11-30T23:30:00Z"),  // 1 December 00:30 in Berlin
                Self.date("2026-11-30T22:30:00Z"), Self.date("2026-01-15T12:00:00Z"), Self.date("2025-12-31T22:59:00Z"),  // 31 Dec, 23:59 Berlin
                Self.date("2025-11-30T12:00:00Z"), Self.date("2027-01-02T12:00:00Z"),
            ], endingAt: now)
        #expect(activity.months.first == "2026-01" && activity.months.last == "2026-12" && activity.months.count == 12)
        #expect(activity.counts == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2])
        #expect(activity.total == 4)
        #expect(MonthlyActivity.label("2026-03") == "März 2026" && MonthlyActivity.label("x") == "x")
        #expect(activity.spoken.hasPrefix("Jan. 2026: 1, Feb. 2026: 0") && activity.spoken.hasSuffix("Dez. 2026: 2"))
    }
}
