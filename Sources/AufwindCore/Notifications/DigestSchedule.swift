import Foundation

/// When the digests are due: daily at a fixed local hour, weekly on Mondays at that hour, in
/// German time (Europe/Berlin, so the hour stays the same across daylight saving time).
public struct DigestSchedule: Sendable, Equatable {
    /// The local hour (0–23).
    public var hour: Int
    public var timeZone: TimeZone

    public init(hour: Int = 7, timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt) {
        self.hour = min(max(hour, 0), 23)
        self.timeZone = timeZone
    }

    /// One run of a digest: the scheduled instant and its key (the local day of that instant,
    /// e.g. "2026-03-16"; a weekly period is named by its Monday).
    public struct Period: Sendable, Equatable, Hashable {
        public var cadence: DigestCadence
        public var key: String
        public var scheduled: Date
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        return calendar
    }

    /// The latest scheduled run at or before `now`. A run that was missed (the server was down at
    /// the hour) is therefore made up as soon as the job runs again, and only once.
    public func currentPeriod(_ cadence: DigestCadence, now: Date) -> Period {
        let calendar = calendar
        var day = calendar.startOfDay(for: now)
        var instant = at(day, calendar)
        if cadence == .weekly {
            let weekday = calendar.component(.weekday, from: day)  // 1 = Sunday … 2 = Monday
            let sinceMonday = (weekday + 5) % 7
            day = calendar.date(byAdding: .day, value: -sinceMonday, to: day) ?? day
            instant = at(day, calendar)
            if instant > now { instant = at(calendar.date(byAdding: .day, value: -7, to: day) ?? day, calendar) }
        } else if instant > now {
            instant = at(calendar.date(byAdding: .day, value: -1, to: day) ?? day, calendar)
        }
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        let key = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return Period(cadence: cadence, key: key, scheduled: instant)
    }

    private func at(_ day: Date, _ calendar: Calendar) -> Date {
        let start = calendar.startOfDay(for: day)
        return calendar.date(bySettingHour: hour, minute: 0, second: 0, of: start) ?? start
    }
}
