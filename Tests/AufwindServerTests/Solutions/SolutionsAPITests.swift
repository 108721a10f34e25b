import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("/api/v1/loesungen: solutions with their confirmed users, nearest first")
struct SolutionsAPITests {
    struct Listing: Decodable {
        struct Solution: Decodable {
            struct User: Decodable {
                var ags: String
                var status: String
                var entfernungKm: Double?
            }
            var id: UUID
            var name: String
            var entfernungKm: Double?
            var imEinsatz: Int
            var nutzerAnzahl: Int
            var nutzer: [User]
            var publiccodeYml: String
        }
        var loesungen: [Solution]
        var total: Int
    }

    @Test("confirmed users only, ordered by the nearest with nahe; bad parameters answer 400", arguments: TestDatabase.available)
    func nearest(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await SolutionFlowTests.provider(app)
            let near = try await SolutionFlowTests.publish(provider, as: "anbieter:\(organisation)", SolutionFlowTests.fields("Nahe Lösung"))
            let far = try await SolutionFlowTests.publish(provider, as: "anbieter:\(organisation)", SolutionFlowTests.fields("Ferne Lösung"))
            let (_, oelde) = try await ItemFixture.member("olga@oelde.de", of: [SolutionFlowTests.oelde], app: app)
            let (_, warendorf) = try await ItemFixture.member("wolf@warendorf.de", of: [SolutionFlowTests.warendorf], app: app)
            try await oelde.get(near)
            #expect(try await oelde.post(near + "/nutzung", ["kommune": SolutionFlowTests.oelde, "stand": "im-einsatz"]).status == .seeOther)
            try await warendorf.get(far)
            #expect(try await warendorf.post(far + "/nutzung", ["kommune": SolutionFlowTests.warendorf, "stand": "im-einsatz"]).status == .seeOther)
            // A proposal that nobody confirmed stays out.
            try await provider.get(far)
            #expect(try await provider.post(far + "/referenzen", ["kommune": SolutionFlowTests.ahlen, "stand": "im-einsatz"]).status == .seeOther)

            let browser = Browser(app)
            let fromOelde = try JSONDecoder.iso.decode(
                Listing.self, from: Data(try await browser.get("/api/v1/loesungen?nahe=\(SolutionFlowTests.oelde)").body.utf8))
            #expect(fromOelde.total == 2)
            #expect(fromOelde.loesungen.map(\.name) == ["Nahe Lösung", "Ferne Lösung"])
            #expect(fromOelde.loesungen[0].entfernungKm == 0)
            #expect((fromOelde.loesungen[1].entfernungKm ?? 0) > 10)
            #expect(fromOelde.loesungen[1].nutzer.map(\.ags) == [SolutionFlowTests.warendorf])
            #expect(fromOelde.loesungen[0].publiccodeYml.hasSuffix(near + "/publiccode.yml"))
            let fromWarendorf = try JSONDecoder.iso.decode(
                Listing.self, from: Data(try await browser.get("/api/v1/loesungen?nahe=\(SolutionFlowTests.warendorf)").body.utf8))
            #expect(fromWarendorf.loesungen.map(\.name) == ["Ferne Lösung", "Nahe Lösung"])
            let one = try await browser.get("/api/v1/loesungen/\(near.split(separator: "/").last!)")
            #expect(one.status == .ok && one.body.contains("\"imEinsatz\":1") && !one.body.contains("entfernungKm"))
            #expect(try await browser.get("/api/v1/loesungen?nahe=99999999").status == .notFound)
            for bad in ["nahe=", "handlungsfeld=unbekannt", "per_page=0", "page=x"] {
                #expect(try await browser.get("/api/v1/loesungen?\(bad)").status == .badRequest, "\(bad)")
            }
            #expect(try await browser.get("/api/v1/loesungen/\(UUID())").status == .notFound)
        }
    }

    @Test(
        "a list shows at most 20 users per solution, nearest first, with the count of all; the solution's own page has them all",
        arguments: TestDatabase.available)
    func manyUsers(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await SolutionFlowTests.provider(app)
            let path = try await SolutionFlowTests.publish(provider, as: "anbieter:\(organisation)", SolutionFlowTests.fields("Viel genutzt"))
            let id = try #require(UUID(uuidString: String(path.split(separator: "/").last ?? "")))
            let (_, oelde) = try await ItemFixture.member("olga@oelde.de", of: [SolutionFlowTests.oelde], app: app)
            try await oelde.get(path)
            #expect(try await oelde.post(path + "/nutzung", ["kommune": SolutionFlowTests.oelde, "stand": "im-einsatz"]).status == .seeOther)
            // 29 more towns (outside the small register: no place, so after every town with a distance).
            for index in 1...29 {
                let reference = SolutionReferenceModel(
                    solutionID: id, townKey: String(format: "0999%04d", index), status: .imEinsatz, since: "2025", state: .bestaetigt, proposedBy: nil
                )
                reference.confirmedAt = app.now
                try await reference.create(on: app.db)
            }
            app.solutionUsers.invalidate()

            let browser = Browser(app)
            let list = try JSONDecoder.iso.decode(
                Listing.self, from: Data(try await browser.get("/api/v1/loesungen?nahe=\(SolutionFlowTests.ahlen)").body.utf8))
            let listed = try #require(list.loesungen.first)
            #expect(listed.nutzerAnzahl == 30 && listed.imEinsatz == 30 && listed.nutzer.count == SolutionDTO.usersInList)
            #expect(listed.nutzer.first?.ags == SolutionFlowTests.oelde && listed.nutzer.first?.entfernungKm != nil)
            let one = try JSONDecoder.iso.decode(Listing.Solution.self, from: Data(try await browser.get("/api/v1/loesungen/\(id)").body.utf8))
            #expect(one.nutzerAnzahl == 30 && one.nutzer.count == 30)
        }
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
