import AufwindServer
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var environment = try Environment.detect()
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try configure(app, config: AppConfig.fromEnvironment())
            let command = environment.arguments.dropFirst().first
            if command == nil || command == "serve" {
                try await app.prepareForServing()
            }
            try await app.execute()
        } catch let exit as ExitCode {
            try? await app.asyncShutdown()
            Foundation.exit(exit.code)
        } catch {
            // A clear message and exit code 1, not a crash report for a port in use or a bad URL.
            app.logger.critical("Aufwind kann nicht starten: \(String(describing: error))")
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
