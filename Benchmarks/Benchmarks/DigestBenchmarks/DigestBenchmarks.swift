@_spi(Benchmarks) import AufwindServer
import Benchmark
import Foundation

/// Issue 13's target: the daily digest for 50,000 users with 500,000 notifications in ≤ 60 s, each
/// user at most one mail, and a second run the same day sends nothing. On PostgreSQL when
/// `DATABASE_URL` is set (a schema of its own), else on a temporary SQLite file in WAL mode.
/// Seeding is outside the measurement; each iteration seeds a fresh database.
let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "Digest: daily run, 50,000 users, 500,000 notifications",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .seconds, warmupIterations: 0, maxDuration: .seconds(900),
            maxIterations: 1)
    ) { benchmark in
        let load = try await DigestLoad.make()
        try await load.seed(users: 50_000, notifications: 500_000)
        // 7:30 in Germany on a weekday: the daily period is due.
        let morning = Date(timeIntervalSince1970: 1_773_815_400)
        let started = ContinuousClock.now
        benchmark.startMeasurement()
        let first = try await load.runDaily(at: morning)
        benchmark.stopMeasurement()
        let took = ContinuousClock.now - started
        let outbox = try await load.outbox()
        let second = try await load.runDaily(at: morning.addingTimeInterval(3600))
        try await load.shutdown()
        guard took <= .seconds(60), first.mails == 50_000, outbox.mails == 50_000, outbox.mostForOneUser == 1, second.mails == 0 else {
            fatalError(
                "Digest: \(took) (target 60 s), \(first.mails) mails in the run, \(outbox.mails) in the outbox, at most \(outbox.mostForOneUser) per user, \(second.mails) on the second run"
            )
        }
    }
}
