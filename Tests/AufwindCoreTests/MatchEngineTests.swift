import Foundation
import Testing

@testable import AufwindCore

@Suite("Partner matching")
struct MatchEngineTests {
    static let ahlen = TownFacts(
        key: "05570004", name: "Ahlen", population: 52_666, kreisKey: "05570", kreisName: "Kreis Warendorf",
        coordinate: GeoPoint(latitude: 51.7633, longitude: 7.8912), recentItems: 2)
    static let beckum = TownFacts(
        key: "05570008", name: "Beckum", population: 37_133, kreisKey: "05570", kreisName: "Kreis Warendorf",
        coordinate: GeoPoint(latitude: 51.7553, longitude: 8.0409), recentItems: 1)
    static let sendenhorst = TownFacts(
        key: "05570040", name: "Sendenhorst", population: 14_167, kreisKey: "05570", kreisName: "Kreis Warendorf",
        coordinate: GeoPoint(latitude: 51.8436, longitude: 7.8279), recentItems: 0)
    static let wittstock = TownFacts(
        key: "12068468", name: "Wittstock/Dosse", population: 13_900, kreisKey: "12068", kreisName: "Landkreis Ostprignitz-Ruppin",
        coordinate: GeoPoint(latitude: 53.1617, longitude: 12.4842), recentItems: 3)
    static let towns = Dictionary(uniqueKeysWithValues: [ahlen, beckum, sendenhorst, wittstock].map { ($0.key, $0) })

    static func item(
        _ id: String, _ kind: ItemKind, _ owner: TownFacts, _ title: String, _ text: String = "",
        _ fields: Set<Handlungsfeld> = [.schuleBildung, .digitaleVerwaltung], reach: Reach = .bundesweit
    ) -> CooperationItem {
        CooperationItem(id: id, kind: kind, ownerKey: owner.key, title: title, description: text, handlungsfelder: fields, reach: reach)
    }

    @Test("a Bedarf finds the matching Angebot of a distant town first when reach is bundesweit")
    func complementarity() {
        let need = Self.item(
            "n1", .bedarf, Self.ahlen, "Digitale Schulverwaltung gesucht",
            "Wir suchen ein Konzept für die digitale Schulverwaltung unserer Grundschulen.")
        let far = Self.item(
            "a1", .angebot, Self.wittstock, "Digitale Schulverwaltung",
            "Unsere Schulen arbeiten seit 2023 mit einer digitalen Schulverwaltung, die wir teilen.")
        let near = Self.item("v1", .vorhaben, Self.beckum, "Digitale Schule", "Tablets für Schulen.")
        let engine = MatchEngine(items: [need, far, near], towns: Self.towns)
        let matches = engine.matches(for: need)
        #expect(matches.map(\.item.id) == ["a1", "v1"])
        let reasons = matches[0].explanation.parts.map(\.reason)
        #expect(reasons.contains("Wittstock/Dosse bietet „Digitale Schulverwaltung“ an – passt zu Ihrem Bedarf"))
        #expect(reasons.contains { $0.hasPrefix("bundesweit gesucht:") && $0.contains("Landkreis Ostprignitz-Ruppin") })
        #expect(reasons.contains { $0.hasPrefix("gemeinsame Handlungsfelder: Schule & Bildung, Digitale Verwaltung") })
    }

    @Test("reach Nachbarschaft prefers the neighbour, with the distance as reason")
    func near() {
        let need = Self.item("n1", .bedarf, Self.ahlen, "Bürgerbus Fahrer", "", [.mobilitaet], reach: .nachbarschaft)
        let neighbour = Self.item("a1", .angebot, Self.beckum, "Bürgerbus Fahrer", "", [.mobilitaet])
        let far = Self.item("a2", .angebot, Self.wittstock, "Bürgerbus Fahrer", "", [.mobilitaet])
        let matches = MatchEngine(items: [need, neighbour, far], towns: Self.towns).matches(for: need)
        #expect(matches.map(\.item.id) == ["a1", "a2"])
        #expect(matches[0].explanation.parts.contains { $0.reason == "Nachbar: 10 km entfernt, Kreis Warendorf" })
        #expect(matches[1].explanation.parts.contains { $0.reason.hasPrefix("außerhalb der Nachbarschaft") })
    }

    @Test("size: the same class is named; nothing topical means no match; own items never match")
    func structureAndGate() {
        let query = Self.item("q", .vorhaben, Self.sendenhorst, "Klimaschutz im Ortskern", "", [.klimaEnergie])
        let same = Self.item("s", .vorhaben, Self.wittstock, "Klimaschutz", "", [.klimaEnergie])
        let unrelated = Self.item("u", .angebot, Self.beckum, "Musikschule", "", [.kulturTourismus])
        let own = Self.item("o", .angebot, Self.sendenhorst, "Klimaschutz", "", [.klimaEnergie])
        let matches = MatchEngine(items: [query, same, unrelated, own], towns: Self.towns).matches(for: query)
        #expect(matches.map(\.item.id) == ["s"])
        #expect(matches[0].explanation.parts.contains { $0.reason == "ebenfalls größere Kleinstadt (13.900 EW)" })
        // the weights of each stage (topical fit, setting) add up to 1
        for topical in [true, false] {
            #expect(abs(matches[0].explanation.parts.filter { $0.component.isTopical == topical }.map(\.weight).reduce(0, +) - 1) < 1e-9)
        }
    }

    static func randomItems(seed: UInt64, count: Int) -> [CooperationItem] {
        var random = SeededRandom(seed: seed)
        let words = [
            "Schule", "digital", "Verwaltung", "Bus", "Radweg", "Klima", "Wärme", "Ehrenamt", "Pflege", "Wohnen", "Markt", "Tourismus", "Feuerwehr",
            "Glasfaser", "Kita",
        ]
        let towns = Array(Self.towns.values).sorted { $0.key < $1.key }
        return (0..<count).map { index -> CooperationItem in
            let title = (0..<Int.random(in: 1...3, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            let fields = Set((0..<Int.random(in: 0...3, using: &random)).map { _ in Handlungsfeld.allCases.randomElement(using: &random)! })
            let themes = Set(fields.flatMap(\.unterthemen).filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.map(\.id))
            return CooperationItem(
                id: "i\(index)", kind: ItemKind.allCases.randomElement(using: &random)!, ownerKey: towns.randomElement(using: &random)!.key,
                title: title, description: text, handlungsfelder: fields, reach: Reach.allCases.randomElement(using: &random)!,
                desiredSizes: Bool.random(using: &random) ? [] : [Groessenklasse.allCases.randomElement(using: &random)!],
                unterthemen: themes, visibility: Int.random(in: 0..<4, using: &random) == 0 ? .kommunen : .oeffentlich)
        }
    }

    @Test("the indexes return exactly what brute-force scoring returns, on random data, also after updates", arguments: [1, 2, 3, 4, 5])
    func indexesEqualBruteForce(seed: UInt64) {
        let items = Self.randomItems(seed: seed, count: 300)
        var engine = MatchEngine(items: items, towns: Self.towns)
        // Writes keep the engine current: replaced, removed and new items.
        var current = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let replacements = Self.randomItems(seed: seed + 100, count: 40)
        for (index, item) in replacements.enumerated() {
            var changed = item
            changed.id = "i\(index * 5)"
            engine.upsert(changed)
            current[changed.id] = changed
        }
        for index in stride(from: 1, to: 300, by: 9) {
            engine.remove(id: "i\(index)")
            current["i\(index)"] = nil
        }
        var fresh = replacements[0]
        fresh.id = "neu"
        engine.upsert(fresh)
        current[fresh.id] = fresh
        engine.setTown(
            TownFacts(
                key: Self.beckum.key, name: "Beckum", population: 37_133, kreisKey: "05570", kreisName: "Kreis Warendorf",
                coordinate: Self.beckum.coordinate, recentItems: 4, answeredRequests: 3))
        let rebuilt = MatchEngine(items: Array(current.values), towns: engine.towns)
        // Items as the engine returns them (without description) match with their stored terms.
        #expect(engine.items.allSatisfy { $0.description.isEmpty })
        for stored in engine.items.prefix(20) {
            #expect(engine.matches(for: stored, limit: 10) == engine.matches(for: current[stored.id]!, limit: 10), "stored \(stored.id)")
        }
        for query in current.values.sorted(by: { $0.id < $1.id }).prefix(60) {
            for publicOnly in [false, true] {
                let fast = engine.matches(for: query, limit: 25, publicOnly: publicOnly)
                let reference = engine.bruteForceMatches(for: query, limit: 25, publicOnly: publicOnly)
                #expect(fast == reference, "query \(query.id)")
                #expect(fast == rebuilt.matches(for: query, limit: 25, publicOnly: publicOnly), "query \(query.id) after rebuild")
                for group in [fast.inReach, fast.farther] {
                    #expect(zip(group, group.dropFirst()).allSatisfy { $0.score >= $1.score }, "query \(query.id)")
                }
                if publicOnly { #expect(fast.allSatisfy { $0.item.visibility == .oeffentlich }) }
            }
            #expect(engine.townMatches(for: [query], limit: 3) == engine.bruteForceTownMatches(for: [query], limit: 3), "towns for \(query.id)")
        }
        let ownerItems = current.values.filter { $0.ownerKey == Self.ahlen.key }.sorted { $0.id < $1.id }
        #expect(engine.townMatches(for: ownerItems, limit: 4) == engine.bruteForceTownMatches(for: ownerItems, limit: 4))
        #expect(engine.item(id: "i1") == nil && engine.item(id: "neu") != nil)
        // the same towns, scores, best items and counts; only the queries lack their description
        let summary = { (matches: PartnerSuggestions<TownMatch>) in
            matches.map { "\($0.town) \($0.score) \($0.best.item.id) \($0.query.id) \($0.fittingItems)" }
        }
        #expect(
            summary(engine.townMatches(for: engine.items(ownedBy: Self.ahlen.key), limit: 4))
                == summary(engine.townMatches(for: ownerItems, limit: 4)))
    }

    @Test("compaction after many removals keeps the answers (it rebuilds from stored terms)")
    func compaction() {
        let items = Self.randomItems(seed: 11, count: 1_500)
        var engine = MatchEngine(items: items, towns: Self.towns)
        for item in items.prefix(1_000) { engine.remove(id: item.id) }
        #expect(engine.count == 500)
        let fresh = MatchEngine(items: Array(items.dropFirst(1_000)), towns: Self.towns)
        for query in items.suffix(20) {
            #expect(engine.matches(for: query, limit: 15) == fresh.matches(for: query, limit: 15), "query \(query.id)")
        }
    }

    @Test("shared sub-themes raise the theme fit and are named")
    func subthemes() {
        var query = Self.item("q", .bedarf, Self.ahlen, "Wärme", "", [.klimaEnergie])
        query.unterthemen = ["klima-energie/waermeplanung"]
        var same = Self.item("a", .angebot, Self.beckum, "Wärme", "", [.klimaEnergie])
        same.unterthemen = ["klima-energie/waermeplanung"]
        var other = Self.item("b", .angebot, Self.wittstock, "Wärme", "", [.klimaEnergie])
        other.unterthemen = ["klima-energie/klimaanpassung"]
        let matches = MatchEngine(items: [query, same, other], towns: Self.towns).matches(for: query)
        #expect(matches.first?.item.id == "a")
        #expect(matches[0].explanation.parts[0].reason == "gemeinsame Handlungsfelder: Klima & Energie; Unterthemen: Kommunale Wärmeplanung")
        #expect(matches[0].explanation.parts[0].value > matches[1].explanation.parts[0].value)
    }

    @Test("demo items: the same seed gives the same items, bigger towns get more, all marked demo")
    func demoItems() {
        let towns = Array(Self.towns.values)
        let a = DemoItemGenerator(seed: 7).items(count: 2_000, towns: towns)
        #expect(a == DemoItemGenerator(seed: 7).items(count: 2_000, towns: towns))
        #expect(a.allSatisfy { $0.id.hasPrefix("demo-") && !$0.handlungsfelder.isEmpty })
        let ahlen = a.filter { $0.ownerKey == Self.ahlen.key }.count
        let sendenhorst = a.filter { $0.ownerKey == Self.sendenhorst.key }.count
        #expect(ahlen > sendenhorst)
    }

    @Test("German text: folding, stop words, light stemming")
    func analyzer() {
        #expect(GermanTextAnalyzer.terms("Wir suchen Schulen für die Digitalisierung") == ["schul", "digitalisier"])
        #expect(GermanTextAnalyzer.terms("Schule") == GermanTextAnalyzer.terms("SCHULEN"))
        #expect(GermanTextAnalyzer.terms("Bürgerbus") == ["buergerbus"])
    }
}

typealias SeededRandom = SplitMix64
