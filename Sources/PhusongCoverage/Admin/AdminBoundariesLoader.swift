import Foundation
import GEOSKit
import PhusongSupport

/// Reads administrative boundary GeoJSON (docs/specs/data-formats.md §3): a FeatureCollection of Polygon or
/// MultiPolygon features with properties `code` (string), `name` and, for communes,
/// `province_code`. A feature with `province_code` is a commune, one without a province.
/// Codes must be JSON strings (a number loses its leading zeros), and coordinates WGS84
/// longitude/latitude degrees (`BoundaryCoordinates`): a file otherwise stops the run.
public enum AdminBoundariesLoader {
    public static func load(paths: [String]) throws(LoadError) -> AdminBoundaries {
        let context: GEOSContext
        do {
            context = try GEOSContext()
        } catch {
            throw LoadError(problems: [Problem(file: paths.first ?? "", reason: "GEOS could not start: \(error.message)")])
        }
        var provinces: [AdminUnit] = []
        var communes: [AdminUnit] = []
        var warnings: [Problem] = []
        var problems: [Problem] = []
        var seen: [String: String] = [:]  // "level code" → file
        for path in paths {
            let features = try readFeatures(path)
            // Features with positions outside degrees: one problem for the file, after its features.
            var outsideDegrees: [(feature: Int, position: BoundaryCoordinates.OutsideDegrees)] = []
            for (index, feature) in features.enumerated() {
                switch unit(from: feature, index: index, file: path, context: context, warnings: &warnings) {
                case .failure(.problem(let problem)):
                    problems.append(problem)
                case .failure(.outsideDegrees(let position)):
                    outsideDegrees.append((index, position))
                case .success(let unit):
                    let key = "\(unit.level.rawValue) \(unit.code)"
                    if let earlier = seen[key] {
                        problems.append(Problem(file: path, column: "features[\(index)]", value: unit.code,
                                                reason: "\(unit.level.rawValue) code given twice (also in \(earlier))"))
                        continue
                    }
                    seen[key] = path
                    if unit.level == .province { provinces.append(unit) } else { communes.append(unit) }
                }
            }
            if let first = outsideDegrees.first {
                problems.append(BoundaryCoordinates.projectedProblem(
                    file: path, first: first, features: outsideDegrees.count, total: features.count))
            }
        }
        if !problems.isEmpty { throw LoadError(problems: problems) }
        if provinces.isEmpty && communes.isEmpty {
            throw LoadError(problems: [Problem(file: paths.joined(separator: ", "), reason: "no Polygon or MultiPolygon features")])
        }
        return AdminBoundaries(
            files: paths,
            provinces: provinces.sorted { $0.code < $1.code },
            communes: communes.sorted { $0.code < $1.code },
            warnings: warnings
        )
    }

    private static func readFeatures(_ path: String) throws(LoadError) -> [[String: Any]] {
        let data = try InputFile(path: path).readAll(limit: InputLimits.maxBoundaryBytes, kind: "a boundary file")
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(data))
        } catch {
            throw LoadError(problems: [Problem(file: path, reason: "not valid JSON: \(error.localizedDescription)")])
        }
        guard let root = json as? [String: Any], root["type"] as? String == "FeatureCollection",
              let features = root["features"] as? [[String: Any]] else {
            throw LoadError(problems: [Problem(file: path, reason: "not a GeoJSON FeatureCollection of features")])
        }
        if let problem = BoundaryCoordinates.crsProblem(root, file: path) { throw LoadError(problems: [problem]) }
        return features
    }

    /// Why a feature cannot be used.
    private enum UnitFailure: Error {
        case problem(Problem)
        /// A position outside degrees: reported once per file (`BoundaryCoordinates`).
        case outsideDegrees(BoundaryCoordinates.OutsideDegrees)
    }

    private static func unit(
        from feature: [String: Any], index: Int, file: String, context: GEOSContext, warnings: inout [Problem]
    ) -> Result<AdminUnit, UnitFailure> {
        let place = "features[\(index)]"
        let properties = feature["properties"] as? [String: Any] ?? [:]
        let isCommune = properties["province_code"].map { !($0 is NSNull) } ?? false
        let code: String
        switch AdminCodeProperty.read(properties, "code", digits: isCommune ? 5 : 2) {
        case .text(let text) where !text.isEmpty: code = text
        case .text, .absent: return .failure(.problem(Problem(file: file, column: place + ".properties.code", value: "", reason: "property 'code' is missing")))
        case .invalid(let problem): return .failure(.problem(problem.located(file: file, feature: index)))
        }
        let name = UnicodeText.nfc(properties["name"] as? String ?? "")
        var provinceCode: String?
        switch AdminCodeProperty.read(properties, "province_code", digits: 2) {
        case .text(let text): provinceCode = text
        case .absent: provinceCode = nil
        case .invalid(let problem): return .failure(.problem(problem.located(file: file, feature: index)))
        }
        guard let geometryObject = feature["geometry"] as? [String: Any],
              let type = geometryObject["type"] as? String,
              let coordinates = geometryObject["coordinates"] as? [Any] else {
            return .failure(.problem(Problem(file: file, column: place, value: code, reason: "feature has no geometry")))
        }
        do {
            var geometry = try polygonal(type: type, coordinates: coordinates, context: context)
            if try !geometry.isValid {
                let reason = try geometry.validityReason
                geometry = try geometry.makeValid()
                warnings.append(Problem(file: file, column: place, value: code,
                                        reason: "invalid boundary (\(reason)) repaired with make-valid", severity: .warning))
            }
            guard let envelope = try geometry.envelope else {
                return .failure(.problem(Problem(file: file, column: place, value: code, reason: "empty geometry")))
            }
            return .success(AdminUnit(
                level: provinceCode == nil ? .province : .commune, code: code, name: name,
                provinceCode: provinceCode, wkb: try geometry.wkb(), envelope: envelope
            ))
        } catch let error as BoundaryCoordinates.OutsideDegrees {
            return .failure(.outsideDegrees(error))
        } catch let error as GEOSError {
            return .failure(.problem(Problem(file: file, column: place, value: code, reason: "geometry: \(error.message)")))
        } catch {
            return .failure(.problem(Problem(file: file, column: place, value: code, reason: "geometry: \(error)")))
        }
    }

    private struct ShapeError: Error, CustomStringConvertible {
        var description: String
    }

    /// Builds a GEOS polygon or multipolygon from GeoJSON coordinate arrays, copying each
    /// ring's coordinates in bulk.
    private static func polygonal(type: String, coordinates: [Any], context: GEOSContext) throws -> Geometry {
        switch type {
        case "Polygon":
            return try polygon(coordinates, context: context)
        case "MultiPolygon":
            var parts: [Geometry] = []
            for polygonCoordinates in coordinates {
                guard let rings = polygonCoordinates as? [Any] else { throw ShapeError(description: "malformed MultiPolygon") }
                parts.append(try polygon(rings, context: context))
            }
            return try context.multiPolygon(parts)
        default:
            throw ShapeError(description: "\(type) is not a Polygon or MultiPolygon")
        }
    }

    private static func polygon(_ rings: [Any], context: GEOSContext) throws -> Geometry {
        var flat: [[Double]] = []
        for ring in rings {
            guard let positions = ring as? [[Double]] else { throw ShapeError(description: "malformed ring") }
            var xy: [Double] = []
            xy.reserveCapacity(positions.count * 2)
            for position in positions {
                guard position.count >= 2 else { throw ShapeError(description: "position with fewer than 2 numbers") }
                try BoundaryCoordinates.check(x: position[0], y: position[1])
                xy.append(position[0])
                xy.append(position[1])
            }
            flat.append(xy)
        }
        guard let exterior = flat.first else { throw ShapeError(description: "polygon without rings") }
        return try context.polygon(exterior: exterior, holes: Array(flat.dropFirst()))
    }
}
