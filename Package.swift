// swift-tools-version: 6.1
import PackageDescription

// Layers are one-way: phusong (CLI) → PhusongPlanning → PhusongCoverage → GEOSKit → CGEOS
// (PhusongCoverage also uses CPhusongSystem, one system call).
let package = Package(
    name: "phusong",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "phusong", targets: ["phusong"]),
        .library(name: "PhusongPlanning", targets: ["PhusongPlanning"]),
        .library(name: "PhusongCoverage", targets: ["PhusongCoverage"]),
        .library(name: "GEOSKit", targets: ["GEOSKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // GEOS's C API (Debian: libgeos-dev, pkg-config `geos`), reentrant functions only.
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        // Safe Swift layer over GEOS: one context per task, one owner per handle.
        .target(name: "GEOSKit", dependencies: ["CGEOS"]),
        // renameat2(RENAME_EXCHANGE) / renamex_np(RENAME_SWAP), which Swift's Glibc does not
        // declare: output folders are swapped into place in one atomic step.
        .target(name: "CPhusongSystem"),
        // Data model, loaders, validation, administrative assignment, radio model, coverage
        // engine, indicators, configuration (TOML), reports, synthetic scenarios.
        .target(
            name: "PhusongCoverage",
            dependencies: [
                "GEOSKit",
                "CPhusongSystem",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Parallel optimisation core (sparse coverage sets, lazy greedy, local search, bounds),
        // the rollout planner and classic maximal covering.
        .target(name: "PhusongPlanning", dependencies: ["PhusongCoverage"]),
        .executableTarget(
            name: "phusong",
            dependencies: [
                "PhusongPlanning",
                "PhusongCoverage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GEOSKitTests", dependencies: ["GEOSKit"]),
        .testTarget(name: "PhusongCoverageTests", dependencies: ["PhusongCoverage", "GEOSKit"]),
        .testTarget(name: "PhusongPlanningTests", dependencies: ["PhusongPlanning", "PhusongCoverage"]),
        // End-to-end runs of the built `phusong` binary.
        .testTarget(name: "PhusongCLITests", dependencies: ["phusong"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
