@_spi(Benchmarks) import AufwindServer
import Benchmark
import Foundation

/// Issue 16's targets: "Wer nutzt das in Ihrer Nähe?" for a solution with 5,000 confirmed
/// references, and `/api/v1/loesungen?nahe=…` over 5,000 solutions with ~50,000 references:
/// p95 ≤ 20 ms server time each (release). The requests run through the whole application
/// in-process (middleware, database, rendering; no network). On PostgreSQL when `DATABASE_URL` is
/// set (a schema of its own), else on a temporary SQLite file in WAL mode. Seeding is outside the
/// measurement.
///
/// package-benchmark prints p90 and p99; the target's p95 is computed from the same samples and
/// printed at the end, and the run fails when it misses.

/// Reference data: AUFWIND_DATA_DIR, else ../shared/data seen from the project root.
private let dataDirectory: String = {
    if let configured = ProcessInfo.processInfo.environment["AUFWIND_DATA_DIR"] { return configured }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return root.deletingLastPathComponent().appendingPathComponent("shared/data").path
}()

/// The seeded application, shared by the benchmarks of this target (one process runs them all;
/// seeding takes a minute).
private final class World: @unchecked Sendable {
    static let shared = World()
    private let lock = NSLock()
    private var load: SolutionLoad?
    private var samples: [String: [Duration]] = [:]

    func loaded() async throws -> SolutionLoad {
        if let load = lock.withLock({ load }) { return load }
        let made = try await SolutionLoad.make(dataDirectory: dataDirectory)
        try await made.seed(solutions: 5_000, bigUsers: 5_000)
        lock.withLock { load = made }
        return made
    }

    func record(_ name: String, _ duration: Duration) { lock.withLock { samples[name, default: []].append(duration) } }

    /// The nearest-rank percentile of the samples of `name`, in milliseconds.
    func percentile(_ name: String, _ fraction: Double) -> Double {
        let sorted = lock.withLock { samples[name, default: []] }.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
        let (seconds, attoseconds) = sorted[rank].components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }

    func count(_ name: String) -> Int { lock.withLock { samples[name, default: []].count } }

    func shutdown() async throws {
        guard let load = lock.withLock({ self.load }) else { return }
        lock.withLock { self.load = nil }
        try await load.shutdown()
    }
}

private func configuration() -> Benchmark.Configuration {
    .init(metrics: [.wallClock, .throughput], timeUnits: .milliseconds, warmupIterations: 20, maxDuration: .seconds(20), maxIterations: 2_000)
}

private func report(_ name: String, target: Double?) {
    let world = World.shared
    let p95 = world.percentile(name, 0.95)
    func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
    let goal = target.map { ", target p95 ≤ \(Int($0)) ms" } ?? ""
    let line =
        "\(name): p50 \(ms(world.percentile(name, 0.5))), p95 \(ms(p95)), p99 \(ms(world.percentile(name, 0.99)))"
        + " (\(world.count(name)) samples\(goal))"
    // Standard error is unbuffered: the line is there even when a miss ends the process.
    FileHandle.standardError.write(Data((line + "\n").utf8))
    if let target, p95 > target { fatalError("missed: \(line)") }
}

let benchmarks: @Sendable () -> Void = {
    let nearby = "Solutions: Wer nutzt das in Ihrer Nähe? (5,000 confirmed users)"
    Benchmark(
        nearby, configuration: configuration(),
        closure: { benchmark in
            let load = try await World.shared.loaded()
            let started = ContinuousClock.now
            benchmark.startMeasurement()
            try await load.nearby()
            benchmark.stopMeasurement()
            World.shared.record(nearby, ContinuousClock.now - started)
        },
        setup: { _ = try await World.shared.loaded() },
        teardown: { report(nearby, target: 20) })

    let api = "Solutions: /api/v1/loesungen?nahe= (5,000 solutions, ~55,000 references)"
    Benchmark(
        api, configuration: configuration(),
        closure: { benchmark in
            let load = try await World.shared.loaded()
            let started = ContinuousClock.now
            benchmark.startMeasurement()
            try await load.apiNearby()
            benchmark.stopMeasurement()
            World.shared.record(api, ContinuousClock.now - started)
        },
        setup: { _ = try await World.shared.loaded() },
        teardown: {
            report(api, target: 20)
            try await World.shared.shutdown()
        })
}
