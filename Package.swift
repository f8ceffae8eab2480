// swift-tools-version: 6.1
import PackageDescription

// Layers are one-way: phusong (CLI) → PhusongCoverage → GEOSKit → CGEOS.
let package = Package(
    name: "phusong",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "phusong", targets: ["phusong"]),
        .library(name: "PhusongCoverage", targets: ["PhusongCoverage"]),
        .library(name: "GEOSKit", targets: ["GEOSKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        // Data model, loaders, validation, administrative assignment, synthetic scenarios.
        .target(name: "PhusongCoverage", dependencies: ["GEOSKit"]),
        .executableTarget(
            name: "phusong",
            dependencies: [
                "PhusongCoverage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GEOSKitTests", dependencies: ["GEOSKit"]),
        .testTarget(name: "PhusongCoverageTests", dependencies: ["PhusongCoverage", "GEOSKit"]),
        // End-to-end runs of the built `phusong` binary.
        .testTarget(name: "PhusongCLITests", dependencies: ["phusong"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
