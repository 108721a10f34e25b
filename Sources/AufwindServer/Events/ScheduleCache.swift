import AufwindCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered public schedule pages and exports, per event and format, so the public programme
/// serves thousands of requests a second. Publishing on this instance invalidates at once, on
/// other instances the change feed does (`ChangeKind.programm`); besides, a copy older than `recheck`
/// re-reads the newest version number (one small query) and is kept when it did not change. Every copy is rendered anew after
/// `maximumAge`, so edits that do not make a new version (host names) show within a minute.
final class ScheduleCache: Sendable {
    struct Entry: Sendable {
        var version: Int
        var body: ByteBuffer
        var checkedAt: Date
        var renderedAt: Date
        /// What the policy decides a person's place in the event on, as rendered (`EventStanding`).
        var event: EventFacts?
        /// The page's title, for a rendered page body that goes into the layout.
        var pageTitle = ""
    }

    struct EventFacts: Sendable {
        var title: String
        var organiser: EventOrganiser
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    let recheck: TimeInterval
    /// Host names and descriptions are read live: a copy is rendered anew at least this often.
    let maximumAge: TimeInterval

    init(recheck: TimeInterval = 2, maximumAge: TimeInterval = 60) {
        self.recheck = recheck
        self.maximumAge = maximumAge
    }

    func fresh(_ key: String, now: Date) -> Entry? {
        entries.withLockedValue { $0[key] }.flatMap { now.timeIntervalSince($0.checkedAt) < recheck ? $0 : nil }
    }

    /// A copy older than `recheck` but young enough to be re-validated by the version number.
    func stale(_ key: String, now: Date) -> Entry? {
        entries.withLockedValue { $0[key] }.flatMap { now.timeIntervalSince($0.renderedAt) < maximumAge ? $0 : nil }
    }

    func store(_ key: String, _ entry: Entry) { entries.withLockedValue { $0[key] = entry } }

    func invalidateAll() { entries.withLockedValue { $0 = [:] } }

    func invalidate(_ eventID: UUID) {
        let prefix = eventID.uuidString.lowercased()
        entries.withLockedValue { $0 = $0.filter { !$0.key.hasPrefix(prefix) } }
    }
}

extension Application {
    private struct ScheduleCacheKey: StorageKey { typealias Value = ScheduleCache }

    var scheduleCache: ScheduleCache {
        get {
            if let cache = storage[ScheduleCacheKey.self] { return cache }
            let cache = ScheduleCache()
            storage[ScheduleCacheKey.self] = cache
            return cache
        }
        set { storage[ScheduleCacheKey.self] = newValue }
    }
}
