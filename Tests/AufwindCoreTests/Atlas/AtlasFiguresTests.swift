import Foundation
import Testing

@testable import AufwindCore

@Suite("Atlas figures: per Gemeinde and Kreis, equal to a count by hand")
struct AtlasFiguresTests {
    static let catalog = ReferenceData.catalog

    /// Random facts over the Gemeinden and Kreise of NRW and Niedersachsen, some unknown keys among them.
    static func generatedFacts(seed: UInt64) -> AtlasFacts {
        var random = SplitMix64(seed: seed)
        let towns = catalog.gemeinden.filter { $0.landCode == "05" || $0.landCode == "03" }.map(\.ags)
        let kreise = catalog.units(of: .kreis).filter { $0.key.hasPrefix("05") || $0.key.hasPrefix("03") }.map(\.key)
        let keys = towns + kreise + ["99999999", "05999"]
        func someFields() -> Set<Handlungsfeld> {
            Set((0..<Int.random(in: 0...2, using: &random)).map { _ in Handlungsfeld.allCases.randomElement(using: &random)! })
        }
        func someKey() -> String { keys.randomElement(using: &random)! }
        let items = (0..<3_000).map { _ in
            AtlasFacts.ItemGroup(ownerKey: someKey(), fields: someFields(), count: Int.random(in: 1...3, using: &random))
        }
        let cooperations = (0..<2_000).map { _ in AtlasFacts.Cooperation(ownerKey: someKey(), partnerKey: someKey(), fields: someFields()) }
        let verbuende = (0..<400).map { _ in
            AtlasFacts.Verbund(memberKeys: (0..<Int.random(in: 2...6, using: &random)).map { _ in someKey() }, fields: someFields())
        }
        let members = Set((0..<800).map { _ in towns.randomElement(using: &random)! })
        return AtlasFacts(memberTowns: members, items: items, cooperations: cooperations, verbuende: verbuende)
    }

    @Test("every Kreis's figures, in all fields and in each, equal a count by hand", arguments: [nil] + Handlungsfeld.allCases.prefix(3).map { $0 })
    func bruteForce(field: Handlungsfeld?) {
        let facts = Self.generatedFacts(seed: 17)
        let figures = AtlasFigures(catalog: Self.catalog, facts: facts, field: field)
        func counts(_ fields: Set<Handlungsfeld>) -> Bool { field == nil || fields.contains(field!) }
        let items = facts.items.filter { counts($0.fields) }
        let cooperations = facts.cooperations.filter { counts($0.fields) }
        let verbuende = facts.verbuende.filter { counts($0.fields) }
        for kreis in Self.catalog.units(of: .kreis) where kreis.key.hasPrefix("05") || kreis.key.hasPrefix("03") || kreis.key == "09162" {
            let key = kreis.key
            let gemeinden = Self.catalog.gemeinden.filter { $0.kreisKey == key }
            func isActive(_ ags: String) -> Bool {
                (field == nil && facts.memberTowns.contains(ags)) || items.contains { $0.ownerKey == ags }
            }
            func isIsolated(_ ags: String) -> Bool {
                !items.contains { $0.ownerKey == ags } && !cooperations.contains { $0.ownerKey == ags || $0.partnerKey == ags }
                    && !verbuende.contains { $0.memberKeys.contains(ags) }
            }
            var expected = KreisActivity(key: key)
            expected.population = gemeinden.reduce(0) { $0 + $1.population }
            expected.gemeinden = gemeinden.count
            expected.activeGemeinden = gemeinden.count { isActive($0.ags) }
            expected.isolatedGemeinden = gemeinden.count { isIsolated($0.ags) }
            expected.items = items.filter { $0.ownerKey.hasPrefix(key) }.reduce(0) { $0 + $1.count }
            expected.cooperations = cooperations.count { $0.ownerKey.hasPrefix(key) || $0.partnerKey.hasPrefix(key) }
            expected.verbuende = verbuende.count { $0.memberKeys.contains { $0.hasPrefix(key) } }
            #expect(figures.kreise[key] == expected, "\(key)")
        }
        // A Gemeinde: its own counts.
        for gemeinde in Self.catalog.gemeinden.filter({ $0.kreisKey == "05570" }) {
            let ags = gemeinde.ags
            let activity = figures.gemeinde(ags: ags)!
            #expect(activity.items == items.filter { $0.ownerKey == ags }.reduce(0) { $0 + $1.count })
            #expect(activity.cooperations == cooperations.count { $0.ownerKey == ags || $0.partnerKey == ags })
            #expect(activity.verbuende == verbuende.count { $0.memberKeys.contains(ags) })
        }
        #expect(figures.germany.cooperations == cooperations.count && figures.germany.verbuende == verbuende.count)
        #expect(figures.germany.gemeinden == Self.catalog.gemeinden.count)
        // Lines: each cooperation between towns of two known Kreise on one line, nah or fern by the towns' distance.
        var expectedLinks: [String: (near: Int, far: Int)] = [:]
        for cooperation in cooperations {
            let a = String(cooperation.ownerKey.prefix(5))
            let b = String(cooperation.partnerKey.prefix(5))
            guard a != b, figures.kreise[a] != nil, figures.kreise[b] != nil,
                let p = AtlasFigures.point(of: cooperation.ownerKey, Self.catalog),
                let q = AtlasFigures.point(of: cooperation.partnerKey, Self.catalog)
            else { continue }
            let key = min(a, b) + max(a, b)
            if p.distanceKm(to: q) <= 25 { expectedLinks[key, default: (0, 0)].near += 1 } else { expectedLinks[key, default: (0, 0)].far += 1 }
        }
        #expect(figures.links.count == expectedLinks.count)
        for link in figures.links {
            #expect(expectedLinks[link.from + link.to]?.near == link.near && expectedLinks[link.from + link.to]?.far == link.far)
        }
        #expect(zip(figures.links, figures.links.dropFirst()).allSatisfy { $0.total >= $1.total })
    }

    @Test("active: a member or an item; in a Handlungsfeld only an item in it; isolated: nothing at all")
    func activeAndIsolated() {
        let facts = AtlasFacts(
            memberTowns: ["05570004"],
            items: [.init(ownerKey: "05570008", fields: [.mobilitaet], count: 1)],
            cooperations: [.init(ownerKey: "05570012", partnerKey: "05515000", fields: [.wohnen])])
        let all = AtlasFigures(catalog: Self.catalog, facts: facts)
        #expect(all.gemeinde(ags: "05570004")?.isActive == true && all.gemeinde(ags: "05570004")?.isIsolated == true)
        #expect(all.gemeinde(ags: "05570008")?.isActive == true && all.gemeinde(ags: "05570008")?.isIsolated == false)
        #expect(all.gemeinde(ags: "05570012")?.isActive == false && all.gemeinde(ags: "05570012")?.isIsolated == false)
        let mobility = AtlasFigures(catalog: Self.catalog, facts: facts, field: .mobilitaet)
        #expect(mobility.gemeinde(ags: "05570004")?.isActive == false && mobility.gemeinde(ags: "05570008")?.isActive == true)
        #expect(mobility.gemeinde(ags: "05570012")?.isIsolated == true && mobility.links.isEmpty)
        // Ahlen (Warendorf) – Münster: about 30 km apart, a fern line between the two Kreise.
        #expect(all.links == [AtlasLink(from: "05515", to: "05570", near: 0, far: 1)])
        #expect(all.kreise["05570"]?.cooperations == 1 && all.kreise["05515"]?.cooperations == 1)
    }

    @Test("the indicators' classes: fixed limits, the figure as German text")
    func indicators() {
        var kreis = KreisActivity(key: "05570")
        kreis.gemeinden = 13
        kreis.activeGemeinden = 2
        kreis.population = 280_000
        kreis.cooperations = 7
        #expect(AtlasIndicator.aktiv.text(kreis) == "15 %" && AtlasIndicator.aktiv.classIndex(AtlasIndicator.aktiv.value(kreis)) == 2)
        #expect(AtlasIndicator.kooperationen.text(kreis) == "2,5" && AtlasIndicator.kooperationen.classIndex(2.5) == 2)
        #expect(
            AtlasIndicator.verbuende.classIndex(0) == 0 && AtlasIndicator.verbuende.classIndex(2) == 2 && AtlasIndicator.verbuende.classIndex(12) == 4
        )
        #expect(AtlasIndicator.allCases.allSatisfy { $0.classes.count == 5 })
        // Something is never shown as nothing, and not all never as all.
        var large = KreisActivity(key: "09162")
        large.gemeinden = 300
        large.activeGemeinden = 1
        large.isolatedGemeinden = 299
        large.population = 3_000_000
        large.cooperations = 1
        #expect(AtlasIndicator.aktiv.text(large) == "unter 1 %" && AtlasIndicator.aktiv.classIndex(of: large) == 1)
        #expect(AtlasIndicator.isoliert.text(large) == "über 99 %" && AtlasIndicator.isoliert.classIndex(of: large) == 3)
        #expect(AtlasIndicator.kooperationen.text(large) == "unter 0,1" && AtlasIndicator.kooperationen.classIndex(of: large) == 1)
        large.cooperations = 0
        #expect(AtlasIndicator.kooperationen.text(large) == "0,0" && AtlasIndicator.kooperationen.classIndex(of: large) == 0)
    }
}
