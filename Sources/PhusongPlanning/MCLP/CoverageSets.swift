import Foundation
import PhusongCoverage
import PhusongOptimization
import PhusongSupport

/// Builds the sparse coverage sets of a maximal covering instance: for each candidate, the
/// demand points within the service radius (distance ≤ radius, inclusive).
///
/// With coordinates, demand points are bucketed into rows of latitude (or y), each sorted by
/// longitude (or x); a site then looks only at the rows its radius reaches and, in each, at
/// a binary-searched window of longitudes, and tests the exact distance there. That is
/// O(n log n) to build plus the points near each site, instead of all pairs. Only rows that
/// hold points are visited, so the work never depends on how far apart the coordinates are
/// or how small the radius is (issue 13: huge coordinates made it loop over 10^15 empty rows).
enum CoverageSets {
    static func build(_ instance: MCLPInstance, radius: Double, threads: Int) async throws -> [[Int32]] {
        switch instance.distances {
        case .matrix(let entries):
            var sets = [[Int32]](repeating: [], count: instance.candidateIDs.count)
            for entry in entries where entry.metres <= radius { sets[entry.candidate].append(Int32(entry.demand)) }
            return sets.map { $0.sorted() }
        case .coordinates(let demand, let candidates, let metric):
            let rows = PointRows(demand, radius: radius, metric: metric)
            let work = candidates.count * 64
            return try await TaskPool.map(count: candidates.count, work: work, threads: threads) { range in
                range.map { rows.within(radius, of: candidates[$0]) }
            }
        }
    }
}

/// Points in rows of y (latitude), each row sorted by x (longitude), for radius queries.
private struct PointRows: Sendable {
    private struct Row: Sendable {
        var xs: [Double] = []
        var indices: [Int32] = []
    }

    private let points: [MCLPInstance.Point]
    private let metric: DistanceMetric
    /// Row height in y units (degrees of latitude for haversine).
    private let height: Double
    /// The keys of the rows that hold points, ascending, and those rows.
    private let rowKeys: [Int]
    private let rows: [Row]

    /// Metres per degree of arc on the mean sphere.
    private static let metresPerDegree = Geodesy.earthRadiusM * Double.pi / 180

    init(_ points: [MCLPInstance.Point], radius: Double, metric: DistanceMetric) {
        self.points = points
        self.metric = metric
        let reach = metric == .euclidean ? radius : radius / Self.metresPerDegree
        height = reach > 0 ? reach : 1
        var rows: [Int: Row] = [:]
        let order = points.indices.sorted { points[$0].x < points[$1].x || (points[$0].x == points[$1].x && $0 < $1) }
        for index in order {
            let key = Self.rowKey(points[index].y, height: height)
            rows[key, default: Row()].xs.append(points[index].x)
            rows[key, default: Row()].indices.append(Int32(index))
        }
        rowKeys = rows.keys.sorted()
        self.rows = rowKeys.map { rows[$0] ?? Row() }
    }

    /// Indices (ascending) of the points within `radius` of `centre`, inclusive.
    func within(_ radius: Double, of centre: MCLPInstance.Point) -> [Int32] {
        // Windows are widened by a hair so that rounding never drops a point; the exact test
        // decides.
        let slack = 1e-9 * (1 + abs(centre.x) + abs(centre.y) + radius)
        let reachY = (metric == .euclidean ? radius : radius / Self.metresPerDegree) + slack
        var found: [Int32] = []
        let firstRow = Self.rowKey(centre.y - reachY, height: height)
        let lastRow = Self.rowKey(centre.y + reachY, height: height)
        var rowPosition = Self.firstIndex(in: rowKeys, notBelow: firstRow)
        while rowPosition < rowKeys.count, rowKeys[rowPosition] <= lastRow {
            let row = rows[rowPosition]
            rowPosition += 1
            for (low, high) in xWindows(radius, centre: centre, slack: slack) {
                var position = Self.firstIndex(in: row.xs, notBelow: low)
                while position < row.xs.count, row.xs[position] <= high {
                    let index = row.indices[position]
                    if isWithin(radius, centre, points[Int(index)]) { found.append(index) }
                    position += 1
                }
            }
        }
        return found.sorted()
    }

    /// The x (longitude) ranges that can hold points within reach. For haversine, the exact
    /// longitude half-width asin(sin δ / cos φ) at angular radius δ (Matuschek, "Finding
    /// points within a distance of a latitude/longitude using bounding coordinates"), all
    /// longitudes when a pole is within reach, and the part across ±180° wrapped around.
    private func xWindows(_ radius: Double, centre: MCLPInstance.Point, slack: Double) -> [(Double, Double)] {
        switch metric {
        case .euclidean:
            return [(centre.x - radius - slack, centre.x + radius + slack)]
        case .haversine:
            let angle = radius / Geodesy.earthRadiusM
            let latitude = centre.y * Double.pi / 180
            let ratio = sin(angle) / cos(latitude)
            guard angle < Double.pi / 2, abs(latitude) + angle < Double.pi / 2, ratio < 1 else { return [(-.infinity, .infinity)] }
            let half = asin(ratio) * 180 / Double.pi + slack
            var windows = [(centre.x - half, centre.x + half)]
            if centre.x - half < -180 { windows.append((centre.x - half + 360, .infinity)) }
            if centre.x + half > 180 { windows.append((-.infinity, centre.x + half - 360)) }
            return windows
        }
    }

    private func isWithin(_ radius: Double, _ a: MCLPInstance.Point, _ b: MCLPInstance.Point) -> Bool {
        switch metric {
        case .euclidean:
            let dx = a.x - b.x
            let dy = a.y - b.y
            return dx * dx + dy * dy <= radius * radius
        case .haversine:
            return Geodesy.distanceM(lon1: a.x, lat1: a.y, lon2: b.x, lat2: b.y) <= radius
        }
    }

    /// The row of a y value; clamped so that extreme values cannot overflow (rows stay in
    /// y order, so queries still see every row they reach).
    private static func rowKey(_ y: Double, height: Double) -> Int {
        Int(max(-1e15, min(1e15, y / height)).rounded(.down))
    }

    private static func firstIndex<T: Comparable>(in sorted: [T], notBelow value: T) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
