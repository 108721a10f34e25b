import Foundation

extension Process {
    /// Starts the process and suspends until it has ended, without holding a thread.
    ///
    /// `waitUntilExit()` blocks its thread; inside an `async` test that thread belongs to Swift's
    /// cooperative pool, which has one thread per core. Two tests waiting for a child that way (the
    /// browser journeys, a CLI run on the reference data) stopped every other test of the process on
    /// a two-core machine for minutes — their time limits ran out while they never got a thread.
    func runToExit() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            terminationHandler = { _ in continuation.resume() }
            do {
                try run()
            } catch {
                terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
