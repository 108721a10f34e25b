import Foundation
import Testing

/// The real `aufwind` binary: a command's result alone on standard output (JSON that parses as
/// a whole), logs and problems on standard error, each problem said once, durations in German.
@Suite("Command line: results on stdout, logs and problems on stderr, German durations")
struct CommandLineTests {
    static var dataDirectory: URL {
        ServerProcess.projectRoot.appendingPathComponent("../shared/data").standardizedFileURL
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var all: String { stdout + stderr }
    }

    /// Runs `.build/debug/aufwind` on its own SQLite file, with standard output and standard error apart.
    static func aufwind(_ arguments: [String], sqlite: String, environment: [String: String] = [:]) async throws -> Run {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["DATABASE_URL", "AUFWIND_POSTGRES_SCHEMA", "AUFWIND_DATA_DIR"] { env.removeValue(forKey: key) }
        env["AUFWIND_SQLITE_PATH"] = sqlite
        env["LOG_LEVEL"] = "info"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = ServerProcess.projectRoot
        let id = UUID().uuidString
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-cli-\(id).out")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-cli-\(id).err")
        for url in [out, err] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        defer { for url in [out, err] { try? FileManager.default.removeItem(at: url) } }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try await process.runToExit()
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "", stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    static func withSQLite(_ body: (String) async throws -> Void) async rethrows {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-cli-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await body(path)
    }

    /// The whole of `text` is one JSON document.
    static func parsesAsJSON(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    static var referenceDataAvailable: Bool {
        let data = dataDirectory
        let raw = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("raw").path)) ?? []
        return FileManager.default.fileExists(atPath: data.appendingPathComponent("foerderprogramme.json").path)
            && raw.contains(where: { $0.hasPrefix("GV100AD_") })
    }

    static var germanDuration: Regex<Substring> { #/\d+(?:,\d)? (?:ms|s)|\d+ min(?: \d+ s)?|\d+ h(?: \d+ min)?/# }

    @Test(
        "check-eligibility --json on the reference data: only JSON on stdout, logs on stderr; a bad programme is one German message, no [ WARNING ] line; import-register says how long in German",
        .enabled(if: referenceDataAvailable || QualityGateTests.inCI, "keine Referenzdaten in ../shared/data (siehe README)")
    )
    func checkEligibility() async throws {
        let data = Self.dataDirectory
        try #require(Self.referenceDataAvailable, "Die Referenzdaten (\(data.path)) müssen in CI da sein.")
        try await Self.withSQLite { sqlite in
            let environment = ["AUFWIND_DATA_DIR": data.path]
            let imported = try await Self.aufwind(["import-register"], sqlite: sqlite, environment: environment)
            #expect(imported.status == 0, "\(imported.all.suffix(2000))")
            let done = try #require(imported.stdout.split(separator: "\n").first { $0.hasPrefix("Fertig in ") }, "\(imported.stdout)")
            #expect(done.contains(Self.germanDuration) && !done.contains("seconds"), "\(done)")
            #expect(imported.stderr.contains("Importiere "))

            // Eligible: exit 0; stdout is the JSON and nothing else, the logs are on stderr
            let members = ["--members", "05570004,05570036", "--lead", "05570004", "--costs", "250000"]
            let eligible = try await Self.aufwind(
                ["check-eligibility", "--programme", "ikz-nrw"] + members + ["--json"], sqlite: sqlite, environment: environment)
            #expect(eligible.status == 0, "\(eligible.all.suffix(2000))")
            let verdict = try #require(Self.parsesAsJSON(eligible.stdout), "stdout ist kein reines JSON:\n\(eligible.stdout.prefix(2000))")
            #expect(verdict["programm"] as? String == "ikz-nrw")
            #expect((verdict["regeln"] as? [Any])?.isEmpty == false)
            #expect(eligible.stderr.contains("[ INFO ]"), "keine Logs auf stderr:\n\(eligible.stderr.prefix(2000))")
            #expect(!eligible.stdout.contains("[ INFO ]"))

            // Not eligible (a member outside NRW): exit 3, still only JSON, no extra line
            let mixed = try await Self.aufwind(
                ["check-eligibility", "--programme", "ikz-nrw", "--members", "05570004,03358016", "--json"], sqlite: sqlite, environment: environment)
            #expect(mixed.status == 3, "\(mixed.all.suffix(2000))")
            #expect(Self.parsesAsJSON(mixed.stdout)?["urteil"] != nil, "\(mixed.stdout.prefix(2000))")
            #expect(!mixed.all.contains("[ WARNING ]") && !mixed.all.contains("exit 3"), "\(mixed.stderr.suffix(1000))")

            // A bad programme id: non-zero, the German message once on stderr, nothing on stdout, no "[ WARNING ] exit 2"
            let bad = try await Self.aufwind(
                ["check-eligibility", "--programme", "gibt-es-nicht"] + members + ["--json"], sqlite: sqlite, environment: environment)
            #expect(bad.status == 2)
            #expect(bad.stdout.isEmpty, "\(bad.stdout)")
            #expect(bad.stderr.components(separatedBy: "Unbekanntes Programm „gibt-es-nicht“. Bekannt: ").count == 2, "\(bad.stderr.suffix(1000))")
            #expect(!bad.all.contains("[ WARNING ]") && !bad.all.contains("exit 2"), "\(bad.stderr.suffix(1000))")

            // Missing options: the same, exit 2
            let missing = try await Self.aufwind(["check-eligibility", "--json"], sqlite: sqlite, environment: environment)
            #expect(missing.status == 2 && missing.stdout.isEmpty && missing.stderr.contains("Bitte --programme und --members angeben"))
            #expect(!missing.all.contains("[ WARNING ]"))
        }
    }

    @Test(
        "schedule: the generated instance and the plan are pure JSON on stdout, how long it took is German on stderr; a bad file is one German message"
    )
    func schedule() async throws {
        try await Self.withSQLite { sqlite in
            let generated = try await Self.aufwind(["schedule", "--generate", "--seed", "3"], sqlite: sqlite)
            #expect(generated.status == 0, "\(generated.all.suffix(2000))")
            #expect(Self.parsesAsJSON(generated.stdout)?["sessions"] != nil, "\(generated.stdout.prefix(500))")
            let instance = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-instance-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: instance) }
            try generated.stdout.write(to: instance, atomically: true, encoding: .utf8)

            let planned = try await Self.aufwind(["schedule", "--input", instance.path, "--iterations", "20000"], sqlite: sqlite)
            #expect(planned.status == 0, "\(planned.all.suffix(2000))")
            let plan = try #require(Self.parsesAsJSON(planned.stdout), "stdout ist kein reines JSON:\n\(planned.stdout.prefix(2000))")
            #expect(plan["score"] != nil && plan["assignments"] != nil)
            let line = try #require(planned.stderr.split(separator: "\n").first { $0.hasPrefix("Geplant in ") }, "\(planned.stderr)")
            #expect(line.contains(Self.germanDuration) && line.contains("20.000 Suchschritte") && !line.contains("seconds"), "\(line)")

            let broken = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-broken-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: broken) }
            try #"{"rooms": []}"#.write(to: broken, atomically: true, encoding: .utf8)
            let refused = try await Self.aufwind(["schedule", "--input", broken.path], sqlite: sqlite)
            #expect(refused.status == 2 && refused.stdout.isEmpty, "\(refused.all)")
            #expect(refused.stderr.contains("kein gültiges Instanz-JSON"), "\(refused.stderr)")
            #expect(!refused.all.contains("[ WARNING ]") && !refused.all.contains("exit 2"), "\(refused.all)")
        }
    }
}
