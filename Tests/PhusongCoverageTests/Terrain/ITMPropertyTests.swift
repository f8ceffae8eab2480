import Foundation
import PhusongCoverage
import PhusongTestSupport
import Testing

/// Invariants ITM really has, on real profiles over N21E105, and its domain errors.
@Suite("ITM properties")
struct ITMPropertyTests {
    /// Paths across the Tam Đảo range and the plain: (tx lat, tx lon, rx lat, rx lon, tx height, rx height, MHz).
    static let paths: [(Double, Double, Double, Double, Double, Double, Double)] = [
        (21.45, 105.45, 21.70, 105.64, 30, 1.5, 900),
        (21.30, 105.80, 21.58, 105.52, 40, 1.5, 1800),
        (21.10, 105.20, 21.15, 105.30, 25, 3, 2100),
        (21.60, 105.55, 21.40, 105.62, 15, 1.5, 3500),
        (21.05, 105.05, 21.90, 105.90, 60, 10, 700),
    ]

    /// ITM is reciprocal in exact arithmetic; in floating point the distances are accumulated from
    /// the other end, so the last bits differ, and ITM's whole-number parts of distance ratios
    /// can turn that into a few thousandths of a dB. Within the vectors' 0.01 dB.
    @Test("reciprocity: swapping the ends, their heights and the profile's direction gives the same loss",
          .enabled(if: SharedData.has(RealTileTests.folder), SharedData.skipReason))
    func reciprocity() throws {
        let profiler = TerrainProfiler(tiles: try RealTileTests.tiles)
        var heights: [Double] = []
        var modes: Set<ITMPropagationMode> = []
        for (txLat, txLon, rxLat, rxLon, txH, rxH, f) in Self.paths {
            let profile = try profiler.profile(txLatitude: txLat, txLongitude: txLon, rxLatitude: rxLat, rxLongitude: rxLon, into: &heights)
            let forward = try ITM.pointToPoint(
                heightsM: heights, spacingM: profile.spacingM, link: ITMLink(txHeightM: txH, rxHeightM: rxH, frequencyMHz: f),
                parameters: ITMParameters()
            )
            let backward = try ITM.pointToPoint(
                heightsM: heights.reversed(), spacingM: profile.spacingM, link: ITMLink(txHeightM: rxH, rxHeightM: txH, frequencyMHz: f),
                parameters: ITMParameters()
            )
            #expect(abs(forward.lossDB - backward.lossDB) < 0.01, "\(txLat),\(txLon) → \(rxLat),\(rxLon): \(forward.lossDB) vs \(backward.lossDB)")
            #expect(forward.mode == backward.mode)
            #expect(abs(forward.horizonDistancesM.tx - backward.horizonDistancesM.rx) < 1e-6)
            #expect(abs(forward.horizonDistancesM.rx - backward.horizonDistancesM.tx) < 1e-6)
            #expect(abs(forward.terrainIrregularityM - backward.terrainIrregularityM) < 1e-6)
            #expect(forward.lossDB > forward.freeSpaceLossDB - 10)
            modes.insert(forward.mode)
        }
        #expect(modes.count >= 2, "the paths cover more than one propagation mode: \(modes)")
    }

    static let flat = [Double](repeating: 10, count: 101)

    static func loss(
        _ link: ITMLink, _ parameters: ITMParameters = ITMParameters(), heights: [Double] = flat, spacing: Double = 100
    ) throws(ITMError) -> ITMResult {
        try ITM.pointToPoint(heightsM: heights, spacingM: spacing, link: link, parameters: parameters)
    }

    @Test("inputs outside ITM's domain are typed errors with the value and the allowed range")
    func domainErrors() throws {
        let link = ITMLink(txHeightM: 30, rxHeightM: 1.5, frequencyMHz: 900)
        #expect(throws: ITMError(.txHeight, value: 0.4, allowed: "0.5–3000")) {
            try Self.loss(ITMLink(txHeightM: 0.4, rxHeightM: 1.5, frequencyMHz: 900))
        }
        #expect(throws: ITMError(.rxHeight, value: 3001, allowed: "0.5–3000")) {
            try Self.loss(ITMLink(txHeightM: 30, rxHeightM: 3001, frequencyMHz: 900))
        }
        #expect(throws: ITMError(.frequency, value: 20001, allowed: "20–20000")) {
            try Self.loss(ITMLink(txHeightM: 30, rxHeightM: 1.5, frequencyMHz: 20001))
        }
        #expect(throws: ITMError(.refractivity, value: 200, allowed: "250–400")) {
            try Self.loss(link, ITMParameters(refractivityN0: 200))
        }
        #expect(throws: ITMError(.permittivity, value: 0.5, allowed: "1 or more")) { try Self.loss(link, ITMParameters(permittivity: 0.5)) }
        #expect(throws: ITMError(.conductivity, value: 0, allowed: "above 0")) { try Self.loss(link, ITMParameters(conductivitySPerM: 0)) }
        #expect(throws: ITMError(.time, value: 100, allowed: "above 0 and below 100")) { try Self.loss(link, ITMParameters(timePercent: 100)) }
        #expect(throws: ITMError(.location, value: 0, allowed: "above 0 and below 100")) { try Self.loss(link, ITMParameters(locationPercent: 0)) }
        #expect(throws: ITMError(.variabilityMode, value: 5, allowed: "0–3, 10–13, 20–23 or 30–33")) { try ITMVariabilityMode(code: 5) }
        #expect(try ITMVariabilityMode(code: 32) == ITMVariabilityMode(base: .mobile, eliminatesLocationVariability: true, eliminatesSituationVariability: true))
        #expect(throws: ITMError(.profileIntervals, value: 1, allowed: "2 or more")) { try Self.loss(link, heights: [1, 2]) }
        #expect(throws: ITMError(.profileSpacing, value: 0, allowed: "above 0")) { try Self.loss(link, spacing: 0) }
        #expect(throws: ITMError.self) { try Self.loss(link, heights: [1, .nan, 3]) }
        // A path 10 km above sea level: N_s = 360 exp(−10000/9460) ≈ 125 N-units, below 150.
        do {
            _ = try Self.loss(link, heights: [Double](repeating: 10_000, count: 101))
            Issue.record("expected a surface refractivity error")
        } catch {
            #expect(error.parameter == .surfaceRefractivity && abs(error.value - 360 * exp(-10_000 / 9460.0)) < 1e-9)
            #expect(error.description.contains("surface refractivity N_s") && error.description.contains("150–400"))
        }
    }

    @Test("warnings: heights and frequency near the domain's edge, short paths")
    func warnings() throws {
        let result = try Self.loss(ITMLink(txHeightM: 0.8, rxHeightM: 1.5, frequencyMHz: 30))
        #expect(result.warnings.contains(.txTerminalHeight))
        #expect(result.warnings.contains(.frequency))
        #expect(!result.warnings.contains(.rxTerminalHeight))
        let short = try Self.loss(ITMLink(txHeightM: 30, rxHeightM: 1.5, frequencyMHz: 900), spacing: 5)
        #expect(short.warnings.contains(.pathDistanceTooSmall2))
        #expect(short.distanceM == 500)
    }

    @Test("a smooth short path is line of sight near free space; a long one is beyond the horizon")
    func modes() throws {
        let near = try Self.loss(ITMLink(txHeightM: 30, rxHeightM: 1.5, frequencyMHz: 900))
        #expect(near.mode == .lineOfSight)
        #expect(abs(near.freeSpaceLossDB - (32.45 + 20 * log10(900.0) + 20 * log10(10.0))) < 1e-9)
        let far = try Self.loss(ITMLink(txHeightM: 30, rxHeightM: 1.5, frequencyMHz: 900), heights: [Double](repeating: 10, count: 801))
        #expect(far.mode != .lineOfSight && far.lossDB > far.freeSpaceLossDB + 10, "\(far.mode), \(far.lossDB) dB")
    }
}
