extension Problem {
    /// An administrative boundary file (GeoJSON, docs/specs/data-formats.md) or one of its
    /// features cannot be used, or was repaired.
    public enum BoundaryFault: Sendable, Hashable, CustomStringConvertible {
        /// Not JSON, with the parser's words.
        case notJSON(detail: String)
        /// JSON, but not a FeatureCollection with features.
        case notFeatureCollection
        /// A `crs` member naming another system than WGS84 degrees (the value is its name).
        case notWGS84
        /// Positions outside longitude/latitude degrees in `features` of the file's `total`
        /// features (the value is the first such position).
        case projected(features: Int, total: Int)
        /// A feature without a `code` property.
        case codeMissing
        /// A code `property` that is not a JSON string; `digits` is the length of such a code.
        case codeNotText(property: String, digits: Int)
        /// A code `property` given as a JSON number; `padded` is the code it probably was,
        /// when it can be told.
        case codeIsNumber(property: String, padded: String?)
        /// The same code twice at `level` (the value), the other one in `otherFile`.
        case codeTwice(level: AdminUnit.Level, otherFile: String)
        /// A feature without a geometry.
        case noGeometry
        /// A geometry without any point.
        case emptyGeometry
        /// A geometry that is not a Polygon or MultiPolygon of positions.
        case shape(Shape)
        /// A geometry GEOS refused, with its words.
        case geometry(detail: String)
        /// An invalid polygon (GEOS's `reason`) repaired with make-valid (a warning).
        case repaired(reason: String)
        /// No Polygon or MultiPolygon feature in any of the files.
        case noPolygons
        /// GEOS could not start, with its words.
        case geosUnavailable(detail: String)
        /// Assigning codes to villages and sites failed, with the error's words.
        case assignmentFailed(detail: String)

        public var description: String {
            switch self {
            case .notJSON(let detail): "not valid JSON: \(detail)"
            case .notFeatureCollection: "not a GeoJSON FeatureCollection of features"
            case .notWGS84:
                "the file is in this coordinate system, not WGS84 longitude/latitude degrees (accepted: no crs member, "
                    + "urn:ogc:def:crs:OGC:1.3:CRS84, EPSG:4326); " + Self.reprojectAdvice
            case .projected(let features, let total):
                "outside longitude -180..180 / latitude -90..90 (\(features) of \(total) features): the coordinates look "
                    + "projected (e.g. metres, EPSG:3857 or a UTM zone), not WGS84 degrees; " + Self.reprojectAdvice
            case .codeMissing: "property 'code' is missing"
            case .codeNotText(let property, let digits):
                "must be a string (codes are text with their leading zeros, e.g. \"\(property)\": \"\(String(repeating: "0", count: digits - 1))1\")"
            case .codeIsNumber(let property, let padded):
                "is a JSON number, but codes are text: a number has lost its leading zeros and the feature would be "
                    + "assigned wrongly; write it as a string with the official leading zeros"
                    + (padded.map { ": \"\(property)\": \"\($0)\"" } ?? "")
            case .codeTwice(let level, let otherFile): "\(level.rawValue) code given twice (also in \(otherFile))"
            case .noGeometry: "feature has no geometry"
            case .emptyGeometry: "empty geometry"
            case .shape(let shape): "geometry: \(shape.description)"
            case .geometry(let detail): "geometry: \(detail)"
            case .repaired(let reason): "invalid boundary (\(reason)) repaired with make-valid"
            case .noPolygons: "no Polygon or MultiPolygon features"
            case .geosUnavailable(let detail): "GEOS could not start: \(detail)"
            case .assignmentFailed(let detail): "administrative assignment failed: \(detail)"
            }
        }

        /// True for a finding that leaves the file usable.
        public var isWarning: Bool {
            if case .repaired = self { return true }
            return false
        }

        /// How a GeoJSON geometry fails to be a Polygon or MultiPolygon.
        public enum Shape: Error, Sendable, Hashable, CustomStringConvertible {
            /// Another geometry type (`Point`, `LineString`, …).
            case notPolygonal(type: String)
            case malformedMultiPolygon
            case malformedRing
            case positionWithFewerThanTwoNumbers
            case polygonWithoutRings

            public var description: String {
                switch self {
                case .notPolygonal(let type): "\(type) is not a Polygon or MultiPolygon"
                case .malformedMultiPolygon: "malformed MultiPolygon"
                case .malformedRing: "malformed ring"
                case .positionWithFewerThanTwoNumbers: "position with fewer than 2 numbers"
                case .polygonWithoutRings: "polygon without rings"
                }
            }
        }

        /// What to do about a file that is not in degrees.
        static let reprojectAdvice = "phusong does not reproject yet: reproject the file to WGS84 longitude/latitude first "
            + "(e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson); a later version will reproject"
    }
}
