import Foundation
import Testing

@testable import AufwindCore

@Suite("Compact indexes: built in batches, compacted, words repeated past what a posting counts")
struct CompactIndexTests {
    static let towns = MatchEngineTests.towns

    static func items(seed: UInt64, count: Int) -> [CooperationItem] {
        DemoItemGenerator(seed: seed).items(count: count, towns: Array(towns.values).sorted { $0.key < $1.key })
    }

    @Test("an item that repeats a word 300 times ranks the same after a compaction as in a fresh build")
    func repeatedWordAfterCompaction() {
        var items = Self.items(seed: 5, count: 1_500)
        items[1_200].description = String(repeating: "Bürgerbus ", count: 300) + items[1_200].description
        items[1_300].description = String(repeating: "Wärmeplanung ", count: 280)
        var engine = MatchEngine(items: items, towns: Self.towns)
        var search = ItemSearchIndex(items: items, towns: Self.towns)
        for item in items.prefix(1_000) {
            engine.remove(id: item.id)
            search.remove(id: item.id)
        }
        #expect(engine.count == 500 && search.count == 500)
        let rest = Array(items.dropFirst(1_000))
        let freshEngine = MatchEngine(items: rest, towns: Self.towns)
        let freshSearch = ItemSearchIndex(items: rest, towns: Self.towns)
        for query in [items[1_200], items[1_300]] + rest.suffix(10) {
            #expect(engine.matches(for: query) == freshEngine.matches(for: query), "\(query.id)")
            #expect(engine.townMatches(for: query) == freshEngine.townMatches(for: query), "\(query.id)")
        }
        for text in ["Bürgerbus", "Wärmeplanung", "Radweg Schule", "Ehrenamt"] {
            let query = ItemSearchQuery(text: text, publicOnly: false, pageSize: 50)
            #expect(search.search(query) == freshSearch.search(query), "\(text)")
        }
    }

    @Test("built batch by batch, with items of an earlier batch replaced, the indexes equal those built at once")
    func batches() {
        let items = Self.items(seed: 9, count: 2_400)
        var replaced = items[100]
        replaced.title = "Digitale Schulverwaltung für alle Grundschulen"
        replaced.description = "Neu geschrieben: wir teilen unsere Lösung."
        let builder = PublishedItems.Builder(towns: Self.towns)
        builder.add(Array(items[0..<1_000]))
        builder.add(Array(items[1_000..<2_000]) + [replaced])
        builder.add(Array(items[2_000...]))
        let built = builder.finish()
        let expected = items[0..<2_000].filter { $0.id != replaced.id } + [replaced] + items[2_000...]
        let engine = MatchEngine(items: Array(expected), towns: Self.towns)
        let search = ItemSearchIndex(items: Array(expected), towns: Self.towns)
        #expect(built.engine.count == 2_400 && built.search.count == 2_400)
        #expect(built.engine.item(id: replaced.id)?.title == replaced.title)
        for query in [replaced] + items.suffix(10) {
            #expect(built.engine.matches(for: query) == engine.matches(for: query), "\(query.id)")
        }
        for text in ["Schulverwaltung", "Bürgerbus Ehrenamt", "Telemedizin", ""] {
            let query = ItemSearchQuery(text: text, publicOnly: false)
            #expect(built.search.search(query) == search.search(query), "\(text)")
        }
    }
}
