// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that `swift build` / `swift test` of the app never
// compile the harness. Run: `swift package benchmark` (in this folder).

// The app is the package one folder up; SwiftPM names a path dependency after its folder
// (`main` in the main checkout, the worktree's name elsewhere).
let app = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main").lowercased()
let package = Package(
    name: "AufwindBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RegisterBenchmarks",
            dependencies: [
                .product(name: "AufwindCore", package: app),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RegisterBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Issue 13: the daily digest at scale (needs the server library and a database).
        .executableTarget(
            name: "DigestBenchmarks",
            dependencies: [
                .product(name: "AufwindServer", package: app),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/DigestBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Issue 13: /mein-aufwind with 100,000 items, through the whole application in-process.
        .executableTarget(
            name: "HomeBenchmarks",
            dependencies: [
                .product(name: "AufwindServer", package: app),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/HomeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Issue 16: "Wer nutzt das in Ihrer Nähe?" and /api/v1/loesungen?nahe= at scale, in-process.
        .executableTarget(
            name: "SolutionBenchmarks",
            dependencies: [
                .product(name: "AufwindServer", package: app),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SolutionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Issue 17: the Kooperationsatlas with 100,000 items and 10,000 cooperations, in-process.
        .executableTarget(
            name: "AtlasBenchmarks",
            dependencies: [
                .product(name: "AufwindServer", package: app),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AtlasBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Issue 18: 500,000 items in memory (core only): partners, search, bytes per item.
        .executableTarget(
            name: "ScaleBenchmarks",
            dependencies: [
                .product(name: "AufwindCore", package: app),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ScaleBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Issue 15: the 1:1 meeting scheduler on the benchmark instances (core only).
        .executableTarget(
            name: "MeetingBenchmarks",
            dependencies: [
                .product(name: "AufwindCore", package: app),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MeetingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
