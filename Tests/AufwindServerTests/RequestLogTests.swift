import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import AufwindServer

@Suite("Request log")
struct RequestLogTests {
    /// Keeps what is logged.
    struct Capture: LogHandler {
        let lines: NIOLockedValueBox<[String]>
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.withLockedValue { $0.append(event.message.description) }
        }
    }

    struct Answer: AsyncResponder {
        func respond(to request: Request) async throws -> Response { Response(status: .ok) }
    }

    @Test("secret calendar tokens and link tokens never reach the log")
    func redacted() async throws {
        try await withAufwind(.sqlite) { app in
            let lines = NIOLockedValueBox<[String]>([])
            for url in ["/kalender/verbuende/SehrGeheim123", "/passwort-neu?token=AuchGeheim456", "/gemeinden?q=Ahlen"] {
                let request = Request(application: app, method: .GET, url: URI(string: url), on: app.eventLoopGroup.next())
                request.logger = Logger(label: "test") { _ in Capture(lines: lines) }
                _ = try await RequestLogMiddleware().respond(to: request, chainingTo: Answer())
            }
            let logged = lines.withLockedValue { $0 }
            #expect(logged == ["GET /kalender/verbuende/[entfernt]", "GET /passwort-neu?token=[entfernt]", "GET /gemeinden?q=Ahlen"])
        }
    }
}
