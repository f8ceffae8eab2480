import Foundation
import GEOSKit
import PhusongSupport

/// Reads administrative boundary GeoJSON (docs/specs/data-formats.md §3): a FeatureCollection of Polygon or
/// MultiPolygon features with properties `code` (string), `name` and, for communes,
/// `province_code`. A feature with `province_code` is a commune, one without a province.
/// Codes must be JSON strings (a number loses its leading zeros), and coordinates WGS84
/// longitude/latitude degrees (`BoundaryCoordinates`): a file otherwise stops the run.
public enum AdminBoundariesLoader {
    /// - Parameters:
    ///   - paths: GeoJSON files, or GIS sources GDAL reads (docs/formats.md).
    ///   - layers: the layer names given with `--layer`, for a GIS source with several.
    public static func load(paths: [String], layers: [String] = []) throws(LoadError) -> AdminBoundaries {
        let context: GEOSContext
        do {
            context = try GEOSContext()
        } catch {
            throw LoadError(Problem(file: paths.first ?? "", reason: .boundary(.geosUnavailable(detail: error.message))))
        }
        var provinces: [AdminUnit] = []
        var communes: [AdminUnit] = []
        var warnings: [Problem] = []
        var problems: [Problem] = []
        var seen: [String: String] = [:]  // "level code" → file
        for path in paths {
            let features = GISBoundaryFeatures.applies(to: path)
                ? try GISBoundaryFeatures.read(path: path, layers: layers, warnings: &warnings) : try readFeatures(path)
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
                                                reason: .boundary(.codeTwice(level: unit.level, otherFile: earlier))))
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
            throw LoadError(Problem(file: paths.joined(separator: ", "), reason: .boundary(.noPolygons)))
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
            throw LoadError(Problem(file: path, reason: .boundary(.notJSON(detail: error.localizedDescription))))
        }
        guard let root = json as? [String: Any], root["type"] as? String == "FeatureCollection",
              let features = root["features"] as? [[String: Any]] else {
            throw LoadError(Problem(file: path, reason: .boundary(.notFeatureCollection)))
        }
        if let problem = BoundaryCoordinates.crsProblem(root, file: path) { throw LoadError(problem) }
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
        case .text, .absent: return .failure(.problem(Problem(file: file, column: place + ".properties.code", value: "", reason: .boundary(.codeMissing))))
        case .invalid(let problem): return .failure(.problem(problem.located(file: file, feature: index)))
        }
        let name = UnicodeText.nfc(properties["name"] as? String ?? "")
        var provinceCode: String?
        switch AdminCodeProperty.read(properties, "province_code", digits: 2) {
        case .text(let text): provinceCode = text
        case .absent: provinceCode = nil
        case .invalid(let problem): return .failure(.problem(problem.located(file: file, feature: index)))
        }
        let wkb = feature[GISBoundaryFeatures.wkbKey] as? [UInt8]
        let geometryObject = feature["geometry"] as? [String: Any]
        let type = geometryObject?["type"] as? String
        let coordinates = geometryObject?["coordinates"] as? [Any]
        guard wkb != nil || (type != nil && coordinates != nil) else {
            return .failure(.problem(Problem(file: file, column: place, value: code, reason: .boundary(.noGeometry))))
        }
        do {
            var geometry = try wkb.map { try GISBoundaryFeatures.polygonal($0, context: context) }
                ?? polygonal(type: type ?? "", coordinates: coordinates ?? [], context: context)
            if try !geometry.isValid {
                let reason = try geometry.validityReason
                geometry = try geometry.makeValid()
                warnings.append(Problem(file: file, column: place, value: code, reason: .boundary(.repaired(reason: reason))))
            }
            guard let envelope = try geometry.envelope else {
                return .failure(.problem(Problem(file: file, column: place, value: code, reason: .boundary(.emptyGeometry))))
            }
            return .success(AdminUnit(
                level: provinceCode == nil ? .province : .commune, code: code, name: name,
                provinceCode: provinceCode, wkb: try geometry.wkb(), envelope: envelope
            ))
        } catch let error as BoundaryCoordinates.OutsideDegrees {
            return .failure(.outsideDegrees(error))
        } catch let shape as Problem.BoundaryFault.Shape {
            return .failure(.problem(Problem(file: file, column: place, value: code, reason: .boundary(.shape(shape)))))
        } catch let error as GEOSError {
            return .failure(.problem(Problem(file: file, column: place, value: code, reason: .boundary(.geometry(detail: error.message)))))
        } catch {
            return .failure(.problem(Problem(file: file, column: place, value: code, reason: .boundary(.geometry(detail: "\(error)")))))
        }
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
                guard let rings = polygonCoordinates as? [Any] else { throw Problem.BoundaryFault.Shape.malformedMultiPolygon }
                parts.append(try polygon(rings, context: context))
            }
            return try context.multiPolygon(parts)
        default:
            throw Problem.BoundaryFault.Shape.notPolygonal(type: type)
        }
    }

    private static func polygon(_ rings: [Any], context: GEOSContext) throws -> Geometry {
        var flat: [[Double]] = []
        for ring in rings {
            guard let positions = ring as? [[Double]] else { throw Problem.BoundaryFault.Shape.malformedRing }
            var xy: [Double] = []
            xy.reserveCapacity(positions.count * 2)
            for position in positions {
                guard position.count >= 2 else { throw Problem.BoundaryFault.Shape.positionWithFewerThanTwoNumbers }
                try BoundaryCoordinates.check(x: position[0], y: position[1])
                xy.append(position[0])
                xy.append(position[1])
            }
            flat.append(xy)
        }
        guard let exterior = flat.first else { throw Problem.BoundaryFault.Shape.polygonWithoutRings }
        return try context.polygon(exterior: exterior, holes: Array(flat.dropFirst()))
    }
}
