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

    /// Months in the Gregorian calendar of Berlin, so "12 months" is a calendar year.
    public static func of(confirmedAt: Date, now: Date) -> ReferenceFreshness {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
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
}
