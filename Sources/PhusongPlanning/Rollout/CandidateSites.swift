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

/// Candidate locations for new sites (planning.md): every dead-zone village, the points of a
/// regular grid within a distance of a dead-zone village, and any user-supplied ones.
public enum CandidateSites {
    /// Metres per degree of latitude on the model's sphere.
    static let metresPerDegree = Geodesy.earthRadiusM * Double.pi / 180

    /// The candidates, in a fixed order: user file, dead-zone villages, grid points (row by row).
    public static func generate(
        deadZones: [Village], gridKm: Double, radiusKm: Double, extra: [CandidateLocation]
    ) -> [CandidateLocation] {
        var candidates = extra
        candidates += deadZones.map { CandidateLocation(id: "DZ-" + $0.id, lon: $0.lon, lat: $0.lat) }
        guard gridKm > 0, radiusKm > 0, !deadZones.isEmpty else { return candidates }
        // Grid in degrees: rows every gridKm of latitude, columns every gridKm of longitude at
        // the scenario's mean latitude (so the grid is fixed for the whole scenario).
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

    /// Reads a user candidates file: CSV with `id`, `lon`/`lng`/`longitude`/`x`, `lat`/`latitude`/`y`.
    public static func read(path: String) throws(LoadError) -> [CandidateLocation] {
        let table = try CSVTable.read(path)
        let names = table.header.map { $0.lowercased() }
        func column(_ accepted: [String]) -> Int? { names.firstIndex { accepted.contains($0) } }
        guard let id = column(["id", "candidate_id", "site_id"]), let lon = column(["lon", "lng", "long", "longitude", "x"]),
              let lat = column(["lat", "latitude", "y"]) else {
            throw LoadError(problems: [Problem(file: path, line: table.headerLine, column: "header", value: nil,
                                               reason: "a candidates file needs the columns id, lon, lat")])
        }
        var candidates: [CandidateLocation] = []
        var problems: [Problem] = []
        for row in table.rows {
            let field = { (index: Int) in index < row.fields.count ? row.fields[index] : "" }
            guard let x = Double(field(lon)), let y = Double(field(lat)), (-180...180).contains(x), (-90...90).contains(y) else {
                problems.append(Problem(file: path, line: row.line, column: "lon/lat", value: field(lon) + " " + field(lat),
                                        reason: "not a longitude/latitude pair"))
                continue
            }
            candidates.append(CandidateLocation(id: field(id), lon: x, lat: y))
        }
        if !problems.isEmpty { throw LoadError(problems: problems) }
        return candidates
    }
}
