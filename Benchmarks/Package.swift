// swift-tools-version:6.1
import Foundation
import PackageDescription

// Benchmarks of phusong with ordo-one/package-benchmark; its own package so that the main package
// does not depend on the benchmark harness. Run from this folder:
//   swift package --disable-sandbox benchmark
// Each suite is an executable target under Benchmarks/<Suite>/ (the layout the plugin looks for).

// `.package(path: "..")` is known by the identity of the repository's folder name ("main",
// "phusong", …), whatever the checkout is called.
let phusong = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let suites = ["Loading", "Admin", "Coverage", "Area", "Plan", "MCLP", "Radio", "Terrain"]

// The libraries the suites use, one product per module of the split (Package.swift of the
// repository): the coverage model, the planner and MCLP, the optimisation core whose
// `SolverOptions` they pass, and the synthetic scenarios the plan at scale runs on.
let phusongProducts = ["PhusongCoverage", "PhusongPlanning", "PhusongOptimization", "PhusongSynthetic"]

let package = Package(
    name: "PhusongBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: ".."),
    ],
    targets: [
        // Data paths (the repository, ../shared or PHUSONG_SHARED), loading helpers and the
        // configurations the suites share.
        .target(
            name: "PhusongBenchmarkSupport",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PhusongCoverage", package: phusong),
            ]
        ),
    ] + suites.map { suite in
        .executableTarget(
            name: suite,
            dependencies: [
                "PhusongBenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
            ] + phusongProducts.map { .product(name: $0, package: phusong) },
            path: "Benchmarks/\(suite)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    },
    swiftLanguageModes: [.v6]
)
