import Foundation
import GEOSKit
import Testing
@testable import PhusongCoverage

/// The scan-line measure of unions (`AreaScan`) against known answers and against GEOS's
/// polygon union of the same footprints, with its certain bounds.
@Suite("Area coverage: scan lines")
struct AreaCoverageScanTests {
    static let tracer = FootprintTracer(bearings: 360, toleranceM: 5, parameters: RadioModelParameters())

    /// A footprint with every ray `radiusM` long (a 360-gon inscribed in the circle).
    static func disc(lon: Double, lat: Double, radiusM: Double, technology: Technology = .lte) throws -> CoverageFootprint {
        try #require(tracer.footprint(lon: lon, lat: lat, raysM: [Double](repeating: radiusM, count: 360),
                                      technology: technology, provinceCode: nil))
    }

    /// The estimate and the two bounds of a scan, m².
    static func measure(_ footprints: [CoverageFootprint], clips: [[[Double]]]? = nil, threads: Int = 2)
        async throws -> (centre: [Double], inner: [Double], outer: [Double]) {
        let scan = AreaScan(footprints: footprints, territoryOf: footprints.map { _ in 0 }, territories: 1, clips: clips)
        return (try await scan.areasM2(layer: .centre, threads: threads),
                try await scan.areasM2(layer: .inner, threads: threads),
                try await scan.areasM2(layer: .outer, threads: threads))
    }

    /// GEOS's union of the footprints (each made valid), intersected with `clip` when given,
    /// and its exact area on the sphere, m²: the method the scan replaced.
    static func geosUnionM2(_ footprints: [CoverageFootprint], clip: Envelope? = nil, clipWKB: [UInt8]? = nil) throws -> Double {
        let context = try GEOSContext()
        var polygons: [Geometry] = []
        for footprint in footprints { polygons.append(try context.polygon(exterior: footprint.ring).makeValid()) }
        guard !polygons.isEmpty else { return 0 }
        var union = try context.unaryUnion(of: polygons)
        if let clip { union = try union.intersection(try context.rectangle(clip)) }
        if let clipWKB { union = try union.intersection(try context.geometry(fromWKB: clipWKB)) }
        return try SphericalArea.areaM2(of: union)
    }

    static func boxRings(_ box: Envelope) -> [[Double]] {
        [[box.minX, box.minY, box.maxX, box.minY, box.maxX, box.maxY, box.minX, box.maxY, box.minX, box.minY]]
    }

    @Test("latitude rows: centre lines and bands are found exactly, weights add up to the zone's area")
    func rows() {
        let rows = LatitudeRows(perDegree: 1200)
        let centred = rows.rowsCentred(from: 21.0, below: 21.01)
        for row in centred { #expect(rows.centreDeg(row) >= 21.0 && rows.centreDeg(row) < 21.01) }
        #expect(rows.centreDeg(centred.lowerBound - 1) < 21.0 && rows.centreDeg(centred.upperBound) >= 21.01)
        #expect(centred.count == 12)
        // A vertex on a centre line counts for the edge above it only.
        let line = rows.centreDeg(25_200)
        #expect(rows.rowsCentred(from: line, below: line + 0.0001) == 25_200..<25_201)
        #expect(rows.rowsCentred(from: line - 0.0001, below: line).isEmpty)
        #expect(rows.rowsMeeting(from: rows.southDeg(25_200), to: rows.southDeg(25_201)) == 25_199..<25_202)
        #expect(rows.rowsMeeting(from: -10.0004, to: -10.0001) == -12_001..<(-12_000))
        let zone = 25_200..<26_400
        let sum = zone.reduce(0.0) { $0 + rows.weightM2PerRadian($1) }
        let exact = pow(Geodesy.earthRadiusM, 2) * (sin(22 * Double.pi / 180) - sin(21 * Double.pi / 180))
        #expect(abs(sum - exact) < 1e-9 * exact)
    }

    @Test("spans: union, difference and intersection of interval lists")
    func spans() {
        var unsorted = [Span(start: 5, end: 6), Span(start: 0, end: 2), Span(start: 1, end: 3), Span(start: 3, end: 4)]
        var union: [Span] = []
        Spans.appendUnion(of: &unsorted, to: &union)
        #expect(union == [Span(start: 0, end: 4), Span(start: 5, end: 6)])
        var either: [Span] = []
        Spans.appendUnion(union, [Span(start: 3.5, end: 5.5), Span(start: 7, end: 8)], to: &either)
        #expect(either == [Span(start: 0, end: 6), Span(start: 7, end: 8)])
        var difference: [Span] = []
        Spans.appendDifference(either, minus: [Span(start: -1, end: 0.5), Span(start: 2, end: 2.5), Span(start: 7.5, end: 9)],
                               to: &difference)
        #expect(difference == [Span(start: 0.5, end: 2), Span(start: 2.5, end: 6), Span(start: 7, end: 7.5)])
        #expect(Spans.length(difference) == 5.5)
        #expect(Spans.intersectionLength(either, [Span(start: 5, end: 7.25)][...]) == 1.25)
    }

    @Test("a disc: the estimate is within its bounds, the bounds hold the polygon's exact area, and the polygon is the cap")
    func disc() async throws {
        let footprint = try Self.disc(lon: 105.3, lat: 21.2, radiusM: 10_000)
        let exact = SphericalArea.ringAreaM2(footprint.ring)
        let (centre, inner, outer) = try await Self.measure([footprint])
        #expect(inner[0] <= exact && exact <= outer[0])
        #expect(inner[0] <= centre[0] && centre[0] <= outer[0])
        // The certain bound is about 4 h r (h the row height, r the radius: the boundary's
        // extent in longitude, 4r, times h), 1.2 % at 10 km; the estimate is far closer.
        #expect((outer[0] - inner[0]) / exact < 0.015, "bound \(outer[0] - inner[0]) m²")
        // Measured: 1.3e-4 below the polygon's area (the rows that hold the top and bottom).
        #expect(abs(centre[0] - exact) / exact < 3e-4, "estimate \(centre[0]) m², exact \(exact) m²")
        // The 360-gon against the spherical cap 2πR²(1 − cos(r/R)): the chords cut 0.005 %.
        let cap = 2 * Double.pi * pow(Geodesy.earthRadiusM, 2) * (1 - cos(10_000 / Geodesy.earthRadiusM))
        #expect(abs(centre[0] / cap - 1) < 2e-4)
        // 4G only: 5G zero, either = 4G.
        #expect(centre[1] == 0 && centre[2] == centre[0])
    }

    @Test("two overlapping discs: the union within the bounds of GEOS's, less than the sum")
    func overlappingDiscs() async throws {
        let a = try Self.disc(lon: 105.3, lat: 21.2, radiusM: 8_000)
        let b = try Self.disc(lon: 105.4, lat: 21.25, radiusM: 6_000, technology: .nr)
        let (centre, inner, outer) = try await Self.measure([a, b])
        let union = try Self.geosUnionM2([a, b])
        #expect(inner[2] <= union && union <= outer[2])
        #expect(abs(centre[2] - union) / union < 3e-4, "scan \(centre[2]) m², GEOS \(union) m²")
        let sum = SphericalArea.ringAreaM2(a.ring) + SphericalArea.ringAreaM2(b.ring)
        #expect(centre[2] < sum * 0.97 && centre[2] > SphericalArea.ringAreaM2(a.ring))
        #expect(abs(centre[0] - SphericalArea.ringAreaM2(a.ring)) <= outer[0] - inner[0])
        #expect(abs(centre[1] - SphericalArea.ringAreaM2(b.ring)) <= outer[1] - inner[1])
    }

    @Test("a footprint across a province border: each part within the bounds of GEOS's clip, the parts add up")
    func acrossBorder() async throws {
        let footprint = try Self.disc(lon: 105.0, lat: 21.0, radiusM: 12_000)
        // Borders off the row grid (21.0004) and a slanted one would do alike; these are boxes.
        let west = Envelope(minX: 104.7, minY: 20.7004, maxX: 105.02, maxY: 21.3)
        let east = Envelope(minX: 105.02, minY: 20.7004, maxX: 105.3, maxY: 21.3)
        let (centre, inner, outer) = try await Self.measure([footprint], clips: [Self.boxRings(west), Self.boxRings(east)])
        for (unit, box) in [west, east].enumerated() {
            let clipped = try Self.geosUnionM2([footprint], clip: box)
            #expect(inner[3 * unit] <= clipped && clipped <= outer[3 * unit], "unit \(unit)")
            #expect(abs(centre[3 * unit] - clipped) / clipped < 1e-3, "unit \(unit): scan \(centre[3 * unit]), GEOS \(clipped)")
        }
        // The site is west of the border: the western part is the larger.
        #expect(centre[3] > 0 && centre[0] > centre[3])
        let whole = SphericalArea.ringAreaM2(footprint.ring)
        #expect(abs(centre[0] + centre[3] - whole) / whole < 3e-4)
        #expect(abs(centre[0] + centre[3] - whole) <= outer[0] + outer[3] - inner[0] - inner[3])
    }

    @Test("petals that touch at the site count once each, as GEOS's make-valid gives them")
    func petals() async throws {
        var rays = [Double](repeating: 5_000, count: 360)
        for k in Array(0..<40) + Array(170..<220) { rays[k] = 0 }
        let footprint = try #require(Self.tracer.footprint(lon: 105, lat: 21, raysM: rays, technology: .lte, provinceCode: nil))
        let (centre, inner, outer) = try await Self.measure([footprint])
        let geos = try Self.geosUnionM2([footprint])
        #expect(inner[0] <= geos && geos <= outer[0])
        #expect(abs(centre[0] - geos) / geos < 3e-4)
    }

    @Test("gain memo: finds every gain recorded, +0 and −0 as one, holds as many gains as bearings")
    func gainMemo() {
        var memo = GainMemo(capacity: 72)
        let gains = (0..<72).map { -Double($0) * 0.37 }
        for (index, gain) in gains.enumerated() { memo.insert(gain: gain, rayM: Double(index)) }
        for (index, gain) in gains.enumerated() { #expect(memo.ray(forGain: gain) == Double(index)) }
        #expect(memo.ray(forGain: -0.0) == 0 && memo.ray(forGain: -30) == nil && memo.ray(forGain: 1) == nil)
        memo.removeAll()
        #expect(memo.ray(forGain: 0) == nil && memo.ray(forGain: -0.37) == nil)
    }

    @Test("one thread or three: identical sums")
    func threads() async throws {
        let footprints = try (0..<40).map { try Self.disc(lon: 104 + 0.05 * Double($0), lat: 20 + 0.13 * Double($0 % 7), radiusM: 9_000) }
        let one = try await Self.measure(footprints, threads: 1)
        let three = try await Self.measure(footprints, threads: 3)
        #expect(one.centre == three.centre && one.inner == three.inner && one.outer == three.outer)
    }
}
