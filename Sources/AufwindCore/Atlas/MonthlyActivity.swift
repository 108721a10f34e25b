import Foundation

/// How many things happened in each of the last months (calendar months in Europe/Berlin), the
/// current month last: what a sparkline of a region's activity draws.
public struct MonthlyActivity: Sendable, Equatable {
    /// "2026-01", oldest first.
    public var months: [String]
    public var counts: [Int]

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        return calendar
    }()

    /// The `months` months up to and including the month of `now`, and how many `dates` fall into each
    /// (dates outside them are not counted).
    public init(dates: some Sequence<Date>, endingAt now: Date, months: Int = 12) {
        let calendar = Self.calendar
        let current = calendar.dateComponents([.year, .month], from: now)
        let (year, month) = (current.year ?? 2000, current.month ?? 1)
        // Month numbers counted from year 0, so that a date's bucket is one subtraction.
        let last = year * 12 + (month - 1)
        let first = last - months + 1
        self.months = (first...last).map { String(format: "%04d-%02d", $0 / 12, $0 % 12 + 1) }
        var counts = [Int](repeating: 0, count: months)
        for date in dates {
            let parts = calendar.dateComponents([.year, .month], from: date)
            let index = (parts.year ?? 0) * 12 + (parts.month ?? 1) - 1 - first
            if counts.indices.contains(index) { counts[index] += 1 }
        }
        self.counts = counts
    }

    public var total: Int { counts.reduce(0, +) }

    static let monthNames = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]

    /// "Jan. 2026" for "2026-01".
    public static func label(_ month: String) -> String {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let number = Int(parts[1]), (1...12).contains(number) else { return month }
        return "\(monthNames[number - 1]) \(parts[0])"
    }

    /// Every month with its count, as a sentence part: "Jan. 2026: 3, Feb. 2026: 0, …".
    public var spoken: String { zip(months, counts).map { "\(Self.label($0)): \($1)" }.joined(separator: ", ") }
}
