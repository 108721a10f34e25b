import Foundation

/// How recent a town's confirmation of a reference is. A reference is a claim of the town at one
/// time: after 12 months without a new confirmation it is shown with "zuletzt bestätigt am …",
/// after 18 months it no longer counts as "im Einsatz".
public enum ReferenceFreshness: Sendable, Equatable {
    /// Confirmed within the last 12 months.
    case aktuell
    /// 12 to 18 months ago: still counted, shown with the date.
    case nachzufragen
    /// More than 18 months ago: shown with the date, not counted as "im Einsatz".
    case veraltet

    public static let staleAfterMonths = 12
    public static let expiredAfterMonths = 18

    /// The Gregorian calendar of Berlin, made once (making one per call cost microseconds each).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        return calendar
    }()

    /// Months in the Gregorian calendar of Berlin, so "12 months" is a calendar year.
    public static func of(confirmedAt: Date, now: Date) -> ReferenceFreshness {
        let calendar = Self.calendar
        guard let stale = calendar.date(byAdding: .month, value: staleAfterMonths, to: confirmedAt),
            let expired = calendar.date(byAdding: .month, value: expiredAfterMonths, to: confirmedAt)
        else { return .aktuell }
        if now >= expired { return .veraltet }
        if now >= stale { return .nachzufragen }
        return .aktuell
    }

    /// Whether the date of the last confirmation is shown beside the reference.
    public var showsDate: Bool { self != .aktuell }

    /// Whether a reference with status "im Einsatz" counts as a town using the solution.
    public var countsAsInUse: Bool { self != .veraltet }

    /// The freshness of many confirmations at one `now` (a solution with thousands of users, a
    /// list over thousands of solutions): the same answers as `of`, but the calendar is asked only
    /// for confirmations near the two boundaries; every other one is two comparisons.
    public struct Cutoffs: Sendable {
        public let now: Date
        private let stale: Boundary
        private let expired: Boundary

        public init(now: Date) {
            self.now = now
            stale = Boundary(months: ReferenceFreshness.staleAfterMonths, now: now)
            expired = Boundary(months: ReferenceFreshness.expiredAfterMonths, now: now)
        }

        public func of(confirmedAt: Date) -> ReferenceFreshness {
            if expired.reached(confirmedAt) { return .veraltet }
            if stale.reached(confirmedAt) { return .nachzufragen }
            return .aktuell
        }
    }

    /// Whether `months` after a confirmation have passed at `now`. Far from the boundary the
    /// answer follows from the order of instants: adding calendar months moves an instant by the
    /// same months give or take the days a shorter month cuts off (at most three) and an hour of
    /// daylight saving, so a confirmation more than a week before `now` minus the months has
    /// passed them, one more than a week after has not. Within that fortnight (where month ends
    /// make the order unreliable: 29 February plus 12 months is 28 February) the calendar decides.
    struct Boundary: Sendable {
        let months: Int
        let now: Date
        private let low: Double
        private let high: Double

        init(months: Int, now: Date) {
            self.months = months
            self.now = now
            let week = 7 * 86_400.0
            let guess =
                ReferenceFreshness.calendar.date(byAdding: .month, value: -months, to: now)?.timeIntervalSince1970
                ?? now.timeIntervalSince1970 - Double(months) * 30.44 * 86_400
            low = guess - week
            high = guess + week
        }

        func reached(_ confirmedAt: Date) -> Bool {
            let instant = confirmedAt.timeIntervalSince1970
            if instant <= low { return true }
            if instant >= high { return false }
            guard let passed = ReferenceFreshness.calendar.date(byAdding: .month, value: months, to: confirmedAt) else { return false }
            return now >= passed
        }
    }
}
