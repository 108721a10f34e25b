import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Signed-in sessions with their person, memberships and event registrations, per instance, so that a page view reads
/// nothing from the database (issue 18). Used only while the change feed runs: it drops a person's
/// entries when any instance changes the person, their memberships or registrations or ends a session of theirs
/// (`ChangeKind.person`, within the feed's delay; on this instance before a write request answers).
/// Entries are read anew after `maximumAge` in any case. A read that overlapped a change is not kept.
final class SessionCache: Sendable {
    struct Entry: Sendable {
        var session: ModelSnapshot<WebSessionModel>
        var user: ModelSnapshot<UserModel>
        var memberships: [ModelSnapshot<MembershipModel>]
        /// Event id → the registration's status (`EventParticipation`).
        var eventRegistrations: [UUID: String]
        var userID: UUID
        var cachedAt: Date
    }

    static let maximumAge: TimeInterval = 60
    /// Entries kept at most (the oldest go first when more arrive).
    static let capacity = 50_000

    private struct State {
        var entries: [String: Entry] = [:]
        /// Each person's token hashes among the entries.
        var byUser: [UUID: Set<String>] = [:]
        var generation = 0

        mutating func remove(_ tokenHash: String) {
            guard let entry = entries.removeValue(forKey: tokenHash) else { return }
            byUser[entry.userID]?.remove(tokenHash)
            if byUser[entry.userID]?.isEmpty == true { byUser[entry.userID] = nil }
        }
    }

    private let state = NIOLockedValueBox(State())
    private let enabled = NIOLockedValueBox(false)

    /// Whether entries are kept: only while the change feed runs (it is what keeps them true).
    var isEnabled: Bool { enabled.withLockedValue { $0 } }

    func enable() { enabled.withLockedValue { $0 = true } }

    /// The entry of a session's token hash, if young enough.
    func entry(tokenHash: String, now: Date) -> Entry? {
        guard isEnabled else { return nil }
        return state.withLockedValue { state in
            guard let entry = state.entries[tokenHash] else { return nil }
            guard now.timeIntervalSince(entry.cachedAt) < Self.maximumAge else {
                state.remove(tokenHash)
                return nil
            }
            return entry
        }
    }

    /// The generation to hand to `store` after reading from the database.
    var generation: Int { state.withLockedValue { $0.generation } }

    /// Keeps what was read, unless something changed since `generation`.
    func store(_ entry: Entry, tokenHash: String, readAt generation: Int) {
        guard isEnabled else { return }
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            if state.entries.count >= Self.capacity {
                let oldest = state.entries.min { $0.value.cachedAt < $1.value.cachedAt }?.key
                if let oldest { state.remove(oldest) }
            }
            state.remove(tokenHash)
            state.entries[tokenHash] = entry
            state.byUser[entry.userID, default: []].insert(tokenHash)
        }
    }

    /// The session was touched ("last seen"): the entry follows.
    func touched(tokenHash: String, at date: Date) {
        state.withLockedValue { state in
            guard var entry = state.entries[tokenHash], let session = try? entry.session.make() else { return }
            session.lastSeenAt = date
            entry.session = ModelSnapshot(session)
            state.entries[tokenHash] = entry
        }
    }

    /// The person changed somewhere: their entries are read anew.
    func forget(userID: UUID) {
        state.withLockedValue { state in
            state.generation += 1
            for tokenHash in state.byUser[userID] ?? [] { state.remove(tokenHash) }
        }
    }

    func forgetAll() {
        state.withLockedValue { state in
            state = State(generation: state.generation + 1)
        }
    }
}

extension Application {
    private struct SessionCacheKey: StorageKey { typealias Value = SessionCache }

    var sessionCache: SessionCache {
        get {
            guard let cache = storage[SessionCacheKey.self] else { fatalError("configure(_:) sets the session cache") }
            return cache
        }
        set { storage[SessionCacheKey.self] = newValue }
    }
}
