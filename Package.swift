// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Aufwind",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "aufwind", targets: ["aufwind"]),
        .library(name: "AufwindCore", targets: ["AufwindCore"]),
        .library(name: "AufwindServer", targets: ["AufwindServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // Tests only: parses and validates the OpenAPI document. No external loading, so no trait.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0", traits: []),
        // Imported directly, so declared (the versions Vapor resolves to).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        // LISTEN/NOTIFY on a connection of its own (the change feed) and the migration lock.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        // publiccode.yml import and export of solutions (line numbers for errors, key order kept).
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "AufwindCore",
            // SHA-1 for name-based UUIDs (room guids in the Frab exports).
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "Yams", package: "Yams")],
            // The reviewed eligibility rules of the funding programmes (see docs/foerderregeln.md).
            resources: [.copy("Funding/foerderregeln.json")],
            swiftSettings: swiftSettings
        ),
        .target(name: "CSystemMemory"),
        .target(
            name: "AufwindServer",
            dependencies: [
                "AufwindCore",
                "CSystemMemory",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            // The OpenAPI description of /api/v1, served as it is, and the stylesheet, scripts and icon,
            // served under content-hashed names (see docs/architecture.md).
            resources: [.copy("Resources/openapi.json"), .copy("Web/Assets")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "aufwind",
            dependencies: [
                "AufwindServer",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AufwindCoreTests",
            dependencies: ["AufwindCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AufwindServerTests",
            dependencies: [
                "AufwindServer",
                "AufwindCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // OpenAPI 3.1 (the document's version); OpenAPIKit30 would be 3.0.
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "Plot", package: "Plot"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
    ]
)

var swiftSettings: [SwiftSetting] {
    [.enableUpcomingFeature("ExistentialAny")]
}
