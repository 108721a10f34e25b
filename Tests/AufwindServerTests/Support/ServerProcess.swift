import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real `aufwind` binary in a child process, for tests that need a whole server:
/// browser journeys, API fuzzing, crash safety.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let logURL: URL

    static var binary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/aufwind")
    }

    static var projectRoot: URL { binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    init(environment: [String: String], port: Int = Int.random(in: 20_000...40_000)) throws {
        self.port = port
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-server-\(port).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.executableURL = Self.binary
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port)]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        for (key, value) in environment { env[key] = value }
        env["LOG_LEVEL"] = "warning"
        process.environment = env
        let log = try FileHandle(forWritingTo: logURL)
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts a server and waits until it is healthy; tries another port if one is taken.
    static func startHealthy(environment: [String: String], attempts: Int = 3) async throws -> ServerProcess {
        var lastError: (any Error)?
        for _ in 0..<attempts {
            let server = try ServerProcess(environment: environment)
            do {
                try await server.waitUntilHealthy()
                return server
            } catch {
                server.stop()
                lastError = error
            }
        }
        throw lastError!
    }

    /// Waits until `/healthz` answers 200.
    func waitUntilHealthy(timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if process.isRunning == false { break }
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: baseURL + "/healthz")!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ServerProcessError(log: (try? String(contentsOf: logURL, encoding: .utf8)) ?? "")
    }

    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    struct ServerProcessError: Error, CustomStringConvertible {
        var log: String
        var description: String { "Server wurde nicht bereit. Log:\n\(log.suffix(3000))" }
    }
}

/// Runs a helper program and returns its exit code and output.
func runTool(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.currentDirectoryURL = ServerProcess.projectRoot
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-tool-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    try await process.runToExit()
    let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(at: output)
    return (process.terminationStatus, text)
}
