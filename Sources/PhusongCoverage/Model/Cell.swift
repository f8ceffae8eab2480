/// One radio cell (a sector of a base station): a row of `cells.csv` (docs/specs/data-formats.md §2.2).
public struct Cell: Sendable, Hashable {
    /// Unique id (`cell_id`).
    public var id: String
    /// The base station (BTS site) the cell belongs to; station counts are distinct site ids.
    public var siteID: String
    /// Operator name, e.g. Viettel, VNPT, MobiFone, Vietnamobile.
    public var operatorName: String
    /// LTE (`4G`) or NR (`5G`).
    public var technology: Technology
    /// Carrier frequency, MHz (30...100,000 in files: ``InputColumnRanges``).
    public var bandMHz: Double
    /// Antenna longitude, WGS84 degrees.
    public var lon: Double
    /// Antenna latitude, WGS84 degrees.
    public var lat: Double
    /// Antenna height above ground, metres (0.5...1,000 in files).
    public var heightM: Double
    /// Main-lobe bearing, degrees clockwise from north (0...360); nil for an omnidirectional cell.
    public var azimuthDeg: Double?
    /// Horizontal 3 dB beamwidth, degrees (1...360 in files); 65 when the file leaves it empty.
    public var beamwidthDeg: Double
    /// EIRP of one reference-signal resource element, dBm, including the antenna's peak gain.
    /// Defaults: 30.0 dBm for 4G, 36.0 dBm for 5G.
    public var rsEIRPdBm: Double
    /// How the site is powered, nil when not given.
    public var powerSource: PowerSource?

    public init(
        id: String, siteID: String, operatorName: String, technology: Technology, bandMHz: Double,
        lon: Double, lat: Double, heightM: Double, azimuthDeg: Double? = nil,
        beamwidthDeg: Double = Cell.defaultBeamwidthDeg, rsEIRPdBm: Double? = nil,
        powerSource: PowerSource? = nil
    ) {
        self.id = id
        self.siteID = siteID
        self.operatorName = operatorName
        self.technology = technology
        self.bandMHz = bandMHz
        self.lon = lon
        self.lat = lat
        self.heightM = heightM
        self.azimuthDeg = azimuthDeg
        self.beamwidthDeg = beamwidthDeg
        self.rsEIRPdBm = rsEIRPdBm ?? technology.defaultRSEIRPdBm
        self.powerSource = powerSource
    }

    /// Default horizontal beamwidth, degrees (docs/specs/data-formats.md §2.2).
    public static let defaultBeamwidthDeg = 65.0
}

/// Radio access technology of a cell.
public enum Technology: String, Sendable, CaseIterable, Hashable, Comparable {
    case lte = "4G"
    case nr = "5G"

    /// Default reference-signal EIRP, dBm (docs/specs/data-formats.md §2.2): 30.0 for 4G, 36.0 for 5G.
    public var defaultRSEIRPdBm: Double {
        switch self {
        case .lte: 30.0
        case .nr: 36.0
        }
    }

    public static func < (a: Technology, b: Technology) -> Bool { a.rawValue < b.rawValue }
}

/// How a site is powered (docs/specs/data-formats.md §2.2).
public enum PowerSource: String, Sendable, CaseIterable, Hashable {
    case grid, solar, generator, hybrid
}
