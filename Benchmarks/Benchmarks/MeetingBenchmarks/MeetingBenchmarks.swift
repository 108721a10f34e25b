import AufwindCore
import Benchmark
import Foundation

/// Issue 15: the 1:1 meeting scheduler on the benchmark instances (400 participants, 2,000 requests,
/// 18 slots, 40 tables), seeds 1–3 as `aufwind schedule-meetings --generate --seed S` writes them.
/// Target: under 2 s each, a score ≥ 99 % of what HiGHS proves (Benchmarks/meetings/compare.sh).
/// Besides the time, each benchmark reports the plan's score and the number of meetings.
private let score = BenchmarkMetric.custom("score (Σ Prioritäten)", polarity: .prefersLarger, useScalingFactor: false)
private let meetings = BenchmarkMetric.custom("Treffen eingeplant", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, score, meetings], maxDuration: .seconds(20), maxIterations: 5)

    for seed in [UInt64(1), 2, 3] {
        Benchmark("Meetings: plan 400 participants, 2,000 requests, 18×40 (seed \(seed))") { benchmark in
            let scheduler = try MeetingScheduler(MeetingInstanceGenerator(seed: seed).instance())
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let plan = scheduler.optimize(seed: 1)
                benchmark.measurement(score, plan.score)
                benchmark.measurement(meetings, plan.scheduled)
                blackHole(plan)
            }
        }
    }

    Benchmark("Meetings: re-plan after 100 late requests (seed 1)") { benchmark in
        let full = MeetingInstanceGenerator(seed: 1).instance()
        var early = full
        early.requests.removeLast(100)
        let previous = try MeetingScheduler(early).optimize(seed: 1)
        let scheduler = try MeetingScheduler(full)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let (plan, _) = try scheduler.replan(previous: previous)
            benchmark.measurement(score, plan.score)
            benchmark.measurement(meetings, plan.scheduled)
            blackHole(plan)
        }
    }
}
