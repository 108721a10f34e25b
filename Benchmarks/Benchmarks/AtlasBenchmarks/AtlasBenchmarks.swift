@_spi(Benchmarks) import AufwindServer
import Benchmark
import Foundation

/// Issue 17's targets: `/atlas` server time p95 ≤ 50 ms warm with 100,000 items and 10,000
/// cooperations (release), the page ≤ 300 KB, the GeoJSON ≤ 2 MB, a town profile's map ≤ 30 KB.
/// Each request runs through the whole application in-process (no network). On PostgreSQL when
/// `DATABASE_URL` is set, else on a temporary SQLite file in WAL mode. Seeding is outside the
/// measurement. The p95 is computed from the samples and printed at the end; a miss fails the run.

/// Reference data: AUFWIND_DATA_DIR, else ../shared/data seen from the project root.
private let dataDirectory: String = {
    if let configured = ProcessInfo.processInfo.environment["AUFWIND_DATA_DIR"] { return configured }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return root.deletingLastPathComponent().appendingPathComponent("shared/data").path
}()

private final class World: @unchecked Sendable {
    static let shared = World()
    private let lock = NSLock()
    private var load: AtlasLoad?
    private var samples: [String: [Duration]] = [:]

    func loaded() async throws -> AtlasLoad {
        if let load = lock.withLock({ load }) { return load }
        let made = try await AtlasLoad.make(dataDirectory: dataDirectory)
        try await made.seed(items: 100_000, cooperations: 10_000)
        lock.withLock { load = made }
        return made
    }

    func record(_ name: String, _ duration: Duration) { lock.withLock { samples[name, default: []].append(duration) } }

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

private func configuration(_ iterations: Int = 2_000) -> Benchmark.Configuration {
    .init(metrics: [.wallClock, .throughput], timeUnits: .milliseconds, warmupIterations: 10, maxDuration: .seconds(20), maxIterations: iterations)
}

private func log(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

private func report(_ name: String, target: Double?) {
    let world = World.shared
    let p95 = world.percentile(name, 0.95)
    func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
    let goal = target.map { ", target p95 ≤ \(Int($0)) ms" } ?? ""
    let line =
        "\(name): p50 \(ms(world.percentile(name, 0.5))), p95 \(ms(p95)), p99 \(ms(world.percentile(name, 0.99)))"
        + " (\(world.count(name)) samples\(goal))"
    log(line)
    if let target, p95 > target { fatalError("missed: \(line)") }
}

/// A size target: printed, and the run fails when it misses.
private func size(_ what: String, _ body: String, atMost limit: Int) {
    let bytes = body.utf8.count
    let line = "\(what): \(bytes) bytes (target ≤ \(limit))"
    log(line)
    if bytes > limit { fatalError("missed: \(line)") }
}

private func measured(_ name: String, _ path: String, invalidate: Bool = false) -> @Sendable (Benchmark) async throws -> Void {
    { benchmark in
        let load = try await World.shared.loaded()
        if invalidate { load.invalidate() }
        let started = ContinuousClock.now
        benchmark.startMeasurement()
        try await load.get(path)
        benchmark.stopMeasurement()
        World.shared.record(name, ContinuousClock.now - started)
    }
}

let benchmarks: @Sendable () -> Void = {
    let atlas = "Atlas: /atlas warm, 100,000 items, 10,000 cooperations"
    Benchmark(
        atlas, configuration: configuration(), closure: measured(atlas, "/atlas"),
        setup: {
            let load = try await World.shared.loaded()
            size("Atlas: /atlas page", try await load.get("/atlas"), atMost: 300_000)
            size("Atlas: /atlas?kennzahl=kooperationen page (with the lines)", try await load.get("/atlas?kennzahl=kooperationen"), atMost: 300_000)
            size("Atlas: /api/v1/atlas/kreise.geojson", try await load.get("/api/v1/atlas/kreise.geojson"), atMost: 2_000_000)
            let profile = try await load.get("/gemeinden/05570004")
            let map = profile.range(of: "<svg viewBox=\"0 0 360 300\"").flatMap { start in
                profile.range(of: "</svg>", range: start.upperBound..<profile.endIndex).map { String(profile[start.lowerBound..<$0.upperBound]) }
            }
            size("Atlas: the town profile's map (Ahlen)", map ?? "", atMost: 30_000)
        },
        teardown: { report(atlas, target: 50) })

    let filtered = "Atlas: /atlas?kennzahl=kooperationen&handlungsfeld=mobilitaet warm (lines, one Handlungsfeld)"
    Benchmark(
        filtered, configuration: configuration(), closure: measured(filtered, "/atlas?kennzahl=kooperationen&handlungsfeld=mobilitaet"),
        setup: { _ = try await World.shared.loaded() }, teardown: { report(filtered, target: 50) })

    let kreis = "Atlas: /kreise/05570 (Kreis page with its map) warm"
    Benchmark(
        kreis, configuration: configuration(), closure: measured(kreis, "/kreise/05570"),
        setup: { _ = try await World.shared.loaded() }, teardown: { report(kreis, target: nil) })

    let csv = "Atlas: /api/v1/atlas/gemeinden.csv warm"
    Benchmark(
        csv, configuration: configuration(200), closure: measured(csv, "/api/v1/atlas/gemeinden.csv"),
        setup: { _ = try await World.shared.loaded() }, teardown: { report(csv, target: nil) })

    // After a write on this instance the figures are read again: what the first page after it costs.
    let cold = "Atlas: /atlas right after a write (facts read again, figures computed)"
    Benchmark(
        cold, configuration: configuration(100), closure: measured(cold, "/atlas", invalidate: true),
        setup: { _ = try await World.shared.loaded() },
        teardown: {
            report(cold, target: nil)
            try await World.shared.shutdown()
        })
}
