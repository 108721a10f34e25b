import Foundation
import NIOConcurrencyHelpers

/// A value read from the database and kept in memory: loaded on first use, dropped by `invalidate()`
/// (a write on this instance, or any instance's through the change feed) and read again once older
/// than `maximumAge` in any case.
/// Every change counts as a write: a load that overlapped one is not stored and starts again, so no
/// write is ever lost behind an older load.
final class GenerationCache<Value: Sendable>: Sendable {
    private struct State {
        var generation = 0
        var value: Value?
        var loadedAt = Date.distantPast
    }

    let maximumAge: TimeInterval
    private let state = NIOLockedValueBox(State())

    init(maximumAge: TimeInterval = .infinity) { self.maximumAge = maximumAge }

    /// Loads started again when a write overlapped them; under steady writes the last load is
    /// answered (newer than any stored value) without being kept.
    static var maximumLoads: Int { 3 }

    /// The current value, loaded with `load` when there is none or it is too old.
    func value(now: Date = Date(), load: () async throws -> Value) async throws -> Value {
        var attempt = 0
        while true {
            attempt += 1
            let (generation, current, loadedAt) = state.withLockedValue { ($0.generation, $0.value, $0.loadedAt) }
            if let current, now.timeIntervalSince(loadedAt) < maximumAge { return current }
            let loaded = try await load()
            let stored = state.withLockedValue { state -> Value? in
                guard state.generation == generation else { return nil }
                state.value = loaded
                state.loadedAt = now
                return loaded
            }
            if let stored { return stored }
            if attempt >= Self.maximumLoads { return loaded }
        }
    }

    /// What is held now, without loading.
    var current: Value? { state.withLockedValue { $0.value } }

    /// Something was written: the next read loads anew.
    func invalidate() {
        state.withLockedValue { state in
            state.generation += 1
            state.value = nil
        }
    }

    /// Something was written that the held value can follow in place (a load running now starts again).
    func modify(_ body: (inout Value) -> Void) {
        state.withLockedValue { state in
            state.generation += 1
            guard var value = state.value else { return }
            body(&value)
            state.value = value
        }
    }
}
