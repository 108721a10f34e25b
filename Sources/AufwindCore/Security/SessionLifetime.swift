import Foundation

/// How long a signed-in session lasts: it ends after `idle` without a request and at the
/// latest `absolute` after sign-in. "Last seen" is written at most every `touchInterval`, so
/// a page view normally writes nothing.
public struct SessionLifetime: Sendable, Equatable {
    public var idle: TimeInterval
    public var absolute: TimeInterval
    public var touchInterval: TimeInterval

    public static let standard = SessionLifetime(idle: 14 * 86_400, absolute: 90 * 86_400, touchInterval: 300)

    public init(idle: TimeInterval, absolute: TimeInterval, touchInterval: TimeInterval = 300) {
        self.idle = idle
        self.absolute = absolute
        self.touchInterval = touchInterval
    }

    public func isValid(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) < idle && now.timeIntervalSince(createdAt) < absolute
    }

    public func needsTouch(lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= touchInterval
    }

    /// Sessions last seen before `idleCutoff` or created before `absoluteCutoff` are over.
    public func cutoffs(now: Date) -> (idleCutoff: Date, absoluteCutoff: Date) {
        (now.addingTimeInterval(-idle), now.addingTimeInterval(-absolute))
    }

    /// Parses days from the environment (`AUFWIND_SESSION_IDLE_DAYS`, `AUFWIND_SESSION_MAX_DAYS`).
    public static func fromDays(idle: String?, absolute: String?) -> Result<SessionLifetime, ValidationMessage> {
        var lifetime = SessionLifetime.standard
        for (raw, name, apply) in [
            (idle, "AUFWIND_SESSION_IDLE_DAYS", { (l: inout SessionLifetime, d: Double) in l.idle = d * 86_400 }),
            (absolute, "AUFWIND_SESSION_MAX_DAYS", { (l: inout SessionLifetime, d: Double) in l.absolute = d * 86_400 }),
        ] {
            guard let raw, !raw.isEmpty else { continue }
            guard let days = Double(raw.replacingOccurrences(of: ",", with: ".")), days > 0, days <= 3650 else {
                return .failure("\(name) muss eine Zahl von Tagen zwischen 0 und 3650 sein, nicht „\(raw)“.")
            }
            apply(&lifetime, days)
        }
        guard lifetime.idle <= lifetime.absolute else {
            return .failure("AUFWIND_SESSION_IDLE_DAYS darf nicht größer sein als AUFWIND_SESSION_MAX_DAYS.")
        }
        return .success(lifetime)
    }
}
