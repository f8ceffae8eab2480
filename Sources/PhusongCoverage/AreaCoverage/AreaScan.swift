import Foundation
import GEOSKit
import PhusongSupport

/// The covered areas behind ``AreaCoverage``: unions of footprints, clipped to provinces or
/// not, measured by scan lines of latitude instead of built as polygons.
///
/// Method (docs/specs/indicators.md §5, "How the area is measured"). The area on the sphere of
/// a lon/lat region U is A = R² ∫ L(φ) cos φ dφ, where L(φ) is the length (radians of
/// longitude) of U's section at latitude φ. The latitudes are cut into rows
/// (``LatitudeRows``, `rowsPerDegree` per degree); in each row the section is taken on the
/// centre line, exactly (each footprint's section is found from its edges, then the sections
/// are united, intersected with the province's section, and measured as sets of intervals,
/// ``Spans``), and weighted with the row's exact area per radian of longitude:
///     A ≈ Σ_j L(φ_j) · R² (sin φ_j,north − sin φ_j,south).
///
/// Error bound. In row j every section S(φ) lies between an inner and an outer set computed
/// from the polygons' edges in the band (``ScanLayer``); union and intersection keep that
/// order, so S_U(φ_j) and the true S_U(φ) both lie between the united inner and outer sets,
/// and |estimate − A| ≤ Σ_j w_j (|outer_j| − |inner_j|) = upper − lower, where lower and
/// upper are the same scan run on the inner and outer layers (``areasM2(layer:threads:)``):
/// a bound computed on the data, proven for any polygons, which shrinks in proportion to the
/// row height. It is measured, not assumed: the tests and docs quote it.
///
/// Rows are processed in strips of `rowsPerStrip` rows, one task each (footprints and
/// province rings whose latitudes reach the strip), so memory holds only the strips in
/// flight; the strips' sums are added in strip order, so the result does not depend on the
/// number of threads.
struct AreaScan: Sendable {
    /// 1/1200° rows (3″, 93 m of latitude).
    static let rowsPerDegree = 1200
    /// Rows per task.
    static let rowsPerStrip = 64

    let rows = LatitudeRows(perDegree: rowsPerDegree)
    let footprints: [CoverageFootprint]
    /// Territory of each footprint: its province's index (`territories − 1` for none) when
    /// unclipped, 0 when clipped.
    let territoryOf: [Int]
    let territories: Int
    /// Province outlines when clipping: each province's rings (flat lon/lat pairs, degrees).
    let clips: [[[Double]]]?
    private let clipEnvelopes: [Envelope]
    /// Footprint indices by southern edge, with those edges, and the tallest footprint.
    private let bySouth: [Int]
    private let souths: [Double]
    private let tallestDeg: Double

    init(footprints: [CoverageFootprint], territoryOf: [Int], territories: Int, clips: [[[Double]]]?) {
        self.footprints = footprints
        self.territoryOf = territoryOf
        self.territories = territories
        self.clips = clips
        clipEnvelopes = (clips ?? []).map { rings in
            var envelope = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
            for ring in rings {
                for index in stride(from: 0, to: ring.count - 1, by: 2) {
                    envelope = envelope.union(Envelope(x: ring[index], y: ring[index + 1]))
                }
            }
            return envelope
        }
        bySouth = footprints.indices.sorted { a, b in
            footprints[a].envelope.minY != footprints[b].envelope.minY
                ? footprints[a].envelope.minY < footprints[b].envelope.minY : a < b
        }
        souths = bySouth.map { footprints[$0].envelope.minY }
        tallestDeg = footprints.map { $0.envelope.maxY - $0.envelope.minY }.max() ?? 0
    }

    /// Units measured: the provinces when clipping, the territories otherwise.
    var units: Int { clips?.count ?? territories }

    /// Covered areas, m², three per unit (4G, 5G, either), then three for the whole: the union
    /// of every footprint without clips (0 with clips: the caller sums the provinces).
    func areasM2(layer: ScanLayer, threads: Int) async throws -> [Double] {
        var envelope = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for footprint in footprints { envelope = envelope.union(footprint.envelope) }
        var sums = [Double](repeating: 0, count: 3 * (units + 1))
        guard !footprints.isEmpty else { return sums }
        let all = rows.rowsMeeting(from: envelope.minY, to: envelope.maxY)
        let first = all.lowerBound.floorDivided(by: Self.rowsPerStrip)
        let strips = (all.upperBound - 1).floorDivided(by: Self.rowsPerStrip) - first + 1
        let perStrip = try await TaskPool.run(count: strips, threads: threads) { index in
            let lower = (first + index) * Self.rowsPerStrip
            return self.stripAreasM2(lower..<(lower + Self.rowsPerStrip), layer: layer)
        }
        for strip in perStrip {
            for index in sums.indices { sums[index] += strip[index] }
        }
        return sums
    }

    /// The sums of `areasM2` over the rows of one strip.
    private func stripAreasM2(_ strip: Range<Int>, layer: ScanLayer) -> [Double] {
        let south = rows.southDeg(strip.lowerBound), north = rows.southDeg(strip.upperBound)
        var sections = PolygonSections(rows: rows, layer: layer)
        var rowSpans: [RowSpan] = []
        for index in footprintsMeeting(south: south, north: north) {
            let footprint = footprints[index]
            let label = (footprint.technology == .lte ? 0 : territories) + territoryOf[index]
            sections.append(rings: CollectionOfOne(footprint.ring), strip: strip, label: label, to: &rowSpans)
        }
        let covered = RowBuckets(rowSpans, strip: strip, labels: 2 * territories)
        var provinces: RowBuckets?
        if let clips {
            rowSpans.removeAll(keepingCapacity: true)
            for (index, rings) in clips.enumerated()
            where clipEnvelopes[index].maxY >= south && clipEnvelopes[index].minY <= north {
                sections.append(rings: rings, strip: strip, label: index, to: &rowSpans)
            }
            provinces = RowBuckets(rowSpans, strip: strip, labels: clips.count)
        }
        var sums = [Double](repeating: 0, count: 3 * (units + 1))
        var lines = RowLines()
        for row in strip {
            let weight = rows.weightM2PerRadian(row) * (Double.pi / 180)
            if let provinces {
                lines.unite(covered.group(row: row, label: 0), covered.group(row: row, label: 1))
                for unit in 0..<units {
                    let province = provinces.group(row: row, label: unit)
                    guard !province.isEmpty else { continue }
                    sums[3 * unit] += weight * Spans.intersectionLength(lines.lte, province)
                    sums[3 * unit + 1] += weight * Spans.intersectionLength(lines.nr, province)
                    sums[3 * unit + 2] += weight * Spans.intersectionLength(lines.either, province)
                }
            } else {
                lines.startWhole()
                for territory in 0..<territories {
                    let lte = covered.group(row: row, label: territory)
                    let nr = covered.group(row: row, label: territories + territory)
                    guard !lte.isEmpty || !nr.isEmpty else { continue }
                    lines.unite(lte, nr)
                    sums[3 * territory] += weight * Spans.length(lines.lte)
                    sums[3 * territory + 1] += weight * Spans.length(lines.nr)
                    sums[3 * territory + 2] += weight * Spans.length(lines.either)
                    lines.addToWhole()
                }
                lines.uniteWhole()
                sums[3 * units] += weight * Spans.length(lines.lte)
                sums[3 * units + 1] += weight * Spans.length(lines.nr)
                sums[3 * units + 2] += weight * Spans.length(lines.either)
            }
        }
        return sums
    }

    /// Footprints whose latitudes meet [south, north], in order of their western edge (ties:
    /// index), so that each row's spans arrive nearly sorted (``RowBuckets``).
    private func footprintsMeeting(south: Double, north: Double) -> [Int] {
        var low = 0, high = souths.count
        while low < high {
            let middle = (low + high) / 2
            if souths[middle] < south - tallestDeg { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        for position in low..<souths.count {
            if souths[position] > north { break }
            let index = bySouth[position]
            if footprints[index].envelope.maxY >= south { found.append(index) }
        }
        return found.sorted { a, b in
            footprints[a].envelope.minX != footprints[b].envelope.minX
                ? footprints[a].envelope.minX < footprints[b].envelope.minX : a < b
        }
    }
}

/// The united sections of one row: 4G, 5G and either, for one territory, and the same for
/// the whole country gathered across territories. Buffers are reused from row to row.
private struct RowLines {
    private(set) var lte: [Span] = []
    private(set) var nr: [Span] = []
    private(set) var either: [Span] = []
    private var wholeLTE: [Span] = []
    private var wholeNR: [Span] = []

    /// 4G, 5G and either from the two groups' spans (each sorted by start).
    mutating func unite(_ lteSpans: ArraySlice<Span>, _ nrSpans: ArraySlice<Span>) {
        lte.removeAll(keepingCapacity: true)
        nr.removeAll(keepingCapacity: true)
        either.removeAll(keepingCapacity: true)
        Spans.appendUnion(ofSorted: lteSpans, to: &lte)
        Spans.appendUnion(ofSorted: nrSpans, to: &nr)
        Spans.appendUnion(lte, nr, to: &either)
    }

    mutating func startWhole() {
        wholeLTE.removeAll(keepingCapacity: true)
        wholeNR.removeAll(keepingCapacity: true)
    }

    /// Adds the current territory's 4G and 5G to the whole.
    mutating func addToWhole() {
        wholeLTE.append(contentsOf: lte)
        wholeNR.append(contentsOf: nr)
    }

    /// 4G, 5G and either of the whole (the territories' sections united).
    mutating func uniteWhole() {
        lte.removeAll(keepingCapacity: true)
        nr.removeAll(keepingCapacity: true)
        either.removeAll(keepingCapacity: true)
        Spans.appendUnion(of: &wholeLTE, to: &lte)
        Spans.appendUnion(of: &wholeNR, to: &nr)
        Spans.appendUnion(lte, nr, to: &either)
    }
}

extension Int {
    /// ⌊self / divisor⌋ for a positive divisor (Swift's `/` rounds toward zero).
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return self % divisor < 0 ? quotient - 1 : quotient
    }
}
