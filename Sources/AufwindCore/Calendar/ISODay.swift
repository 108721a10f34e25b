import Foundation

/// Calendar days as ISO text (JJJJ-MM-TT): today in Germany, day arithmetic, validity.
/// The one place for this; deadlines, reminders, calendars and event grids use it.
public enum ISODay {
    private static func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? .gmt
        return calendar
    }

    private static func text(_ c: DateComponents) -> String {
        String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Today in Germany (Europe/Berlin).
    public static func today(_ date: Date = Date()) -> String {
        text(calendar("Europe/Berlin").dateComponents([.year, .month, .day], from: date))
    }

    /// The day `days` after (or before, when negative) `iso`; `iso` itself when it is no date.
    public static func adding(_ days: Int, to iso: String) -> String {
        let calendar = calendar("UTC")
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
            let moved = calendar.date(byAdding: .day, value: days, to: date)
        else { return iso }
        return text(calendar.dateComponents([.year, .month, .day], from: moved))
    }

    /// Whether the text is a real calendar date in ISO form (2026-02-30 is not).
    public static func isValid(_ text: String) -> Bool {
        guard text.count == 10, text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return false }
        return adding(0, to: text) == text
    }

    /// Days from `from` to `to` (negative when `to` is earlier); nil when one is no date.
    public static func distance(from: String, to: String) -> Int? {
        let calendar = calendar("UTC")
        func date(_ iso: String) -> Date? {
            let p = iso.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2])) : nil
        }
        guard isValid(from), isValid(to), let a = date(from), let b = date(to) else { return nil }
        return calendar.dateComponents([.day], from: a, to: b).day
    }
}
