import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

@Suite("Operations: health and metrics")
struct OperationsTests {
    @Test("healthz is 503 before the register is loaded and 200 after", arguments: TestDatabase.available)
    func health(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await app.testing().test(.GET, "/healthz") { response async throws in
                #expect(response.status == .serviceUnavailable)
            }
            try await RegisterFixture.importInto(app)
            try await app.testing().test(.GET, "/healthz") { response async throws in
                #expect(response.status == .ok)
                #expect(try response.content.decode(OperationsController.Health.self).gemeinden == 5)
            }
        }
    }

    @Test("metrics count requests by route in Prometheus format")
    func metrics() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            try await app.testing().test(.GET, "/api/v1/gemeinden/05515000") { _ in }
            try await app.testing().test(.GET, "/metrics") { response async throws in
                #expect(response.status == .forbidden, "without a token only from this machine")
            }
            app.aufwindConfig.metricsToken = "metrik-token-0123456789"
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer falsch"]) { response async throws in
                #expect(response.status == .unauthorized)
            }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer metrik-token-0123456789"]) { response async throws in
                let text = response.body.string
                #expect(text.contains("http_requests_total{method=\"GET\",route=\"/api/v1/gemeinden/:ags\",status=\"200\"} 1"))
                #expect(text.contains("http_request_duration_seconds_bucket"))
            }
        }
    }
}
