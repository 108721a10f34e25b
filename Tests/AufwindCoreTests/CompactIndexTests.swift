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

    @Test("one table for both indexes: shared after the build and after every change, compactions included, answers as fresh builds")
    func sharedTable() {
        let items = Self.items(seed: 13, count: 2_600)
        var published = PublishedItems(items: Array(items[0..<1_500]), towns: Self.towns)
        #expect(published.sharesTable)
        // Counted once, with the engine.
        #expect(published.memory.parts.map(\.name).contains("engine: items") && !published.memory.parts.map(\.name).contains("search: items"))
        var live = Dictionary(uniqueKeysWithValues: items[0..<1_500].map { ($0.id, $0) })
        var order = items[0..<1_500].map(\.id)
        var generator = SplitMix64(seed: 21)
        // Removals past half the slots make both compact (at the same change); then new and edited items.
        for (step, item) in items[0..<1_200].enumerated() {
            published.remove(id: item.id)
            live[item.id] = nil
            order.removeAll { $0 == item.id }
            if step % 97 == 0 { #expect(published.sharesTable, "after removal \(step)") }
        }
        for item in items[1_500...] {
            var changed = item
            if generator.next() % 3 == 0, let edited = order.randomElement(using: &generator) {
                changed = live[edited]!
                changed.title += " (überarbeitet)"
                order.removeAll { $0 == edited }
            }
            published.upsert(changed)
            live[changed.id] = changed
            order.append(changed.id)
        }
        #expect(published.sharesTable)
        #expect(published.engine.table.count == published.search.table.count)
        let current = order.map { live[$0]! }
        let engine = MatchEngine(items: current, towns: Self.towns)
        let search = ItemSearchIndex(items: current, towns: Self.towns)
        for query in current.suffix(12) {
            #expect(published.engine.matches(for: query) == engine.matches(for: query), "\(query.id)")
            #expect(published.engine.townMatches(for: query) == engine.townMatches(for: query), "\(query.id)")
        }
        for text in ["Schulverwaltung", "überarbeitet", "Bürgerbus Ehrenamt", "Telemedizin", ""] {
            let query = ItemSearchQuery(text: text, publicOnly: false, pageSize: 50)
            #expect(published.search.search(query) == search.search(query), "\(text)")
        }
    }
}
