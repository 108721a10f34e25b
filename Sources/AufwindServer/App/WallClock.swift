import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The server's one source of the current time. Production reads the system clock; tests run
/// on an `AdjustableClock` and move it forward, so that expiry, reminders and deadlines are
/// tested without waiting and without rewriting stored rows. The core takes `now` as a parameter.
struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    func now() -> Date { read() }

    static let system = WallClock { Date() }

    /// Always the same instant.
    static func fixed(_ instant: Date) -> WallClock { WallClock { instant } }
}

/// A clock for tests: it runs with the system clock, shifted by whatever the test advanced it.
final class AdjustableClock: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)

    init() {}

    func advance(by seconds: TimeInterval) { offset.withLockedValue { $0 += seconds } }

    var clock: WallClock { WallClock { [offset] in Date().addingTimeInterval(offset.withLockedValue { $0 }) } }
}

extension Application {
    private struct WallClockKey: StorageKey { typealias Value = WallClock }

    /// The current time for everything the server does (the system clock unless a test set another).
    var wallClock: WallClock {
        get { storage[WallClockKey.self] ?? .system }
        set { storage[WallClockKey.self] = newValue }
    }

    var now: Date { wallClock.now() }
}

extension Request {
    /// The current time, from the application's clock.
    var now: Date { application.now }
}
