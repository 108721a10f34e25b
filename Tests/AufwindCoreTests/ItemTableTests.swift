import Foundation
import Testing

@testable import AufwindCore

@Suite("Item table: items kept as numbers and bytes, found by id, given back whole")
struct ItemTableTests {
    static func item(_ id: String, owner: String = "05570004", title: String = "Bürgerbus im Ehrenamt") -> CooperationItem {
        CooperationItem(id: id, kind: .bedarf, ownerKey: owner, title: title, description: "lang", handlungsfelder: [.mobilitaet], reach: .region)
    }

    @Test("every field comes back as it went in (without the description), umlauts, long titles and all values of each kind")
    func roundTrip() {
        var table = ItemTable()
        var expected: [CooperationItem] = []
        for (number, kind) in ItemKind.allCases.enumerated() {
            for status in [nil] + ItemStatus.allCases.map(Optional.some) {
                let fields = Set(Handlungsfeld.allCases.enumerated().filter { ($0.offset + number) % 3 == 0 }.map(\.element))
                let item = CooperationItem(
                    id: "\(UUID())".lowercased(), kind: kind, ownerKey: number % 2 == 0 ? "05570004" : "12068468",
                    title: "Wärmeplanung für Groß und Klein – Ölheizungen ersetzen " + String(repeating: "ä", count: number * 40),
                    description: "wird nicht behalten", handlungsfelder: fields, reach: Reach.allCases[number % Reach.allCases.count],
                    desiredSizes: Set(Groessenklasse.allCases.prefix(number)),
                    unterthemen: Set(Unterthema.all.prefix(number + 1).map(\.id) + (number == 3 ? ["ein-altes-thema"] : [])),
                    status: status, visibility: number % 2 == 0 ? .oeffentlich : .kommunen, isDemo: number == 4)
                table.append(item)
                var stored = item
                stored.description = ""
                expected.append(stored)
            }
        }
        #expect(table.indices.map { table[$0] } == expected)
        #expect(table.ownerKeys == ["05570004", "12068468"])
        #expect(expected.allSatisfy { table.slot(of: $0.id).map { table[$0].id } == $0.id })
    }

    @Test("ids are found among 50,000, a removed id no longer, a re-added one in its new slot; other ids never")
    func lookUp() {
        var table = ItemTable()
        for number in 0..<50_000 { table.append(Self.item("item-\(number)")) }
        #expect(table.slot(of: "item-0") == 0 && table.slot(of: "item-49999") == 49_999)
        #expect(table.slot(of: "item-50000") == nil && table.slot(of: "") == nil && table.slot(of: "item-1 ") == nil)
        table.kill(17)
        #expect(table.slot(of: "item-17") == nil)
        table.append(Self.item("item-17", title: "neu"))
        #expect(table.slot(of: "item-17") == 50_000)
        #expect(table.title(at: 50_000) == "neu")
        #expect((0..<50_000).allSatisfy { (number: Int) in number == 17 || table.slot(of: "item-\(number)") == number })
        // Past the next growth of the hash table (only live slots are filed again).
        table.kill(40_000)
        for number in 50_000..<70_000 { table.append(Self.item("item-\(number)")) }
        #expect(table.slot(of: "item-17") == 50_000 && table.slot(of: "item-40000") == nil)
        #expect(table.slot(of: "item-69999") == 70_000 && table.slot(of: "item-39999") == 39_999)
        table.append(Self.item("item-40000"))
        #expect(table.slot(of: "item-40000") == 70_001)
    }

    @Test("ids order as strings do; owners are numbered in the order they first appear")
    func order() {
        var table = ItemTable()
        for (id, owner) in [("b", "02000000"), ("a", "05570004"), ("ab", "02000000"), ("B", "05570004")] {
            table.append(Self.item(id, owner: owner))
        }
        let ids = table.indices.map { table.id(at: $0) }
        for a in table.indices {
            for b in table.indices { #expect(table.idPrecedes(a, b) == (ids[a] < ids[b]), "\(ids[a]) < \(ids[b])") }
        }
        #expect(table.ownerNumber == [0, 1, 0, 1] && table.ownerKeys == ["02000000", "05570004"])
    }

    @Test("UUIDs as the server writes them are kept as 16 bytes: found, given back and ordered as text, beside ids of other forms")
    func uuidIDs() {
        var table = ItemTable()
        let uuids = (0..<2_000).map { _ in UUID().uuidString.lowercased() }
        // Not the server's form, kept as text: upper case, no dashes, one character short, a non-hex digit.
        let others = [
            "9F1C2E3A-0000-4000-8000-00000000000A", "9f1c2e3a000040008000000000000000", "9f1c2e3a-0000-4000-8000-00000000000",
            "9f1c2e3a-0000-4000-8000-00000000000g", "item-1", "",
        ]
        for id in uuids + others { table.append(Self.item(id)) }
        let ids = uuids + others
        #expect(table.indices.map { table.id(at: $0) } == ids)
        #expect(ids.enumerated().allSatisfy { table.slot(of: $1) == $0 })
        #expect(table.slot(of: uuids[7].uppercased()) == nil && table.slot(of: others[0].lowercased()) == nil)
        #expect(table.hasID(3, uuids[3]) && !table.hasID(3, uuids[4]) && table.hasID(2_004, "item-1"))
        #expect(ItemTable.compactBytes(of: "00000000-0000-0000-0000-0000000000ff") == Array(repeating: 0, count: 15) + [255])
        let sample = Array(table.indices.prefix(40)) + Array(table.indices.suffix(6))
        for a in sample {
            for b in sample {
                #expect(table.idPrecedes(a, b) == ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8), "\(ids[a]) < \(ids[b])")
            }
        }
        // 20 bytes less per UUID than as text.
        var text = ItemTable()
        for id in uuids { text.append(Self.item(id.replacingOccurrences(of: "-", with: "_"))) }
        table.shrink()
        text.shrink()
        #expect(text.memory - table.memory >= 2_000 * 20 - 2_000)
    }

    @Test("shrinking gives back what growing reserved and keeps the contents")
    func shrink() {
        var table = ItemTable()
        for number in 0..<1_000 { table.append(Self.item("item-\(number)")) }
        let before = table.memory
        let items = table.indices.map { table[$0] }
        table.shrink()
        #expect(table.memory < before)
        #expect(table.indices.map { table[$0] } == items)
        #expect(table.slot(of: "item-999") == 999)
    }

    @Test("memory by part: the report names each part with its bytes per item")
    func memoryReport() {
        let items = (0..<2_000).map { Self.item("item-\($0)", title: "Digitale Schulverwaltung Nummer \($0)") }
        let published = PublishedItems(items: items, towns: [:])
        let memory = published.memory
        #expect(memory.total > 0 && memory.parts.allSatisfy { $0.bytes >= 0 })
        #expect(memory.parts.contains { $0.name == "engine: term postings" && $0.bytes > 0 })
        // One table for both indexes: counted once, with the engine.
        #expect(memory.parts.contains { $0.name == "engine: items" && $0.bytes > 2_000 * 20 })
        #expect(!memory.parts.contains { $0.name == "search: items" })
        let report = memory.report(items: 2_000)
        #expect(report.hasPrefix("In memory for 2000 items: "))
        #expect(report.contains("engine: items: ") && report.contains(" bytes per item"))
    }

    @Test("built together on two cores, the engine and the search index equal those built one after the other")
    func builtTogether() {
        let towns = [
            TownFacts(
                key: "05570004", name: "Ahlen", population: 52_666, kreisKey: "05570", kreisName: "Kreis Warendorf",
                coordinate: GeoPoint(latitude: 51.7633, longitude: 7.8912), recentItems: 2)
        ]
        let items = DemoItemGenerator(seed: 7).items(
            count: 3_000,
            towns: towns + [
                TownFacts(
                    key: "12068468", name: "Wittstock/Dosse", population: 13_900, kreisKey: "12068", kreisName: "Landkreis Ostprignitz-Ruppin",
                    coordinate: GeoPoint(latitude: 53.1617, longitude: 12.4842), recentItems: 3)
            ])
        let byKey = Dictionary(uniqueKeysWithValues: towns.map { ($0.key, $0) })
        let published = PublishedItems(items: items, towns: byKey)
        let engine = MatchEngine(items: items, towns: byKey)
        let search = ItemSearchIndex(items: items, towns: byKey)
        for query in items.prefix(20) {
            #expect(published.engine.matches(for: query) == engine.matches(for: query))
        }
        let query = ItemSearchQuery(text: "Bürgerbus Ehrenamt", publicOnly: false)
        #expect(published.search.search(query) == search.search(query))
        #expect(published.engine.count == 3_000 && published.search.count == 3_000)
    }
}
