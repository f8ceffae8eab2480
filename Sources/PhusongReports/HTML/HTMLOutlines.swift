import Foundation
import GEOSKit
import PhusongCoverage

/// A province outline on the map: its rings as flat `[x0, y0, x1, y1, …]` frame units (open:
/// the closing position is not repeated), with the text of its tooltip.
struct HTMLProvinceOutline: Encodable, Sendable, Hashable {
    var code: String
    var name: String
    /// One line of indicators for the tooltip.
    var note: String
    var rings: [[Int]]
}

/// Province outlines simplified for drawing (the real 34-province layer has ~92,000
/// vertices; a few tens of thousands are plenty for a page).
enum HTMLOutlines {
    /// Total vertices the province outlines may keep.
    static let vertexBudget = 40_000
    /// Total vertices the commune outlines may keep (3,321 communes nationally: about 15 each).
    static let communeVertexBudget = 50_000

    /// The province outlines of `boundaries`, simplified with GEOS's topology-preserving
    /// simplifier at a tolerance of 1/1500 of the map's larger side (at least 0.002°; 0.01°
    /// for Vietnam), doubled until the outlines fit `vertexBudget`. With communes only, a
    /// province's outline is the union of its communes.
    /// - Parameter noVillages: the note of a province without villages in the run.
    static func outlines(
        _ boundaries: AdminBoundaries?, frame: HTMLMapFrame, notes: [String: String], noVillages: String = "no villages in this run"
    ) throws -> [HTMLProvinceOutline] {
        guard let boundaries else { return [] }
        let context = try GEOSContext()
        let units = try provinceGeometries(boundaries, context: context)
        return try simplified(units, frame: frame, budget: vertexBudget).map { unit, rings in
            HTMLProvinceOutline(code: unit.code, name: unit.name, note: notes[unit.code] ?? noVillages, rings: rings)
        }
    }

    /// The commune outlines of `boundaries` (none when it holds no communes), simplified as
    /// `outlines` does within `communeVertexBudget`; drawn without tooltips (empty notes).
    static func communeOutlines(_ boundaries: AdminBoundaries?, frame: HTMLMapFrame) throws -> [HTMLProvinceOutline] {
        guard let boundaries, !boundaries.communes.isEmpty else { return [] }
        let context = try GEOSContext()
        let units = try boundaries.communes.map { (code: $0.code, name: $0.name, geometry: try context.geometry(fromWKB: $0.wkb)) }
        return try simplified(units, frame: frame, budget: communeVertexBudget).map { unit, rings in
            HTMLProvinceOutline(code: unit.code, name: unit.name, note: "", rings: rings)
        }
    }

    /// `units` simplified at the smallest tolerance, from 1/1500 of the map's larger side and
    /// doubling, whose rings fit `budget` vertices in all.
    private static func simplified(
        _ units: [(code: String, name: String, geometry: Geometry)], frame: HTMLMapFrame, budget: Int
    ) throws -> [((code: String, name: String, geometry: Geometry), [[Int]])] {
        guard !units.isEmpty else { return [] }
        let span = Double(max(frame.width, frame.height)) / HTMLMapFrame.unitsPerDegree
        var tolerance = max(0.002, span / 1_500)
        while true {
            let minHoleArea = pow(3 * tolerance * HTMLMapFrame.unitsPerDegree, 2)
            let simplified = try units.map {
                try quantizedRings($0.geometry.topologyPreservingSimplify(tolerance: tolerance), frame: frame, minHoleArea: minHoleArea)
            }
            let vertices = simplified.reduce(0) { total, rings in total + rings.reduce(0) { $0 + $1.count / 2 } }
            if vertices <= budget || tolerance > 0.5 {
                return Array(zip(units, simplified))
            }
            tolerance *= 2
        }
    }

    /// The provinces of `boundaries`, or the unions of its communes by province when the
    /// boundary files hold communes only (a province whose union fails is left out).
    static func provinceGeometries(_ boundaries: AdminBoundaries, context: GEOSContext) throws -> [(code: String, name: String, geometry: Geometry)] {
        if !boundaries.provinces.isEmpty {
            return try boundaries.provinces.map { ($0.code, $0.name, try context.geometry(fromWKB: $0.wkb)) }
        }
        var byProvince: [String: [AdminUnit]] = [:]
        for commune in boundaries.communes {
            if let code = commune.provinceCode { byProvince[code, default: []].append(commune) }
        }
        var units: [(code: String, name: String, geometry: Geometry)] = []
        for code in byProvince.keys.sorted() {
            let members = try (byProvince[code] ?? []).map { try context.geometry(fromWKB: $0.wkb) }
            guard let union = try? context.unaryUnion(of: members) else { continue }
            units.append((code, boundaries.provinceName(code) ?? code, union))
        }
        return units
    }

    /// The rings of `geometry` in frame units, without repeated positions; rings left with
    /// fewer than 3 positions are dropped, and the holes of a dropped exterior with it, and
    /// holes smaller than `minHoleArea` (square units: slivers between communes).
    static func quantizedRings(_ geometry: Geometry, frame: HTMLMapFrame, minHoleArea: Double = 0) throws -> [[Int]] {
        var result: [[Int]] = []
        for polygon in try geometry.polygonRings() {
            for (index, ring) in polygon.enumerated() {
                var flat: [Int] = []
                flat.reserveCapacity(ring.count)
                var position = 0
                while position + 1 < ring.count {
                    let x = frame.x(ring[position]), y = frame.y(ring[position + 1])
                    position += 2
                    if flat.count >= 2, flat[flat.count - 2] == x, flat[flat.count - 1] == y { continue }
                    flat.append(x)
                    flat.append(y)
                }
                if flat.count >= 4, flat[0] == flat[flat.count - 2], flat[1] == flat[flat.count - 1] {
                    flat.removeLast(2)
                }
                if flat.count >= 6, index == 0 || area(flat) >= minHoleArea {
                    result.append(flat)
                } else if index == 0 {
                    break
                }
            }
        }
        return result
    }

    /// The area of a flat ring, square units (shoelace formula).
    static func area(_ ring: [Int]) -> Double {
        var twice = 0
        var previous = ring.count - 2
        for index in stride(from: 0, to: ring.count - 1, by: 2) {
            twice += ring[previous] * ring[index + 1] - ring[index] * ring[previous + 1]
            previous = index
        }
        return Double(abs(twice)) / 2
    }
}
