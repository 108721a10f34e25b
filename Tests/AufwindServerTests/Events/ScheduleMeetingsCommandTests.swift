import Foundation
import Testing

/// `aufwind schedule-meetings` as a user runs it: the plan alone on standard output, in the
/// issue's JSON; problems on standard error, naming the ids, exit code 2.
@Suite("Command line: schedule-meetings")
struct ScheduleMeetingsCommandTests {
    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-meetings-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("plans the issue's JSON, re-plans from its own output, and refuses unknown ids naming them")
    func scheduleMeetings() async throws {
        try await CommandLineTests.withSQLite { sqlite in
            let input = try Self.file(
                #"""
                {"slots":[{"id":"s1","tables":1},{"id":"s2","tables":2}],
                 "participants":[{"id":"p1","available":["s1"]},{"id":"p2"},{"id":"p3"}],
                 "requests":[{"id":"r1","a":"p1","b":"p2","priority":2},{"id":"r2","a":"p2","b":"p3","priority":3},
                             {"id":"r3","a":"p1","b":"p3","priority":1}]}
                """#)
            defer { try? FileManager.default.removeItem(at: input) }
            let planned = try await CommandLineTests.aufwind(["schedule-meetings", "--input", input.path], sqlite: sqlite)
            #expect(planned.status == 0, "\(planned.all.suffix(2000))")
            #expect(
                planned.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                    == #"{"meetings":[{"request":"r1","slot":"s1","table":1},{"request":"r2","slot":"s2","table":1}],"unscheduled":["r3"],"score":5,"scheduled":2}"#,
                "\(planned.stdout)")
            let line = try #require(planned.stderr.split(separator: "\n").first { $0.hasPrefix("Geplant in ") }, "\(planned.stderr)")
            #expect(line.contains(CommandLineTests.germanDuration) && line.contains("2 Treffen eingeplant"), "\(line)")

            let previous = try Self.file(planned.stdout)
            defer { try? FileManager.default.removeItem(at: previous) }
            let replanned = try await CommandLineTests.aufwind(
                ["schedule-meetings", "--input", input.path, "--previous", previous.path], sqlite: sqlite)
            #expect(replanned.status == 0 && replanned.stdout == planned.stdout, "\(replanned.all)")
            #expect(replanned.stderr.contains("2 bisherige behalten"), "\(replanned.stderr)")

            let unknown = try Self.file(
                #"{"slots":[{"id":"s1","tables":1}],"participants":[{"id":"p1"}],"requests":[{"id":"r9","a":"p1","b":"p404","priority":2}]}"#)
            defer { try? FileManager.default.removeItem(at: unknown) }
            let refused = try await CommandLineTests.aufwind(["schedule-meetings", "--input", unknown.path], sqlite: sqlite)
            #expect(refused.status == 2 && refused.stdout.isEmpty, "\(refused.all)")
            #expect(refused.stderr.contains("Anfrage „r9“: unbekannter Teilnehmer „p404“ bei b."), "\(refused.stderr)")
            #expect(!refused.all.contains("[ WARNING ]"), "\(refused.all)")

            let generated = try await CommandLineTests.aufwind(["schedule-meetings", "--generate", "--seed", "2"], sqlite: sqlite)
            #expect(generated.status == 0)
            let instance = try #require(CommandLineTests.parsesAsJSON(generated.stdout), "\(generated.stdout.prefix(300))")
            #expect((instance["requests"] as? [Any])?.count == 2_000 && (instance["participants"] as? [Any])?.count == 400)
        }
    }
}
