import AufwindCore
import Benchmark
import Foundation

/// Reference data: AUFWIND_DATA_DIR, else ../shared/data seen from the project root.
private let dataDirectory: URL = {
    if let configured = ProcessInfo.processInfo.environment["AUFWIND_DATA_DIR"] { return URL(fileURLWithPath: configured) }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return root.deletingLastPathComponent().appendingPathComponent("shared/data")
}()

private let gv100adText = try! String(contentsOf: dataDirectory.appendingPathComponent("raw/GV100AD_30112025.txt"), encoding: .utf8)
private let coordinatesText = try! String(contentsOf: dataDirectory.appendingPathComponent("raw/koordinaten.csv"), encoding: .utf8)

private func parseRegister() throws -> RegisterData {
    let coordinates = try CoordinatesParser(fileName: "koordinaten.csv").parse(coordinatesText)
    return try GV100ADParser(fileName: "GV100AD").parse(gv100adText).data.withCoordinates(coordinates)
}

private func buildCatalog(_ data: RegisterData) -> RegisterCatalog {
    RegisterCatalog(gebietsstand: data.gebietsstand, units: data.units, gemeinden: data.gemeinden)
}

/// A mix as people type: exact names, prefixes while typing, umlaut spellings, typos, Sankt/Bad;
/// Kreise and Gemeindeverbände by name, with and without the word for their kind; postcodes
/// (whole and while typing), AGS and ARS.
private let queries = [
    "Münster", "Ahlen", "Warendorf", "Berlin", "Neuenkirchen", "Castrop-Rauxel",
    "Mün", "Warend", "Oel", "Bad Oeyn", "Schwäb", "Neust",
    "Muenster", "Munster", "MÜNSTER", "Giessen", "Weissenfels", "Duesseldorf",
    "Warendorv", "Ahlne", "Bielefel", "Gütersloh", "Guetrsloh", "Paderbron",
    "St. Ingbert", "Sankt Wendel", "Oeynhausen", "Stadt Ahlen", "Hamm, Stadt", "Rheda-Wiedenbrück",
    "Kreis Warendorf", "Landkreis Gütersloh", "Region Hannover", "Samtgemeinde Hemmoor", "Amt Preetz-Land", "Gellersen",
    "Halle", "48231", "592", "05570004", "055700004004", "033525407",
]

/// Advances across samples: the benchmark closure runs once per sample.
nonisolated(unsafe) private var nextQuery = 0

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10))

    Benchmark("Register: parse GV100AD and coordinates", configuration: .init(maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try parseRegister()) }
    }

    Benchmark("Register: build catalog and search index", configuration: .init(maxIterations: 20)) { benchmark in
        let data = try parseRegister()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(buildCatalog(data)) }
    }

    Benchmark(
        "Register: memory after import (parse + catalog)",
        configuration: .init(metrics: [.peakMemoryResident, .peakMemoryResidentDelta, .mallocCountTotal], maxIterations: 3)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(buildCatalog(try parseRegister())) }
    }

    let catalog = buildCatalog(try! parseRegister())
    Benchmark(
        "Search: one query of the mix (exact, prefix, umlaut, typo, Kreis, Verband, postcode, AGS/ARS)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 1_000_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try catalog.places(GemeindeQuery(text: queries[nextQuery % queries.count])))
            nextQuery += 1
        }
    }

    // Matching (issue 4): all Gemeinden, 100,000 generated items.
    let towns = catalog.townFacts { ags in Int(ags.suffix(1))! % 4 }
    let townIndex = Dictionary(uniqueKeysWithValues: towns.map { ($0.key, $0) })
    let demoItems = DemoItemGenerator(seed: 2026).items(count: 100_000, towns: towns.filter { $0.key.count == 8 })
    Benchmark("Matching: build indexes over 100,000 items", configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 5)) {
        benchmark in
        for _ in benchmark.scaledIterations { blackHole(MatchEngine(items: demoItems, towns: townIndex)) }
    }
    let engine = MatchEngine(items: demoItems, towns: townIndex)
    Benchmark(
        "Matching: best 20 partners for one item (100,000 items, 10,751 Gemeinden)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 2_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(engine.matches(for: demoItems[nextQuery % demoItems.count], limit: 20))
            nextQuery += 7_919
        }
    }

    // Issue 20: two groups (within the item's reach, farther on the same theme), per reach.
    for reach in Reach.allCases {
        let queries = demoItems.filter { $0.reach == reach }
        Benchmark(
            "Matching: best 20 partners per group for one \(reach.rawValue) item (100,000 items)",
            configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 2_000)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(engine.matches(for: queries[nextQuery % queries.count], limit: 20))
                nextQuery += 7_919
            }
        }
    }

    Benchmark(
        "Matching: best 20 partner towns for one item (100,000 items)",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 500)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(engine.townMatches(for: demoItems[nextQuery % demoItems.count], limit: 20))
            nextQuery += 7_919
        }
    }
    itemSearchBenchmarks(items: demoItems, towns: townIndex)

    // Funding (issue 5): one Verbund against all programmes; completion over all Gemeinden.
    let ruleFile = try! FundingRuleFile.bundled().get()
    let rulesByID = Dictionary(uniqueKeysWithValues: ruleFile.programmes.map { ($0.programmeID, $0) })
    let landNames = Dictionary(uniqueKeysWithValues: catalog.units(of: .land).map { ($0.key, $0.name) })
    let checker = EligibilityChecker(landNames: landNames, today: "2026-11-26")
    let programmeStubs = ruleFile.programmes.map { FundingProgramme(id: $0.programmeID, name: $0.programmeID, themes: [], sourceUrls: []) }
    let advisor = FundingAdvisor(checker: checker, programmes: programmeStubs, rules: rulesByID)
    let allMembers = catalog.gemeinden.filter { !$0.isGemeindefrei }.map {
        VerbundMember(key: $0.ags, name: $0.shortName, type: .gemeinde, landCode: $0.landCode, population: $0.population, kreisKey: $0.kreisKey)
    }
    let verbund = VerbundFacts(
        members: Array(allMembers.filter { $0.kreisKey == "05570" }.prefix(4)), leadKey: "05570004", handlungsfelder: [.klimaEnergie])
    Benchmark(
        "Eligibility: one Verbund (4 towns) against all programmes",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 100_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(advisor.programmes(for: verbund)) }
    }
    let alone = VerbundFacts(members: [allMembers.first { $0.key == "05570004" }!], leadKey: "05570004")
    Benchmark(
        "Eligibility: completion suggestions for IKZ NRW over all 10,751 Gemeinden",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 200)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(advisor.completions(for: alone, programmeID: "ikz-nrw", candidates: allMembers)) }
    }

    // Barcamp schedule (issue 6): 400 participants, 60 sessions, 8 rooms, 8 slots.
    let barcamp = ScheduleInstanceGenerator(seed: 1).instance()
    let barcampPlan = try! ScheduleOptimizer(barcamp)
    Benchmark("Schedule: optimise 400 participants, 60 sessions, 8×8 (default search)", configuration: .init(metrics: [.wallClock], maxIterations: 5))
    { benchmark in
        for _ in benchmark.scaledIterations { blackHole(barcampPlan.optimize(seed: 1)) }
    }
    let firstPlan = barcampPlan.optimize(seed: 1)
    var changed = barcamp
    changed.sessions.append(.init(id: "neu", hosts: ["p5"]))
    changed.participants[0].interests.append("neu")
    let changedPlan = try! ScheduleOptimizer(changed)
    Benchmark("Schedule: re-plan after one added session", configuration: .init(metrics: [.wallClock], maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(changedPlan.replan(previous: firstPlan)) }
    }

    Benchmark(
        "Listing: Land filter, sorted by population, one page",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3), maxIterations: 100_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try catalog.query(GemeindeQuery(land: "05", sort: .populationDescending, page: 2)))
        }
    }
}
