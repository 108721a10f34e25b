import AufwindCore
import Benchmark
import Foundation

/// Issue 18, item 5: national scale in memory. 500,000 generated items over all Gemeinden (four
/// in five with an Unterthema), the match engine and the item search index built over them as the
/// server builds them. Targets: best 20 partners for one item p99 ≤ 50 ms, one item search p99
/// ≤ 20 ms (package-benchmark prints p99); the bytes per item and where they go are printed
/// from `PublishedItems.memory` after the build. `AUFWIND_SCALE_ITEMS` changes the count.

/// Reference data: AUFWIND_DATA_DIR, else ../shared/data seen from the project root.
private let dataDirectory: URL = {
    if let configured = ProcessInfo.processInfo.environment["AUFWIND_DATA_DIR"] { return URL(fileURLWithPath: configured) }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return root.deletingLastPathComponent().appendingPathComponent("shared/data")
}()

private let itemCount = ProcessInfo.processInfo.environment["AUFWIND_SCALE_ITEMS"].flatMap(Int.init) ?? 500_000

private func catalog() throws -> RegisterCatalog {
    let gv100ad = try String(contentsOf: dataDirectory.appendingPathComponent("raw/GV100AD_30112025.txt"), encoding: .utf8)
    let coordinatesText = try String(contentsOf: dataDirectory.appendingPathComponent("raw/koordinaten.csv"), encoding: .utf8)
    let coordinates = try CoordinatesParser(fileName: "koordinaten.csv").parse(coordinatesText)
    let data = try GV100ADParser(fileName: "GV100AD").parse(gv100ad).data.withCoordinates(coordinates)
    return RegisterCatalog(gebietsstand: data.gebietsstand, units: data.units, gemeinden: data.gemeinden)
}

/// A mix as people search items (as in the 100,000-item benchmark of issue 20).
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

/// Advances across samples: the benchmark closure runs once per sample.
nonisolated(unsafe) private var next = 0
/// The indexes a change benchmark changes (the first change copies what it shares with the built ones).
nonisolated(unsafe) private var changing: PublishedItems?

let benchmarks: @Sendable () -> Void = {
    let catalog = try! catalog()
    let towns = catalog.townFacts { ags in Int(ags.suffix(1))! % 4 }
    let townIndex = Dictionary(uniqueKeysWithValues: towns.map { ($0.key, $0) })
    let items = DemoItemGenerator(seed: 2026).items(count: itemCount, towns: towns.filter { $0.key.count == 8 }).enumerated().map {
        number, item in
        var item = item
        if number % 5 != 4, let field = Handlungsfeld.allCases.first(where: item.handlungsfelder.contains) {
            item.unterthemen = [field.unterthemen[number % field.unterthemen.count].id]
        }
        return item
    }
    let count = items.count.formatted()

    Benchmark("Scale: build engine and search index over \(count) items", configuration: .init(metrics: [.wallClock], maxIterations: 3)) {
        benchmark in
        for _ in benchmark.scaledIterations { blackHole(PublishedItems(items: items, towns: townIndex)) }
    }
    let published = PublishedItems(items: items, towns: townIndex)
    print(published.memory.report(items: published.engine.count))

    Benchmark(
        "Scale: best 20 partner items for one item (\(count) items)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(15), maxIterations: 1_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(published.engine.matches(for: items[next % items.count], limit: 20))
            next += 7_919
        }
    }
    Benchmark(
        "Scale: best 20 partner towns for one item (\(count) items)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(15), maxIterations: 1_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(published.engine.townMatches(for: items[next % items.count], limit: 20))
            next += 7_919
        }
    }
    Benchmark(
        "Scale: one item search of the mix (\(count) items)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(15), maxIterations: 5_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(published.search.search(searches[next % searches.count]))
            next += 1
        }
    }
    Benchmark(
        "Scale: one item edited in both indexes, one item table (\(count) items)",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(15), maxIterations: 300)
    ) { benchmark in
        if changing == nil { changing = published }
        for _ in benchmark.scaledIterations {
            var item = items[next % items.count]
            item.title += " (überarbeitet)"
            changing!.upsert(item)
            next += 7_919
        }
    }
}
