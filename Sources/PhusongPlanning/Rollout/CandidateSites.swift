import Foundation
import PhusongCoverage

/// A place where a new site could be built.
public struct CandidateLocation: Sendable, Hashable {
    public var id: String
    public var lon: Double
    public var lat: Double

    public init(id: String, lon: Double, lat: Double) {
        self.id = id
        self.lon = lon
        self.lat = lat
    }
}

/// Candidate locations for new sites (docs/specs/planning.md): every dead-zone village, the points of a
/// regular grid within a distance of a dead-zone village, and any user-supplied ones.
public enum CandidateSites {
    /// Metres per degree of latitude on the model's sphere.
    static let metresPerDegree = Geodesy.earthRadiusM * Double.pi / 180

    /// The candidates, in an order that does not depend on the order of `deadZones` and
    /// `extra` (issue 13, class 8): the user's by id, the dead-zone villages' by village id,
    /// then the grid points row by row.
    public static func generate(
        deadZones: [Village], gridKm: Double, radiusKm: Double, extra: [CandidateLocation]
    ) -> [CandidateLocation] {
        let deadZones = CanonicalOrder.villages(deadZones).map { deadZones[$0] }
        var candidates = CanonicalOrder.locations(extra)
        candidates += deadZones.map { CandidateLocation(id: "DZ-" + $0.id, lon: $0.lon, lat: $0.lat) }
        guard gridKm > 0, radiusKm > 0, !deadZones.isEmpty else { return candidates }
        // Grid in degrees: rows every gridKm of latitude, columns every gridKm of longitude at
        // the scenario's mean latitude (so the grid is fixed for the whole scenario), summed in
        // village id order (a floating-point sum depends on its order).
        let meanLat = deadZones.map(\.lat).reduce(0, +) / Double(deadZones.count)
        let latStep = gridKm * 1000 / metresPerDegree
        let lonStep = latStep / max(0.01, cos(meanLat * Double.pi / 180))
        let radiusM = radiusKm * 1000
        var points = Set<GridPoint>()
        // The conversions below are safe: latitudes are within ±90°, the grid at least 0.5 km
        // and the radius at most 100 km (SettingRanges), so rows and columns stay within
        // ±10⁶.
        for village in deadZones {
            let latSpan = radiusM / metresPerDegree
            let lonSpan = latSpan / max(0.01, cos((abs(village.lat) + latSpan) * Double.pi / 180))
            let rows = Int(((village.lat - latSpan) / latStep).rounded(.down))...Int(((village.lat + latSpan) / latStep).rounded(.up))
            let columns = Int(((village.lon - lonSpan) / lonStep).rounded(.down))...Int(((village.lon + lonSpan) / lonStep).rounded(.up))
            for row in rows {
                for column in columns {
                    let lat = Double(row) * latStep
                    let lon = Double(column) * lonStep
                    if abs(lat) <= 90, Geodesy.distanceM(lon1: village.lon, lat1: village.lat, lon2: lon, lat2: lat) <= radiusM {
                        points.insert(GridPoint(row: row, column: column))
                    }
                }
            }
        }
        for point in points.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
            // Points past ±180° (near the antimeridian) are given as the same meridian on the
            // other side.
            let lon = Double(point.column) * lonStep
            candidates.append(CandidateLocation(id: "G\(point.row)_\(point.column)",
                                                lon: lon > 180 ? lon - 360 : (lon < -180 ? lon + 360 : lon),
                                                lat: Double(point.row) * latStep))
        }
        return candidates
    }

    private struct GridPoint: Hashable {
        var row: Int
        var column: Int
    }

    /// Reads a user candidates file: CSV with `id` (or `candidate_id`, `site_id`),
    /// `lon`/`lng`/`long`/`longitude`/`x` and `lat`/`latitude`/`y`, checked like villages.csv:
    /// ids non-empty and unique, and neither the id of an existing site (`existingSiteIDs`;
    /// a new site would merge with it) nor one of the planner's own (`DZ-<village id>`,
    /// `G<row>_<column>`); longitude −180..180 and latitude −90..90; at least one row.
    /// - Throws: `LoadError` with every problem as `file:line: column: value: reason`.
    public static func read(path: String, existingSiteIDs: Set<String> = []) throws(LoadError) -> [CandidateLocation] {
        let table = try CSVTable.read(path)
        var fields = TableFields(
            table, required: ["id", "lon", "lat"],
            aliases: ["id": ["candidate_id", "site_id"], "lon": ["lng", "long", "longitude", "x"], "lat": ["latitude", "y"]],
            example: "id,lon,lat")
        guard fields.problems.isEmpty else { throw LoadError(problems: fields.problems) }
        var candidates: [CandidateLocation] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            var id = fields.uniqueText(row, "id", firstLine: &firstLine)
            if let given = id, let fault = reservedFault(given, existingSiteIDs: existingSiteIDs) {
                fields.fail(row, "id", value: given, fault)
                id = nil
            }
            let lon = fields.number(row, "lon", coordinate: .longitude) {
                Problem.ValueFault.Coordinate.longitude.range.contains($0) ? nil : .notACoordinate(.longitude)
            }
            let lat = fields.number(row, "lat", coordinate: .latitude) {
                Problem.ValueFault.Coordinate.latitude.range.contains($0) ? nil : .notACoordinate(.latitude)
            }
            if let id, let lon, let lat { candidates.append(CandidateLocation(id: id, lon: lon, lat: lat)) }
        }
        if table.rows.isEmpty { fields.fail(.headerOnly(rows: "candidate sites")) }
        if !fields.problems.isEmpty { throw LoadError(problems: fields.problems) }
        return candidates
    }

    /// Why `id` cannot name a new site, or nil.
    private static func reservedFault(_ id: String, existingSiteIDs: Set<String>) -> Problem.ValueFault? {
        if existingSiteIDs.contains(id) { return .existingSiteID }
        let parts = id.dropFirst().split(separator: "_", omittingEmptySubsequences: false)
        let isGridID = id.hasPrefix("G") && parts.count == 2 && parts.allSatisfy { Int($0) != nil }
        if id.hasPrefix("DZ-") || isGridID {
            return .plannerID
        }
        return nil
    }
}
