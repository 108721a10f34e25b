import AufwindCore
import Foundation
import Vapor

/// `aufwind schedule --input instance.json [--previous plan.json] [--seed S] [--iterations N]`
/// prints `{"assignments":[…],"unscheduled":[…],"score":…,"covered":…,"overflow":…}` on standard
/// output and how long it took on standard error;
/// `--generate --seed S` writes a generated instance (400 participants, 60 sessions, 8×8) instead.
struct ScheduleCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "input", help: "Instanz als JSON (rooms, slots, sessions, participants)") var input: String?
        @Option(name: "previous", help: "bisheriger Plan (Ausgabe eines früheren Laufs): minimal umplanen") var previous: String?
        @Option(name: "seed", help: "Startwert (Standard 1)") var seed: Int?
        @Option(name: "iterations", help: "Suchschritte (Standard 400000, beim Umplanen 60000)") var iterations: Int?
        @Flag(name: "generate", help: "eine Benchmark-Instanz erzeugen und ausgeben") var generate: Bool
    }

    var help: String { "Plant ein Barcamp: Sessions in Räume und Zeitfenster (JSON rein, JSON raus)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let seed = UInt64(max(0, signature.seed ?? 1))
        if signature.generate {
            let instance = ScheduleInstanceGenerator(seed: seed).instance()
            context.console.output(String(decoding: try encoder.encode(instance), as: UTF8.self).consoleText())
            return
        }
        guard let path = signature.input else {
            throw context.fail("Bitte --input instance.json angeben (oder --generate).", code: 2)
        }
        let instance: ScheduleInstance
        do {
            instance = try JSONDecoder().decode(ScheduleInstance.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as DecodingError {
            throw context.fail("\(path): kein gültiges Instanz-JSON (\(Self.describe(error))).", code: 2)
        } catch {
            throw context.fail("\(path) lässt sich nicht lesen: \(error.localizedDescription)", code: 2)
        }
        let plan: ScheduleOptimizer
        do {
            plan = try ScheduleOptimizer(instance)
        } catch {
            for problem in error.problems { context.note(problem) }
            throw ExitCode(2)
        }
        let iterations = max(0, min(signature.iterations ?? 400_000, 100_000_000))
        if let previousPath = signature.previous {
            let iterations = max(0, min(signature.iterations ?? 60_000, 100_000_000))
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: previousPath)),
                let previous = try? JSONDecoder().decode(Schedule.self, from: data)
            else {
                throw context.fail("\(previousPath): kein gültiger Plan (Ausgabe von aufwind schedule).", code: 2)
            }
            let started = ContinuousClock.now
            let (schedule, moved) = plan.replan(previous: previous, seed: seed, iterations: iterations)
            context.note(
                Self.summary(schedule, iterations: iterations, took: ContinuousClock.now - started)
                    + ", \(GermanFormat.count(moved.count, "Session", "Sessions")) verschoben")
            struct Replanned: Encodable {
                var assignments: [Schedule.Assignment]
                var unscheduled: [String]
                var score, covered, overflow: Int
                var moved: [String]
            }
            let output = Replanned(
                assignments: schedule.assignments, unscheduled: schedule.unscheduled, score: schedule.score, covered: schedule.covered,
                overflow: schedule.overflow, moved: moved)
            context.console.output(String(decoding: try encoder.encode(output), as: UTF8.self).consoleText())
        } else {
            let started = ContinuousClock.now
            let schedule = plan.optimize(seed: seed, iterations: iterations)
            context.note(Self.summary(schedule, iterations: iterations, took: ContinuousClock.now - started))
            context.console.output(String(decoding: try encoder.encode(schedule), as: UTF8.self).consoleText())
        }
    }

    /// For people, on standard error (the plan itself is the JSON on standard output).
    static func summary(_ schedule: Schedule, iterations: Int, took: Duration) -> String {
        "Geplant in \(GermanFormat.duration(took)) (\(GermanFormat.integer(iterations)) Suchschritte): Bewertung \(GermanFormat.integer(schedule.score)), "
            + "\(GermanFormat.count(schedule.assignments.count, "Session", "Sessions")) eingeplant, \(GermanFormat.integer(schedule.unscheduled.count)) nicht"
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): "Feld „\(key.stringValue)“ fehlt bei \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): "falscher Wert bei \(path(context.codingPath))"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "\(error)"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "der Wurzel" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
