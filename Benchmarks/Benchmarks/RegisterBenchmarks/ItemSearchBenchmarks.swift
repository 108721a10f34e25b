import AufwindCore
import Benchmark

/// Advances across samples: the benchmark closure runs once per sample.
nonisolated(unsafe) private var nextSearch = 0

/// A mix as people search items: exact words, compound parts ("Informationssystem" in
/// "Ratsinformationssystem", "Planung" in "Wärmeplanung"), typos, names of Handlungsfelder and
/// Unterthemen, partial results (no item has all words), nonsense and stop words, with and
/// without filters and pages.
private let searches = [
    ItemSearchQuery(text: "Schulverwaltung"), ItemSearchQuery(text: "digitale Schule", land: "05"),
    ItemSearchQuery(text: "Bürgerbus Ehrenamt"), ItemSearchQuery(kind: .bedarf, feld: .mobilitaet),
    ItemSearchQuery(text: "Wärmeplanung", groesse: .kleineKleinstadt), ItemSearchQuery(text: "Konzept", page: 3),
    ItemSearchQuery(feld: .klimaEnergie, land: "12", page: 2), ItemSearchQuery(text: "Glasfaserausbau Nahversorgung"),
    ItemSearchQuery(text: "Informationssystem"), ItemSearchQuery(text: "Planung"), ItemSearchQuery(text: "Sicherheit", land: "09"),
    ItemSearchQuery(text: "Ratsinformationssytem"), ItemSearchQuery(text: "Wärmeplannung Münster"), ItemSearchQuery(text: "Schulverwaltng"),
    ItemSearchQuery(text: "IT-Sicherheit"), ItemSearchQuery(text: "Klima"), ItemSearchQuery(text: "Kommunale Wärmeplanung", page: 2),
    ItemSearchQuery(text: "Wärmeplanung Hallenbad"), ItemSearchQuery(text: "Bürgerbus Radweg Telemedizin"),
    ItemSearchQuery(text: "Ratsinformationssytem Hallenbad", kind: .angebot), ItemSearchQuery(text: "xqzvw"),
    ItemSearchQuery(text: "und die Kommune"), ItemSearchQuery(text: "Kita"), ItemSearchQuery(text: "Energie sparen Schulen", publicOnly: false),
]

/// The item search (issue 20): build the index and answer the mix over the 100,000 generated
/// items, four in five of them with one Unterthema of their first field (the generator gives
/// none). Targets: one query p50 ≤ 5 ms, p99 ≤ 20 ms.
func itemSearchBenchmarks(items demoItems: [CooperationItem], towns: [String: TownFacts]) {
    let items = demoItems.enumerated().map { number, item in
        var item = item
        if number % 5 != 4, let field = Handlungsfeld.allCases.first(where: item.handlungsfelder.contains) {
            item.unterthemen = [field.unterthemen[number % field.unterthemen.count].id]
        }
        return item
    }
    Benchmark("Item search: build the index over 100,000 items", configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 5)) {
        benchmark in
        for _ in benchmark.scaledIterations { blackHole(ItemSearchIndex(items: items, towns: towns)) }
    }
    let index = ItemSearchIndex(items: items, towns: towns)
    Benchmark(
        "Item search: one query of the mix with compounds, typos, topic names and partial results (100,000 items)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 20_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(index.search(searches[nextSearch % searches.count]))
            nextSearch += 1
        }
    }
}
