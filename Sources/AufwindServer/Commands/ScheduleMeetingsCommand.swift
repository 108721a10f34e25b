import AufwindCore
import Foundation
import Vapor

/// `aufwind schedule-meetings --input meetings.json [--previous plan.json] [--seed S] [--iterations N]`
/// prints `{"meetings":[{"request":"r1","slot":"s1","table":1},…],"unscheduled":[…],"score":S,"scheduled":N}`
/// on standard output and how long it took (and, when re-planning, what changed) on standard error;
/// `--generate --seed S` writes a benchmark instance (400 participants, 2,000 requests, 18 slots,
/// 40 tables) instead.
struct ScheduleMeetingsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "input", help: "Instanz als JSON (slots, participants, requests)") var input: String?
        @Option(name: "previous", help: "bisheriger Plan (Ausgabe eines früheren Laufs): minimal umplanen") var previous: String?
        @Option(name: "seed", help: "Startwert (Standard 1)") var seed: Int?
        @Option(name: "iterations", help: "Suchschritte (Standard 800000, beim Umplanen 200000)") var iterations: Int?
        @Flag(name: "generate", help: "eine Benchmark-Instanz erzeugen und ausgeben") var generate: Bool
    }

    var help: String { "Plant 1:1-Treffen: angenommene Anfragen in Zeitfenster und Tische (JSON rein, JSON raus)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let seed = UInt64(max(0, signature.seed ?? 1))
        if signature.generate {
            let instance = MeetingInstanceGenerator(seed: seed).instance()
            context.console.output(String(decoding: MeetingScheduleJSON.encode(instance), as: UTF8.self).consoleText())
            return
        }
        guard let path = signature.input else {
            throw context.fail("Bitte --input meetings.json angeben (oder --generate).", code: 2)
        }
        let input = try read(path, context)
        let previous = try signature.previous.map { try read($0, context) }
        let started = ContinuousClock.now
        let result: MeetingScheduleJSON.Result
        do {
            result = try MeetingScheduleJSON.run(
                input: input, inputName: path, previous: previous, previousName: signature.previous ?? "", seed: seed,
                iterations: signature.iterations.map { max(0, min($0, 100_000_000)) })
        } catch {
            for problem in error.problems { context.note(problem) }
            throw ExitCode(2)
        }
        let plan = result.plan
        var summary =
            "Geplant in \(GermanFormat.duration(ContinuousClock.now - started)): Bewertung \(GermanFormat.integer(plan.score)), "
            + "\(GermanFormat.count(plan.scheduled, "Treffen", "Treffen")) eingeplant, \(GermanFormat.integer(plan.unscheduled.count)) nicht"
        if let report = result.report {
            summary +=
                "; \(GermanFormat.integer(report.kept)) bisherige behalten, \(GermanFormat.integer(report.moved.count)) verlegt oder gestrichen, "
                + "\(GermanFormat.integer(report.dropped.count)) entfallen, \(GermanFormat.integer(report.added.count)) neu"
        }
        context.note(summary)
        context.console.output(String(decoding: result.json, as: UTF8.self).consoleText())
    }

    private func read(_ path: String, _ context: CommandContext) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw context.fail("\(path) lässt sich nicht lesen: \(error.localizedDescription)", code: 2)
        }
    }
}
