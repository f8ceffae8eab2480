import Foundation
import GEOSKit
import PhusongSupport

/// Where a point falls among the administrative units.
public struct AdminMatch: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        /// A unit's polygon covers the point (boundary included).
        case inside
        /// No polygon covers the point; the nearest one is within `AdminAssigner.nearestLimitM`.
        case nearest
        /// No polygon within the limit.
        case none
    }

    public var method: Method
    /// Index into `AdminBoundaries.assignmentUnits`, nil for `.none`.
    public var unitIndex: Int?
    /// Great-circle distance from the point to the unit's boundary, metres (0 inside).
    public var distanceM: Double
    /// For `.nearest`: every unit within the limit, nearest first (a point on a coast may be
    /// equally plausible in several).
    public var nearbyUnitIndices: [Int] = []

    public static let unmatched = AdminMatch(method: .none, unitIndex: nil, distanceM: .infinity)
}

/// Assigns lon/lat points to administrative units by point-in-polygon, in parallel.
///
/// Each task reads the units from WKB into its own GEOS context and builds its own STRtree
/// and prepared geometries (GEOS objects must not be shared between threads); one chunk per
/// thread, so that set-up is paid once per thread, not once per chunk. Where polygons
/// overlap (slivers of simplified boundaries), the unit with the smallest code wins.
public enum AdminAssigner {
    /// A point outside every polygon takes the nearest unit within this distance, metres.
    public static let nearestLimitM = 5_000.0

    /// Matches each point (`lon`, `lat` in degrees) to a unit of `units` (sorted by code).
    /// The result is in point order and does not depend on `threads`.
    public static func assign(
        lons: [Double], lats: [Double], units: [AdminUnit], threads: Int
    ) async throws -> [AdminMatch] {
        precondition(lons.count == lats.count, "lons and lats must have one entry per point")
        guard !units.isEmpty else { return Array(repeating: .unmatched, count: lons.count) }
        return try await TaskPool.map(count: lons.count, threads: threads, minimumChunk: 2_048, chunksPerThread: 1) { range in
            let matcher = try UnitMatcher(units: units)
            var matches: [AdminMatch] = []
            matches.reserveCapacity(range.count)
            for index in range {
                matches.append(try matcher.match(lon: lons[index], lat: lats[index]))
            }
            return matches
        }
    }
}

/// The per-task GEOS state for matching points: the units' geometries, an STRtree over them
/// and prepared geometries made on first use.
private final class UnitMatcher {
    let context: GEOSContext
    let geometries: [Geometry]
    let tree: STRtree
    var prepared: [PreparedGeometry?]

    init(units: [AdminUnit]) throws {
        context = try GEOSContext()
        var geometries: [Geometry] = []
        geometries.reserveCapacity(units.count)
        for unit in units { geometries.append(try context.geometry(fromWKB: unit.wkb)) }
        self.geometries = geometries
        tree = try STRtree(envelopes: units.map(\.envelope), context: context)
        prepared = Array(repeating: nil, count: units.count)
    }

    private func preparedGeometry(_ index: Int) throws -> PreparedGeometry {
        if let existing = prepared[index] { return existing }
        let made = try geometries[index].prepared()
        prepared[index] = made
        return made
    }

    func match(lon: Double, lat: Double) throws -> AdminMatch {
        // Candidates come in ascending index order, i.e. ascending code: the first unit that
        // covers the point is the one with the smallest code.
        for index in try tree.query(Envelope(x: lon, y: lat)) where try preparedGeometry(index).coversPoint(x: lon, y: lat) {
            return AdminMatch(method: .inside, unitIndex: index, distanceM: 0)
        }
        return try nearest(lon: lon, lat: lat)
    }

    /// The nearest unit within the limit: candidates from the tree within a box of the limit
    /// around the point, distance measured on the sphere to GEOS's nearest boundary point.
    private func nearest(lon: Double, lat: Double) throws -> AdminMatch {
        let limit = AdminAssigner.nearestLimitM
        let degreesLat = limit / (Geodesy.earthRadiusM * Double.pi / 180)
        let degreesLon = degreesLat / max(0.01, cos(lat * Double.pi / 180))
        let box = Envelope(minX: lon - degreesLon, minY: lat - degreesLat, maxX: lon + degreesLon, maxY: lat + degreesLat)
        let candidates = try tree.query(box)
        guard !candidates.isEmpty else { return .unmatched }
        let point = try context.point(x: lon, y: lat)
        var nearby: [(index: Int, distance: Double)] = []
        for index in candidates {
            guard let nearest = try geometries[index].nearestPoints(to: point) else { continue }
            let distance = Geodesy.distanceM(lon1: lon, lat1: lat, lon2: nearest.x1, lat2: nearest.y1)
            if distance <= limit { nearby.append((index, distance)) }
        }
        // Nearest first; equal distances: the smaller code (index) first.
        nearby.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
        guard let best = nearby.first else { return .unmatched }
        return AdminMatch(method: .nearest, unitIndex: best.index, distanceM: best.distance,
                          nearbyUnitIndices: nearby.map(\.index))
    }
}
