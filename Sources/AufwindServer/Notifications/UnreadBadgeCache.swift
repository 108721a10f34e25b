import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Each signed-in person's unread notifications, per instance, so that the navigation's count costs
/// no database read on a page view (issue 18). Only while the change feed runs: any instance's write
/// to a person's notifications drops their entry (`ChangeKind.benachrichtigungen`); entries are read
/// anew after `maximumAge` in any case. Someone with more than `maximumKept` unread is counted in the
/// database as before. A read that overlapped a change is not kept.
final class UnreadBadgeCache: Sendable {
    /// What the counts need of one unread notification.
    struct Unread: Sendable, Decodable, Equatable {
        var link: String
        /// Waits for a digest and was not seen in the app yet.
        var unseen: Bool
    }

    static let maximumAge: TimeInterval = 60
    static let maximumKept = 200
    static let capacity = 50_000

    private struct Entry {
        var unread: [Unread]
        var cachedAt: Date
    }

    private struct State {
        var entries: [UUID: Entry] = [:]
        var generation = 0
    }

    private let state = NIOLockedValueBox(State())
    private let enabled = NIOLockedValueBox(false)

    var isEnabled: Bool { enabled.withLockedValue { $0 } }

    func enable() { enabled.withLockedValue { $0 = true } }

    /// The counts for a view of `path`, if the person's unread notifications are held.
    func counts(userID: UUID, page path: String, now: Date) -> UnreadBadge.Counts? {
        guard isEnabled else { return nil }
        guard let entry = state.withLockedValue({ $0.entries[userID] }), now.timeIntervalSince(entry.cachedAt) < Self.maximumAge else {
            return nil
        }
        return Self.counts(entry.unread, page: path)
    }

    /// The three counts of `UnreadBadge.countsStatement`, from the list.
    static func counts(_ unread: [Unread], page path: String) -> UnreadBadge.Counts {
        UnreadBadge.Counts(
            unread: unread.count, opened: unread.count { UnreadBadge.links($0.link, to: path) }, unseen: unread.count(where: \.unseen))
    }

    var generation: Int { state.withLockedValue { $0.generation } }

    func store(_ unread: [Unread], userID: UUID, now: Date, readAt generation: Int) {
        guard isEnabled, unread.count <= Self.maximumKept else { return }
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            if state.entries.count >= Self.capacity, let oldest = state.entries.min(by: { $0.value.cachedAt < $1.value.cachedAt })?.key {
                state.entries[oldest] = nil
            }
            state.entries[userID] = Entry(unread: unread, cachedAt: now)
        }
    }

    /// The person's notifications changed (here or on another instance).
    func forget(userID: UUID) {
        state.withLockedValue { state in
            state.generation += 1
            state.entries[userID] = nil
        }
    }

    func forgetAll() {
        state.withLockedValue { state in
            state.generation += 1
            state.entries = [:]
        }
    }
}

extension Application {
    private struct UnreadBadgeCacheKey: StorageKey { typealias Value = UnreadBadgeCache }

    var unreadBadges: UnreadBadgeCache {
        get {
            guard let cache = storage[UnreadBadgeCacheKey.self] else { fatalError("configure(_:) sets the unread badge cache") }
            return cache
        }
        set { storage[UnreadBadgeCacheKey.self] = newValue }
    }
}
