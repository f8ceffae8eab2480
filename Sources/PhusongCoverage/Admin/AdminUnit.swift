import GEOSKit

/// One administrative unit from a boundary file: a province or a commune/ward.
public struct AdminUnit: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable {
        case province, commune
    }

    public var level: Level
    /// Official code, a string with its leading zeros ("01", "00004").
    public var code: String
    public var name: String
    /// For a commune: the code of its province.
    public var provinceCode: String?
    /// The boundary as WKB (lon/lat degrees), so that each task can read it into its own GEOS
    /// context.
    public var wkb: [UInt8]
    /// Bounding box, lon/lat degrees.
    public var envelope: Envelope

    /// The codes a point in this unit gets: a commune's own code and its province's, or a
    /// province's code and no commune.
    var assignedCodes: (province: String?, commune: String?) {
        level == .commune ? (provinceCode, code) : (code, nil)
    }
}

/// The boundary files of a run, with provinces and communes sorted by code.
public struct AdminBoundaries: Sendable {
    public let files: [String]
    public let provinces: [AdminUnit]
    public let communes: [AdminUnit]
    /// Problems noticed while reading (invalid polygons repaired, etc.).
    public let warnings: [Problem]
    private let provinceNames: [String: String]
    private let communeNames: [String: String]

    public init(files: [String], provinces: [AdminUnit], communes: [AdminUnit], warnings: [Problem]) {
        self.files = files
        self.provinces = provinces
        self.communes = communes
        self.warnings = warnings
        provinceNames = Dictionary(provinces.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        communeNames = Dictionary(communes.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The units points are matched against: communes when there are any (they carry their
    /// province's code), else provinces.
    public var assignmentUnits: [AdminUnit] { communes.isEmpty ? provinces : communes }

    /// The extent of all units, lon/lat degrees.
    public var extent: Envelope? {
        (provinces + communes).map(\.envelope).reduce(nil) { partial, box in partial.map { $0.union(box) } ?? box }
    }

    /// The province's name from the boundary file, else from the 2025 catalogue.
    public func provinceName(_ code: String) -> String? {
        provinceNames[code] ?? ProvinceCatalog.names2025[code]
    }

    public func communeName(_ code: String) -> String? {
        communeNames[code]
    }
}
