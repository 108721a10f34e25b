import AufwindCore
import Fluent
import Foundation
import Testing

@testable import AufwindServer

@Suite("Register import into the database")
struct RegisterImportTests {
    @Test("importing the same file twice changes nothing", arguments: TestDatabase.available)
    func idempotent(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            // setup
            let first = try await RegisterFixture.importInto(app)
            #expect(first.changes.insertedGemeinden.count == 5)
            // MUT
            let second = try await RegisterFixture.importInto(app)
            // validation
            #expect(second.changes.isEmpty)
            #expect(try await RegisterImportModel.query(on: app.db).count() == 1)
            #expect(try await GemeindeModel.query(on: app.db).count() == 5)
            #expect(app.registerStore.catalog.gemeinde(ags: "05515000")?.population == 308_258)
        }
    }

    @Test("a newer file updates names and figures", arguments: TestDatabase.available)
    func newerFileUpdates(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            var ahlen = RegisterFixture.ahlen
            ahlen.population = 53_000
            ahlen.name = "Ahlen, Stadt (Westf.)"
            let newer = RegisterFixture.file(
                gebietsstand: "20261130",
                gemeinden: [RegisterFixture.muenster, ahlen, RegisterFixture.oelde, RegisterFixture.warendorfStadt, RegisterFixture.munster])
            let summary = try await RegisterFixture.importInto(app, text: newer)
            #expect(summary.changes.updatedGemeinden.map(\.ags) == ["05570004"])
            let stored = try #require(try await GemeindeModel.find("05570004", on: app.db))
            #expect(stored.population == 53_000 && stored.name == "Ahlen, Stadt (Westf.)")
            #expect(app.registerStore.catalog.gebietsstand == "2026-11-30")
        }
    }

    @Test("a merger keeps the old AGS as historical, linked to its successor", arguments: TestDatabase.available)
    func merger(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            // setup: Oelde goes into Ahlen
            try await RegisterFixture.importInto(app)
            var ahlen = RegisterFixture.ahlen
            ahlen.areaHectares += RegisterFixture.oelde.areaHectares
            ahlen.population += RegisterFixture.oelde.population
            let merged = RegisterFixture.file(
                gebietsstand: "20261130",
                gemeinden: [RegisterFixture.muenster, ahlen, RegisterFixture.warendorfStadt, RegisterFixture.munster])
            // MUT
            let summary = try await RegisterFixture.importInto(app, text: merged)
            // validation
            #expect(summary.changes.vanishedGemeinden["05570036"] == HistoricalRecord(since: "2026-11-30", successor: "05570004"))
            let oelde = try #require(try await GemeindeModel.find("05570036", on: app.db))
            #expect(oelde.historicalSince == "2026-11-30" && oelde.successorAGS == "05570004")
            #expect(oelde.population == RegisterFixture.oelde.population)
            let catalog = app.registerStore.catalog
            #expect(catalog.gemeinden.count == 4)
            #expect(catalog.gemeinde(ags: "05570036") != nil)
            #expect(try catalog.query(GemeindeQuery(text: "Oelde")).items.isEmpty)
            try await app.testing().test(.GET, "/api/v1/gemeinden/05570036") { response async throws in
                #expect(response.status == .ok)
                let dto = try response.content.decode(GemeindeDTOProbe.self)
                #expect(dto.historisch?.nachfolger == "05570004")
            }
            try await app.testing().test(.GET, "/gemeinden/05570036") { response async throws in
                #expect(response.body.string.contains("Historischer Eintrag"))
                #expect(response.body.string.contains("/gemeinden/05570004"))
            }
            // the same newer file again changes nothing more
            #expect(try await RegisterFixture.importInto(app, text: merged).changes.isEmpty)
        }
    }

    @Test("a malformed record aborts the import and leaves the database as it was", arguments: TestDatabase.available)
    func allOrNothing(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            var ahlen = RegisterFixture.ahlen
            ahlen.population = 60_000
            var lines = RegisterFixture.file(gebietsstand: "20261130", gemeinden: [ahlen, RegisterFixture.muenster])
                .split(separator: "\n").map(String.init)
            lines.append("60" + String(repeating: "x", count: 218))
            await #expect {
                try await RegisterFixture.importInto(app, text: lines.joined(separator: "\n"))
            } throws: { error in
                let e = error as? RegisterFileError
                return e?.line == lines.count && e?.field == "Gebietsstand (Stellen 3–10)"
            }
            let stored = try #require(try await GemeindeModel.find("05570004", on: app.db))
            #expect(stored.population == 52_666)
            #expect(try await GemeindeModel.query(on: app.db).filter(\.$historicalSince != nil).count() == 0)
            #expect(try await RegisterImportModel.query(on: app.db).count() == 1)
        }
    }

    @Test("the full official register: 10,751 Gemeinden, 400 Kreise, Münster 308,258, NRW 396", arguments: TestDatabase.available)
    func fullRegister(database: TestDatabase) async throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data").path
        let locator = ReferenceDataLocator(candidates: [ProcessInfo.processInfo.environment["AUFWIND_DATA_DIR"] ?? data])
        let files = try #require(locator.locate(), "reference data in ../shared/data")
        try await withAufwind(database, dataDirectory: data) { app in
            try await app.prepareForServing()
            let catalog = app.registerStore.catalog
            #expect(catalog.gemeinden.count == 10_751)
            #expect(catalog.units(of: .kreis).count == 400)
            #expect(catalog.totals(of: "05").gemeinden == 396)
            #expect(catalog.gemeinde(ags: "05515000")?.population == 308_258)
            let again = try await RegisterImporter(database: app.db, logger: app.logger).importFiles(files)
            #expect(again.changes.isEmpty)
            try await app.testing().test(.GET, "/api/v1/gemeinden?land=05&per_page=1") { response async throws in
                #expect(try response.content.decode(GemeindeListDTO.self).total == 396)
            }
        }
    }
}

/// Decodes just what a test checks of a Gemeinde in the API.
struct GemeindeDTOProbe: Decodable {
    struct Historisch: Decodable {
        var seit: String
        var nachfolger: String?
    }
    var ags: String
    var einwohner: Int
    var historisch: Historisch?
}
