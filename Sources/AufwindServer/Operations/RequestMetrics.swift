import Prometheus
import Vapor

/// Request counts and latencies in a Prometheus registry owned by the application
/// (not the process-wide MetricsSystem, so that several apps in one test process stay apart).
final class RequestMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "http_requests", unitName: "total", helpText: "HTTP-Anfragen nach Methode, Route und Status")
    }
    static var durations: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "http_request_duration", unitName: "seconds", helpText: "Antwortzeit der HTTP-Anfragen")
    }

    func record(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.durations, labels: [("method", method), ("route", route)], buckets: Self.buckets)
            .recordNanoseconds(duration.nanoseconds)
    }

    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Counts and times every request by its route pattern (not its raw path, to keep the label set small).
struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            record(request, status: (error as? any AbortError)?.status.code ?? 500, started: started)
            throw error
        }
        record(request, status: response.status.code, started: started)
        return response
    }

    private func record(_ request: Request, status: UInt, started: ContinuousClock.Instant) {
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unbekannt"
        request.application.requestMetrics.record(
            method: request.method.rawValue, route: route, status: status, duration: ContinuousClock.now - started)
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = RequestMetrics }

    var requestMetrics: RequestMetrics {
        get { storage[MetricsKey.self]! }
        set { storage[MetricsKey.self] = newValue }
    }
}
