// swift-tools-version: 6.1
import PackageDescription

// Layers are one-way; a module imports only modules below it (docs/architecture.md draws the
// graph, and scripts/check-module-graph.sh checks the imports against it):
//
//   phusong (CLI)
//   PhusongPlanning        rollout planner, maximal covering
//   PhusongReports   PhusongSynthetic   PhusongOptimization (telecom-free)
//   PhusongCoverage
//   PhusongSupport   GEOSKit   GDALKit
//   CPhusongSystem   CGEOS     CGDAL
let package = Package(
    name: "phusong",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "phusong", targets: ["phusong"]),
        .library(name: "PhusongPlanning", targets: ["PhusongPlanning"]),
        .library(name: "PhusongOptimization", targets: ["PhusongOptimization"]),
        .library(name: "PhusongSynthetic", targets: ["PhusongSynthetic"]),
        .library(name: "PhusongReports", targets: ["PhusongReports"]),
        .library(name: "PhusongCoverage", targets: ["PhusongCoverage"]),
        .library(name: "PhusongSupport", targets: ["PhusongSupport"]),
        .library(name: "GEOSKit", targets: ["GEOSKit"]),
        .library(name: "CBCKit", targets: ["CBCKit"]),
        .library(name: "GDALKit", targets: ["GDALKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Zip containers: XLSX workbooks (Office Open XML) and KMZ (zipped KML).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `swift package generate-documentation` (scripts/docs.sh): DocC catalogs of the libraries.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
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
        // CBC's C interface (Debian: coinor-libcbc-dev, pkg-config `cbc`): the MIP solver of
        // `mclp --exact`.
        .systemLibrary(
            name: "CCBC",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"]), .brew(["cbc"])]
        ),
        // Safe Swift layer over CBC: one owner per model handle, the log switched off.
        .target(name: "CBCKit", dependencies: ["CCBC"]),
        // GDAL's C API (Debian: libgdal-dev, pkg-config `gdal`), and through it PROJ: every
        // common vector and raster format and coordinate system.
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]
        ),
        // Safe Swift layer over GDAL: one owner per handle, datasets never shared across
        // threads, errors from GDAL's per-thread handler.
        .target(name: "GDALKit", dependencies: ["CGDAL"]),
        // renameat2(RENAME_EXCHANGE) / renamex_np(RENAME_SWAP), which Swift's Glibc does not
        // declare: output folders are swapped into place in one atomic step.
        .target(name: "CPhusongSystem"),
        // What every layer uses and nothing telecom: the bounded task pool, the seeded random
        // generator, atomic output sets, the CSV writer with its spreadsheet guard, the XLSX
        // writer and the zip container of XLSX and KMZ (ZIPFoundation), the terminal escaper.
        .target(
            name: "PhusongSupport",
            dependencies: ["CPhusongSystem", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The coverage model: data model, CSV reading, loading and validation, administrative
        // assignment, geodesy, radio models, the coverage engine, area coverage, indicators,
        // configuration (TOML).
        .target(
            name: "PhusongCoverage",
            dependencies: [
                "PhusongSupport",
                "GEOSKit",
                "GDALKit",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What phusong writes for people: report folders (CSV, JSON), the HTML report, GeoJSON,
        // KML and GeoPackage layers, review lists, report comparison.
        .target(
            name: "PhusongReports",
            dependencies: [
                "PhusongCoverage",
                "PhusongSupport",
                "GEOSKit",
                "GDALKit",
            ],
            // The pages' HTML, CSS and JavaScript, compiled into the library as byte arrays
            // (`PackageResources`, read by `HTMLResources`): no bundle to ship or find at run time.
            resources: [
                .embedInCode("Resources/page-head.html"),
                .embedInCode("Resources/report.html"),
                .embedInCode("Resources/trend.html"),
                .embedInCode("Resources/headline.html"),
                .embedInCode("Resources/kpi-progress.html"),
                .embedInCode("Resources/kpi-composition.html"),
                .embedInCode("Resources/map-section.html"),
                .embedInCode("Resources/provinces.html"),
                .embedInCode("Resources/dead-zones.html"),
                .embedInCode("Resources/footer.html"),
                .embedInCode("Resources/report.css"),
                .embedInCode("Resources/report-tables.js"),
                .embedInCode("Resources/report-map.js"),
                .embedInCode("Resources/compare.html"),
                .embedInCode("Resources/drill.html"),
                .embedInCode("Resources/paged-table.js"),
                .embedInCode("Resources/report-drill.js"),
                .embedInCode("Resources/compare.js"),
            ]
        ),
        // Synthetic scenarios for benchmarks, tests and demos (not part of the coverage model).
        .target(name: "PhusongSynthetic", dependencies: ["PhusongCoverage", "PhusongSupport"]),
        // Parallel optimisation core, free of telecom terms: sparse coverage sets, lazy greedy,
        // local search, Lagrangian bounds.
        .target(name: "PhusongOptimization", dependencies: ["PhusongSupport", "CBCKit"]),
        // The rollout planner and classic maximal covering, on the optimisation core.
        .target(
            name: "PhusongPlanning",
            dependencies: ["PhusongOptimization", "PhusongReports", "PhusongCoverage", "PhusongSupport"]
        ),
        .executableTarget(
            name: "phusong",
            dependencies: [
                "PhusongPlanning",
                "PhusongOptimization",
                "PhusongSynthetic",
                "PhusongReports",
                "PhusongCoverage",
                "PhusongSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests: one target per module, plus the helpers they share (paths to ../shared/geodata
        // with the skip reason, scratch folders).
        .target(name: "PhusongTestSupport", path: "Tests/PhusongTestSupport"),
        // SQLite's C API (Debian: libsqlite3-dev, pkg-config `sqlite3`), for the tests only: the
        // GeoPackage tests read the written database back with SQLite itself, not with GDAL
        // that wrote it.
        .systemLibrary(
            name: "CSQLite",
            path: "Tests/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .testTarget(name: "GEOSKitTests", dependencies: ["GEOSKit"]),
        .testTarget(name: "GDALKitTests", dependencies: ["GDALKit", "PhusongTestSupport"]),
        // ZIPFoundation reads the written workbooks back.
        .testTarget(
            name: "PhusongSupportTests",
            dependencies: ["PhusongSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "PhusongCoverageTests",
            dependencies: ["PhusongCoverage", "PhusongSupport", "GEOSKit", "PhusongTestSupport"]
        ),
        .testTarget(
            name: "PhusongReportsTests",
            dependencies: [
                "PhusongReports", "PhusongCoverage", "PhusongSupport", "GEOSKit", "GDALKit", "PhusongTestSupport", "CSQLite",
            ]
        ),
        .testTarget(
            name: "PhusongSyntheticTests",
            dependencies: ["PhusongSynthetic", "PhusongCoverage", "PhusongSupport", "PhusongTestSupport"]
        ),
        .testTarget(name: "PhusongOptimizationTests", dependencies: ["PhusongOptimization", "PhusongSupport"]),
        .testTarget(
            name: "PhusongPlanningTests",
            dependencies: ["PhusongPlanning", "PhusongOptimization", "PhusongCoverage", "PhusongSupport", "PhusongTestSupport"]
        ),
        // End-to-end runs of the built `phusong` binary.
        .testTarget(name: "PhusongCLITests", dependencies: ["phusong", "PhusongTestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
