import AufwindServer
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var environment = try Environment.detect()
        // Logs go to standard error (level from --log or LOG_LEVEL, as Vapor reads them):
        // standard output carries only a command's result, e.g. the JSON of `--json`.
        LoggingSystem.bootstrap(console: StandardErrorConsole(), level: try Logger.Level.detect(from: &environment))
        let app = try await Application.make(environment)
        let command = environment.arguments.dropFirst().first
        let serving = command == nil || command == "serve"
        do {
            try configure(app, config: AppConfig.fromEnvironment())
            if serving {
                try await app.prepareForServing()
            }
            // Not `app.execute()`: it logs every error once more as a warning ("[ WARNING ] exit 3").
            try await app.startup()
            try await app.running?.onStop.get()
        } catch let exit as ExitCode {
            // The command has said what went wrong.
            try? await app.asyncShutdown()
            Foundation.exit(exit.code)
        } catch {
            // A clear message and exit code 1, not a crash report for a port in use or a bad URL.
            let what = serving ? "Aufwind kann nicht starten" : "„aufwind \(command ?? "")“ ist fehlgeschlagen"
            app.logger.critical("\(what): \(String(describing: error))")
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
