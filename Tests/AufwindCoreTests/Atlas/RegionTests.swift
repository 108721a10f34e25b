import Foundation
import Testing

@testable import AufwindCore

@Suite("Regions: found by the names people use, the programmes an authority approves, partners for isolated towns")
struct RegionTests {
    static let resolver = RegionNameResolver(catalog: ReferenceData.catalog)

    static func key(_ outcome: RegionNameResolver.Outcome) -> String? {
        if case .unique(let unit) = outcome { return unit.key }
        return nil
    }

    @Test(
        "names as people say them find the one region",
        arguments: [
            ("Bezirksregierung Münster", "055"), ("Regierungsbezirk Münster", "055"), ("Reg.-Bez. Münster", "055"), ("Kreis Warendorf", "05570"),
            ("kreis warendorf", "05570"), ("Warendorf", "05570"), ("Nordrhein-Westfalen", "05"), ("Land Nordrhein-Westfalen", "05"),
            ("Freistaat Bayern", "09"), ("Regierung von Oberbayern", "091"), ("Stadt Münster", "05515"), ("Münster, Stadt", "05515"),
            ("Stadt München", "09162"), ("München, Landeshauptstadt", "09162"), ("Landkreis München", "09184"), ("Stadt Kassel", "06611"),
            ("Landkreis Kassel", "06633"),
            ("Landkreis Heidekreis", "03358"), ("055", "055"), ("05570", "05570"), ("  09  ", "09"),
        ])
    func unique(typed: String, key: String) {
        #expect(Self.key(Self.resolver.resolve(typed)) == key, "\(typed)")
    }

    @Test("a name several regions bear is a question; an unknown one gets suggestions that begin like it")
    func choicesAndSuggestions() {
        guard case .choices(let units) = Self.resolver.resolve("Münster") else {
            Issue.record("Münster: no choice")
            return
        }
        #expect(units.map(\.key) == ["055", "05515"])
        #expect(units.map(RegionNameResolver.spokenName) == ["Bezirksregierung Münster", "Stadt Münster"])
        guard case .choices(let munich) = Self.resolver.resolve("München") else {
            Issue.record("München: no choice")
            return
        }
        #expect(munich.map(\.key) == ["09162", "09184"], "the city and the Landkreis, never one of them by surprise")
        guard case .choices(let darmstadt) = Self.resolver.resolve("Darmstadt") else {
            Issue.record("Darmstadt: no choice")
            return
        }
        #expect(darmstadt.map(\.key) == ["064", "06411"])
        guard case .unknown(let suggestions) = Self.resolver.resolve("Oberbay") else {
            Issue.record("Oberbay: found")
            return
        }
        #expect(suggestions.map(\.key) == ["091"])
        #expect(Self.resolver.resolve("Atlantis") == .unknown(suggestions: []))
        #expect(Self.resolver.resolve("") == .unknown(suggestions: []))
        #expect(Self.resolver.spokenNames.contains("Bezirksregierung Detmold") && Self.resolver.spokenNames.contains("Kreis Warendorf"))
        // Former Bezirke (no authority) are left out; no name says its kind twice.
        let bezirke = ReferenceData.catalog.units(of: .regierungsbezirk).filter { !$0.name.hasPrefix("früher:") }
        #expect(Self.resolver.spokenNames.count == 16 + bezirke.count + 400)
        #expect(
            !Self.resolver.spokenNames.contains { $0.hasPrefix("Landkreis Landkreis") || $0.hasPrefix("Landkreis Region") || $0.contains("früher") })
        #expect(Self.resolver.resolve("Koblenz") == .unique(ReferenceData.catalog.unit(key: "07111")!))
    }

    @Test("IKZ NRW is approved by the Bezirksregierung of the lead town and by the Land, never by a Kreis or another Bezirk")
    func approvingAuthority() throws {
        let data = try Data(contentsOf: ReferenceData.directory.appendingPathComponent("foerderprogramme.json"))
        let programmes = try FundingProgramme.catalogue(data).get()
        let ikz = try #require(programmes.first { $0.id == "ikz-nrw" })
        let catalog = ReferenceData.catalog
        let muenster = try #require(catalog.unit(key: "055"))
        let detmold = try #require(catalog.unit(key: "057"))
        let nrw = try #require(catalog.unit(key: "05"))
        let warendorf = try #require(catalog.unit(key: "05570"))
        #expect(ApprovingAuthority.approves(ikz, region: muenster, leadKey: "05570004", landName: "Nordrhein-Westfalen"))
        #expect(!ApprovingAuthority.approves(ikz, region: detmold, leadKey: "05570004", landName: "Nordrhein-Westfalen"))
        #expect(ApprovingAuthority.approves(ikz, region: nrw, leadKey: "05570004", landName: "Nordrhein-Westfalen"))
        #expect(!ApprovingAuthority.approves(ikz, region: warendorf, leadKey: "05570004", landName: "Nordrhein-Westfalen"))
        let federal = try #require(programmes.first { $0.level == "bund" })
        #expect(!ApprovingAuthority.approves(federal, region: nrw, leadKey: "05570004", landName: "Nordrhein-Westfalen"))
    }

    @Test("an isolated town's partners to start with: the nearest towns with public items within 40 km, nearest first")
    func nearbyActiveTowns() throws {
        let catalog = ReferenceData.catalog
        let facts = AtlasFacts(
            items: [
                .init(ownerKey: "05570036", fields: [], count: 2), .init(ownerKey: "05515000", fields: [], count: 1),
                .init(ownerKey: "05570052", fields: [], count: 1), .init(ownerKey: "09162000", fields: [], count: 5),
            ])
        let nearby = NearbyActiveTowns(catalog: catalog, figures: AtlasFigures(catalog: catalog, facts: facts))
        let ahlen = try #require(catalog.gemeinde(ags: "05570004"))
        let found = nearby.suggestions(for: ahlen)
        #expect(
            found.map(\.gemeinde.ags)
                == ["05570052", "05570036", "05515000"].sorted { a, b in
                    ahlen.coordinate!.distanceKm(to: catalog.gemeinde(ags: a)!.coordinate!)
                        < ahlen.coordinate!.distanceKm(to: catalog.gemeinde(ags: b)!.coordinate!)
                })
        #expect(found.allSatisfy { $0.km <= 40 } && found.first { $0.gemeinde.ags == "05570036" }?.items == 2)
        #expect(nearby.suggestions(for: ahlen, limit: 1).count == 1)
        let oelde = try #require(catalog.gemeinde(ags: "05570036"))
        #expect(!nearby.suggestions(for: oelde).contains { $0.gemeinde.ags == "05570036" }, "never itself")
    }
}
