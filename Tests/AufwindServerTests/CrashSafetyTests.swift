import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import AufwindServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Kills the server with SIGKILL in the middle of concurrent API writes, restarts it, and checks
/// that every acknowledged write is there and nothing is half-written.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let towns = ["05515000", "05570004", "05570036", "05570052", "03358016", "05515", "05570", "03358"]

    struct Profile: Decodable {
        var beschreibung: String
        var version: Int
    }

    static func put(_ base: String, key: String, token: String, version: Int) async throws -> Int? {
        var request = URLRequest(url: URL(string: "\(base)/api/v1/kommunen/\(key)/profil")!)
        request.httpMethod = "PUT"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"beschreibung":"schreiben-\#(version)","version":\#(version)}"#.utf8)
        request.timeoutInterval = 5
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
        return try JSONDecoder().decode(Profile.self, from: data).version
    }

    @Test("acknowledged writes survive SIGKILL; nothing is half-written", arguments: TestDatabase.available)
    func killDuringWrites(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let verwalter = try await AccountFixture.user("verwalter@region.de", on: app)
            for key in Self.towns { try await MembershipModel.confirmed(verwalter, in: key, role: .verwalter, on: app) }
            let token = "aw_" + SecureToken.make()
            try await APITokenModel(userID: verwalter.requireID(), name: "crash", tokenHash: SecureToken.hash(token), expiresAt: nil).create(
                on: app.db)
            let config = app.aufwindConfig
            var environment = ["AUFWIND_DATA_DIR": "/nonexistent-aufwind-data"]
            if let url = config.databaseURL, let schema = config.postgresSchema {
                environment["DATABASE_URL"] = url
                environment["AUFWIND_POSTGRES_SCHEMA"] = schema
            } else {
                environment["AUFWIND_SQLITE_PATH"] = config.sqlitePath
            }

            // setup: a server under concurrent writes
            let server = try await ServerProcess.startHealthy(environment: environment)
            let acknowledged = NIOLockedValueBox([String: Int]())
            let base = server.baseURL
            // MUT: kill it while the writers are busy
            await withTaskGroup(of: Void.self) { group in
                for key in Self.towns {
                    group.addTask {
                        var version = 0
                        while let confirmed = try? await Self.put(base, key: key, token: token, version: version) {
                            acknowledged.withLockedValue { $0[key] = confirmed }
                            version = confirmed
                        }
                    }
                }
                group.addTask {
                    // Kill in the middle of the writing: after enough acknowledged writes (the
                    // machine may be busy, so count writes rather than time), at the latest after 30 s.
                    let deadline = ContinuousClock.now + .seconds(30)
                    while acknowledged.withLockedValue({ $0.values.reduce(0, +) }) < 40, ContinuousClock.now < deadline {
                        try? await Task.sleep(for: .milliseconds(20))
                    }
                    server.kill()
                }
            }
            let acked = acknowledged.withLockedValue { $0 }
            print("Crash-Test (\(database.rawValue)): \(acked.values.reduce(0, +)) bestätigte Schreibvorgänge vor SIGKILL")
            #expect(acked.values.reduce(0, +) >= 40, "the writers should have written before the kill")

            // validation: after a restart every acknowledged version is there, consistent with its content
            let restarted = try await ServerProcess.startHealthy(environment: environment)
            defer { restarted.stop() }
            for key in Self.towns {
                let (data, _) = try await URLSession.shared.data(from: URL(string: "\(restarted.baseURL)/api/v1/kommunen/\(key)/profil")!)
                let profile = try JSONDecoder().decode(Profile.self, from: data)
                #expect(profile.version >= (acked[key] ?? 0), "\(key): acknowledged \(acked[key] ?? 0), stored \(profile.version)")
                #expect(profile.version == 0 || profile.beschreibung == "schreiben-\(profile.version - 1)", "\(key): half-written \(profile)")
            }
        }
    }
}
