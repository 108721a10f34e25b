import NIOConcurrencyHelpers
import Vapor

/// Graceful shutdown: requests still running when the server stops get to finish before the
/// database connections close (else a late request would find no database).
final class RequestDrain: Sendable {
    private let running = NIOLockedValueBox(0)
    static let maximumWait: Duration = .seconds(10)

    var count: Int { running.withLockedValue { $0 } }

    struct Middleware: AsyncMiddleware {
        let drain: RequestDrain

        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            drain.running.withLockedValue { $0 += 1 }
            defer { drain.running.withLockedValue { $0 -= 1 } }
            return try await next.respond(to: request)
        }
    }

    /// Registered after the databases, so it runs before they shut down.
    struct Lifecycle: LifecycleHandler {
        let drain: RequestDrain

        func shutdownAsync(_ application: Application) async {
            let deadline = ContinuousClock.now + RequestDrain.maximumWait
            while drain.count > 0, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            if drain.count > 0 {
                application.logger.warning("Beim Herunterfahren liefen noch \(drain.count) Anfragen.")
            }
        }
    }
}
