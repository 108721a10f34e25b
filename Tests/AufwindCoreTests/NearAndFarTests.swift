import Foundation
import Testing

@testable import AufwindCore

@Suite("Partner matching: near and far as the item asks, topic before form, words as written")
struct NearAndFarTests {
    static let ahlen = MatchEngineTests.ahlen
    static let beckum = MatchEngineTests.beckum
    static let wittstock = MatchEngineTests.wittstock
    /// 28.6 km from Ahlen: beyond the Nachbarschaft, within the Region.
    static let muenster = TownFacts(
        key: "05515000", name: "Münster", population: 308_258, kreisKey: "05515", kreisName: "Stadt Münster",
        coordinate: GeoPoint(latitude: 51.961908, longitude: 7.626804), recentItems: 1)
    /// 22.3 km from Ahlen.
    static let warendorf = TownFacts(
        key: "05570052", name: "Warendorf", population: 37_800, kreisKey: "05570", kreisName: "Kreis Warendorf",
        coordinate: GeoPoint(latitude: 51.9539, longitude: 7.9933), recentItems: 0)
    /// 201.8 km from Ahlen.
    static let munster = TownFacts(
        key: "03358016", name: "Munster", population: 15_300, kreisKey: "03358", kreisName: "Heidekreis",
        coordinate: GeoPoint(latitude: 52.9869, longitude: 10.0874), recentItems: 2)
    static let towns = Dictionary(uniqueKeysWithValues: [ahlen, beckum, wittstock, muenster, warendorf, munster].map { ($0.key, $0) })

    static let itSicherheit = "digitale-verwaltung/it-sicherheit"
    static let eAkte = "digitale-verwaltung/e-akte"

    static func item(
        _ id: String, _ kind: ItemKind, _ owner: TownFacts, _ title: String, _ text: String = "", _ fields: Set<Handlungsfeld>,
        _ themes: Set<String> = [], reach: Reach = .bundesweit
    ) -> CooperationItem {
        CooperationItem(
            id: id, kind: kind, ownerKey: owner.key, title: title, description: text, handlungsfelder: fields, reach: reach, unterthemen: themes)
    }

    /// A town in Ahlen looking for a shared IT-security officer, and what other towns published.
    static func itSecurityWorld(reach: Reach) -> (query: CooperationItem, engine: MatchEngine) {
        let query = item(
            "q", .personalBedarf, ahlen, "Informationssicherheitsbeauftragte gemeinsam bestellen",
            "Wir möchten eine Informationssicherheitsbeauftragte mit Nachbarkommunen teilen.", [.digitaleVerwaltung], [itSicherheit],
            reach: reach)
        let items = [
            query,
            // near (10 km), on the same sub-theme
            item(
                "beckum-isb", .personalAngebot, beckum, "IT-Sicherheit im Verbund", "Unser Informationssicherheitsbeauftragter hat Zeit.",
                [.digitaleVerwaltung], [itSicherheit]),
            // near (22 km), same field, another sub-theme
            item("warendorf-akte", .vorhaben, warendorf, "E-Akte einführen", "", [.digitaleVerwaltung], [eAkte]),
            // 29 km: out of the Nachbarschaft, within the Region, same sub-theme
            item("muenster-isb", .angebot, muenster, "Informationssicherheit teilen", "", [.digitaleVerwaltung], [itSicherheit]),
            // far, same sub-theme
            item("wittstock-isb", .vorhaben, wittstock, "Informationssicherheit im Amt", "", [.digitaleVerwaltung], [itSicherheit]),
            // far, same field but another sub-theme: not the same theme
            item("munster-akte", .angebot, munster, "E-Akte für Nachbarkommunen", "", [.digitaleVerwaltung], [eAkte]),
            // far, a staff offer on another topic sharing only a word
            item("munster-bad", .personalAngebot, munster, "Bademeister zu teilen", "Personal mit Nachbarkommunen teilen.", [.kulturTourismus]),
        ]
        return (query, MatchEngine(items: items, towns: towns))
    }

    @Test("Nachbarschaft: within 25 km in the first group; the farther group holds only partners on the same sub-theme")
    func nachbarschaft() {
        let (query, engine) = Self.itSecurityWorld(reach: .nachbarschaft)
        let matches = engine.matches(for: query)
        #expect(matches == engine.bruteForceMatches(for: query))
        #expect(matches.hasFartherGroup)
        #expect(matches.inReach.map(\.item.id) == ["beckum-isb", "warendorf-akte"])
        #expect(matches.inReach.allSatisfy { $0.inReach && $0.distanceKm! <= 25 })
        #expect(matches.farther.map(\.item.id) == ["muenster-isb", "wittstock-isb"])
        #expect(matches.farther.allSatisfy { !$0.inReach && $0.item.unterthemen.contains(Self.itSicherheit) && query.sharesTheme(with: $0.item) })
        // as one list: everything within reach first
        #expect(matches.map(\.item.id) == ["beckum-isb", "warendorf-akte", "muenster-isb", "wittstock-isb"])
        #expect(abs(matches.farther[0].distanceKm! - 28.6) < 0.1)
    }

    @Test("Region: within 75 km (or the same Kreis) in the first group")
    func region() {
        let (query, engine) = Self.itSecurityWorld(reach: .region)
        let matches = engine.matches(for: query)
        #expect(matches == engine.bruteForceMatches(for: query))
        #expect(matches.inReach.map(\.item.id) == ["beckum-isb", "muenster-isb", "warendorf-akte"])
        #expect(matches.farther.map(\.item.id) == ["wittstock-isb"])
        #expect(matches.inReach[1].explanation.parts.contains { $0.reason == "in der Region: 29 km entfernt, Stadt Münster" })
        #expect(matches.farther[0].explanation.parts.contains { $0.reason.hasPrefix("außerhalb der Region: 348 km entfernt") })
    }

    @Test("the reach as the core models it: Nachbarschaft 25 km, Region 75 km or the same Kreis, bundesweit everything")
    func reachLimits() {
        #expect(Reach.nachbarschaft.includes(distanceKm: 25, sameKreis: false))
        #expect(!Reach.nachbarschaft.includes(distanceKm: 25.1, sameKreis: true))
        #expect(Reach.region.includes(distanceKm: 75, sameKreis: false))
        #expect(!Reach.region.includes(distanceKm: 75.1, sameKreis: false))
        #expect(Reach.region.includes(distanceKm: 120, sameKreis: true))
        #expect(Reach.region.includes(distanceKm: nil, sameKreis: true))
        #expect(!Reach.nachbarschaft.includes(distanceKm: nil, sameKreis: true))
        #expect(Reach.bundesweit.includes(distanceKm: nil, sameKreis: false))
        // a Gemeinde of the Kreis 120 km away is still in the Region
        var farMember = Self.munster
        farMember.kreisKey = Self.ahlen.kreisKey
        #expect(Placement(reach: .region, queryTown: Self.ahlen, candidateTown: farMember).inReach)
        #expect(!Placement(reach: .nachbarschaft, queryTown: Self.ahlen, candidateTown: farMember).inReach)
    }

    @Test("bundesweit: one group, distance does not count")
    func bundesweit() {
        let (query, engine) = Self.itSecurityWorld(reach: .bundesweit)
        let matches = engine.matches(for: query)
        #expect(matches == engine.bruteForceMatches(for: query))
        #expect(!matches.hasFartherGroup && matches.farther.isEmpty)
        #expect(matches.allSatisfy { $0.inReach })
        #expect(Set(matches.map(\.item.id)).isSuperset(of: ["beckum-isb", "muenster-isb", "wittstock-isb", "munster-akte"]))
        let towns = engine.townMatches(for: query)
        #expect(!towns.hasFartherGroup && towns.farther.isEmpty && towns.count == 5)
    }

    @Test("topic before form: a staff offer on another topic ranks below an item on the same sub-theme")
    func topicBeforeForm() throws {
        let (query, engine) = Self.itSecurityWorld(reach: .bundesweit)
        let matches = engine.matches(for: query)
        let ids = matches.map(\.item.id)
        let staff = try #require(matches.first { $0.item.id == "munster-bad" })
        let sameTheme = try #require(matches.first { $0.item.id == "wittstock-isb" })
        // The staff offer answers the staff need in form, the Vorhaben far away only in topic.
        #expect(query.kind.complementarity(with: staff.item.kind) == 1 && query.kind.complementarity(with: sameTheme.item.kind) == 0)
        #expect(try #require(ids.firstIndex(of: "wittstock-isb")) < #require(ids.firstIndex(of: "munster-bad")))
        #expect(ids.last == "munster-bad")
        #expect(staff.explanation.tier == .begriffe && sameTheme.explanation.tier == .unterthema)
        // No longer 60–65 for form alone: shared words without a shared field stay below 30.
        #expect(staff.score < 0.3)
        #expect(sameTheme.score >= 0.36)
    }

    @Test("complementarity adds to a topical fit: the same item as an Angebot scores higher, without topic it adds little")
    func complementarityAdds() throws {
        let need = Self.item("n", .bedarf, Self.ahlen, "Wärmeplanung", "", [.klimaEnergie], ["klima-energie/waermeplanung"])
        let offer = Self.item("a", .angebot, Self.beckum, "Wärmeplanung", "", [.klimaEnergie], ["klima-energie/waermeplanung"])
        var project = offer
        project.id = "v"
        project.kind = .vorhaben
        project.ownerKey = Self.warendorf.key
        let engine = MatchEngine(items: [need, offer, project], towns: Self.towns)
        let matches = engine.matches(for: need)
        let a = try #require(matches.first { $0.item.id == "a" })
        let v = try #require(matches.first { $0.item.id == "v" })
        #expect(a.score > v.score)
        // the topical fit is the same, only the setting differs; the setting moves the score by at most 40 %
        #expect(a.explanation.topicalFit == v.explanation.topicalFit)
        #expect(a.score <= a.explanation.topicalFit && a.score >= 0.6 * a.explanation.topicalFit)
    }

    @Test("on random data: no partner without a shared Handlungsfeld ranks above one with a shared sub-theme", arguments: [21, 22, 23])
    func tiersOrderRandomData(seed: UInt64) {
        let items = MatchEngineTests.randomItems(seed: seed, count: 400)
        let engine = MatchEngine(items: items, towns: MatchEngineTests.towns)
        var sawBoth = false
        for query in items.prefix(80) {
            let matches = engine.matches(for: query, limit: 400)
            for group in [matches.inReach, matches.farther] {
                let tiers = group.map(\.explanation.tier)
                if let lastSubtheme = tiers.lastIndex(of: .unterthema), let firstWordsOnly = tiers.firstIndex(of: .begriffe) {
                    sawBoth = true
                    #expect(firstWordsOnly > lastSubtheme, "query \(query.id)")
                }
                #expect(group.allSatisfy { $0.explanation.tier != .unterthema || $0.score >= 0.36 })
                #expect(group.allSatisfy { $0.explanation.tier != .begriffe || $0.score < 0.3 })
                #expect(zip(group, group.dropFirst()).allSatisfy { $0.score >= $1.score })
            }
            #expect(matches.farther.allSatisfy { query.sharesTheme(with: $0.item) && !$0.inReach }, "query \(query.id)")
            #expect(matches.inReach.allSatisfy { $0.inReach })
        }
        #expect(sawBoth)
    }

    @Test("the indexes equal brute force with near and far towns, for items and for a town's items of mixed reach", arguments: [31, 32])
    func indexesEqualBruteForce(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let towns = Array(Self.towns.values).sorted { $0.key < $1.key }
        let items = MatchEngineTests.randomItems(seed: seed, count: 500).map { item in
            var moved = item
            moved.ownerKey = towns.randomElement(using: &random)!.key
            return moved
        }
        let engine = MatchEngine(items: items, towns: Self.towns)
        for query in items.prefix(60) {
            for publicOnly in [false, true] {
                #expect(
                    engine.matches(for: query, limit: 8, publicOnly: publicOnly)
                        == engine.bruteForceMatches(for: query, limit: 8, publicOnly: publicOnly),
                    "query \(query.id)")
            }
            #expect(engine.townMatches(for: [query], limit: 2) == engine.bruteForceTownMatches(for: [query], limit: 2), "towns for \(query.id)")
        }
        for town in towns {
            let own = items.filter { $0.ownerKey == town.key }
            #expect(Set(own.map(\.reach)).count > 1)
            for limit in [1, 2, 4] {
                #expect(engine.townMatches(for: own, limit: limit) == engine.bruteForceTownMatches(for: own, limit: limit), "\(town.name) \(limit)")
            }
        }
    }

    @Test("town suggestions follow the rule: towns within reach first, farther only on the same theme")
    func towns() throws {
        let (query, engine) = Self.itSecurityWorld(reach: .nachbarschaft)
        let towns = engine.townMatches(for: query)
        #expect(towns == engine.bruteForceTownMatches(for: [query]))
        #expect(towns.inReach.map(\.town) == [Self.beckum.key, Self.warendorf.key])
        #expect(towns.farther.map(\.town) == [Self.muenster.key, Self.wittstock.key])
        #expect(towns.farther.allSatisfy { !$0.inReach && $0.best.item.unterthemen.contains(Self.itSicherheit) })
        // Munster has an item on the same field and a staff offer, but nothing on the sub-theme: not suggested
        #expect(!towns.contains { $0.town == Self.munster.key })
    }

    @Test("a town as a whole: a town within one item's reach is in the first group, even if another item finds it far")
    func townAsAWhole() throws {
        let (narrow, _) = Self.itSecurityWorld(reach: .nachbarschaft)
        let (world, _) = Self.itSecurityWorld(reach: .region)
        var wide = world
        wide.id = "q2"
        let base = Self.itSecurityWorld(reach: .nachbarschaft).engine
        var engine = base
        engine.upsert(wide)
        let towns = engine.townMatches(for: [narrow, wide])
        #expect(towns == engine.bruteForceTownMatches(for: [narrow, wide]))
        let muenster = try #require(towns.inReach.first { $0.town == Self.muenster.key })
        #expect(muenster.query.id == "q2" && muenster.inReach)
        #expect(towns.farther.map(\.town) == [Self.wittstock.key])
    }

    @Test("explanations name the shared words as the users wrote them, not their stems")
    func writtenWords() throws {
        let (query, engine) = Self.itSecurityWorld(reach: .bundesweit)
        func words(_ match: ItemMatch?) throws -> String {
            try #require(match?.explanation.parts.first { $0.component == .text }).reason
        }
        // Beckum wrote "Informationssicherheitsbeauftragter": the query's own word is named
        let beckum = try words(engine.matches(for: query).first { $0.item.id == "beckum-isb" })
        #expect(beckum == "ähnliche Begriffe: Informationssicherheitsbeauftragte")
        #expect(GermanTextAnalyzer.terms("Informationssicherheitsbeauftragte") != ["Informationssicherheitsbeauftragte"])
        // The query as the engine holds it (without its description): from the candidate's
        // title, else as the word was first written.
        let stored = try #require(engine.item(id: "q"))
        #expect(stored.description.isEmpty)
        let staff = try words(engine.matches(for: stored).first { $0.item.id == "munster-bad" })
        #expect(staff.contains("Nachbarkommunen") && staff.contains("teilen"))
        for stem in GermanTextAnalyzer.terms("Nachbarkommunen teilen") {
            #expect(!staff.components(separatedBy: CharacterSet(charactersIn: ": ,")).contains(stem))
        }
    }

    @Test("written words: the first word that makes a term, as written; hyphenated words by their parts")
    func writtenWordsUnit() {
        func term(_ word: String) -> String { GermanTextAnalyzer.terms(word)[0] }
        let words = WrittenWords("IT-Sicherheit für Schulen: die Schule und das Rathaus-Netz")
        #expect(words.word(for: term("Schule")) == "Schulen")
        #expect(words.word(for: term("IT")) == "IT")
        #expect(words.word(for: term("Sicherheit")) == "Sicherheit")
        #expect(words.word(for: term("Rathaus")) == "Rathaus")
        #expect(words.word(for: term("Bürgerbus")) == nil)
    }
}
