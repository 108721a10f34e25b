import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

@Suite("Register API")
struct RegisterAPITests {
    @Test("search, filters and pagination with the total count", arguments: TestDatabase.available)
    func listing(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            try await app.testing().test(.GET, "/api/v1/gemeinden?q=muenster") { response async throws in
                #expect(response.status == .ok)
                let list = try response.content.decode(GemeindeListDTO.self)
                #expect(list.items.first?.ags == "05515000")
                #expect(list.items.first?.einwohner == 308_258)
            }
            try await app.testing().test(.GET, "/api/v1/gemeinden?kreis=05570&sort=-einwohner&per_page=2&page=2") { response async throws in
                let list = try response.content.decode(GemeindeListDTO.self)
                #expect(list.total == 3 && list.pageCount == 2 && list.page == 2)
                #expect(list.items.map(\.ags) == ["05570036"])
            }
            try await app.testing().test(.GET, "/api/v1/gemeinden?von=05570004&sort=entfernung&per_page=2") { response async throws in
                let list = try response.content.decode(GemeindeListDTO.self)
                #expect(list.items.first?.ags == "05570004")
                #expect(list.items.first?.entfernungKm == 0)
            }
            try await app.testing().test(.GET, "/api/v1/gemeinden?groesse=mittelstadt") { response async throws in
                let list = try response.content.decode(GemeindeListDTO.self)
                #expect(Set(list.items.map(\.ags)) == ["05570004", "05570036", "05570052"])
            }
        }
    }

    @Test("malformed parameters are 400 and unknown AGS 404, as German problem details", arguments: TestDatabase.available)
    func problems(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let cases: [(String, HTTPStatus)] = [
                ("/api/v1/gemeinden?land=NRW", .badRequest),
                ("/api/v1/gemeinden?per_page=500", .badRequest),
                ("/api/v1/gemeinden?page=0", .badRequest),
                ("/api/v1/gemeinden?sort=zufall", .badRequest),
                ("/api/v1/gemeinden?von=99999999", .notFound),
                ("/api/v1/gemeinden?land=", .badRequest),
                ("/api/v1/gemeinden?von=%C2%A0", .badRequest),
                ("/api/v1/gemeinden?kreis=%20%20", .badRequest),
                ("/api/v1/gemeinden/0551500", .badRequest),
                ("/api/v1/gemeinden/99999999", .notFound),
                ("/api/v1/kreise/ABCDE", .badRequest),
                ("/api/v1/kreise/09999", .notFound),
                ("/api/v1/gibtsnicht", .notFound),
            ]
            for (path, status) in cases {
                try await app.testing().test(.GET, path) { response async throws in
                    #expect(response.status == status, "\(path)")
                    #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true, "\(path)")
                    let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(response.body.readableBytesView))
                    #expect(problem.status == Int(status.code))
                    #expect(!problem.detail.isEmpty && problem.instance != nil)
                }
            }
        }
    }

    @Test("Kreise with their Gemeinden, Länder with totals", arguments: TestDatabase.available)
    func kreiseUndLaender(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            try await app.testing().test(.GET, "/api/v1/kreise") { response async throws in
                #expect(try response.content.decode([KreisDTO].self).map(\.ags5) == ["03358", "05515", "05570"])
            }
            try await app.testing().test(.GET, "/api/v1/kreise/05570") { response async throws in
                let detail = try response.content.decode(KreisDetailDTO.self)
                #expect(detail.kreis.gemeinden == 3)
                #expect(detail.kreis.einwohner == 52_666 + 29_400 + 37_800)
                #expect(detail.gemeindeListe.count == 3)
            }
            try await app.testing().test(.GET, "/api/v1/laender") { response async throws in
                let laender = try response.content.decode([LandDTO].self)
                #expect(laender.map(\.name) == ["Niedersachsen", "Nordrhein-Westfalen"])
                #expect(laender.last?.gemeinden == 4 && laender.last?.kreise == 2)
            }
        }
    }

    @Test("the OpenAPI document describes exactly the API routes")
    func openAPIMatchesRoutes() async throws {
        try await withAufwind(.sqlite) { app in
            try await app.testing().test(.GET, "/api/v1/openapi.json") { response async throws in
                #expect(response.status == .ok)
                let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
                let served = Set(
                    app.routes.all.compactMap { route -> String? in
                        let path =
                            "/"
                            + route.path.map { component in
                                if case .parameter(let name) = component { return "{\(name)}" }
                                return component.description
                            }.joined(separator: "/")
                        return path.hasPrefix("/api/v1") ? "\(route.method.rawValue) \(path)" : nil
                    })
                #expect(documented == served)
                try await OpenAPIValidator.validate(Data(response.body.readableBytesView))
            }
        }
    }
}

/// Validates an OpenAPI document with the maintained Python validator (openapi-spec-validator),
/// which `.ci/run` installs; without it locally the check is skipped with a message.
enum OpenAPIValidator {
    static func validate(_ document: Data) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-openapi-\(UUID().uuidString).json")
        try document.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys
            try:
                from openapi_spec_validator import validate
            except ImportError:
                print("openapi-spec-validator fehlt: Prüfung übersprungen"); sys.exit(3)
            validate(json.load(open(sys.argv[1])))
            """
        let (status, text) = try await runTool(["python3", "-c", script, file.path])
        if status == 3 {
            print(text)
            return
        }
        #expect(status == 0, "OpenAPI-Dokument ungültig: \(text)")
    }
}
