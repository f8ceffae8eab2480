import PhusongCoverage

/// `manifest.json` of a partial (`phusong report --tile … --partial`, docs/tiles.md): what the
/// tile was computed from, so that `phusong merge` only combines partials of one run and can
/// read the same inputs again. Keys are snake_case; the document is written with sorted keys.
public struct PartialManifest: Sendable, Hashable, Codable {
    /// "phusong-partial".
    public var format = PartialManifest.formatName
    /// The partial format's version (``currentVersion``); merge refuses any other.
    public var formatVersion = PartialManifest.currentVersion
    /// The phusong version that computed the tile.
    public var toolVersion: String
    /// The tile (half-open bounds).
    public var tile: Tile
    /// The input files, as given on the command line, with their SHA-256.
    public var inputs: Inputs
    /// The radio model used (from the configuration).
    public var model: RadioModelParameters
    /// The terrain source and settings; nil for the empirical model alone.
    public var terrain: Terrain?
    /// The report options the merged report is written with.
    public var report: Settings
    /// Villages in the input and in the tile.
    public var villages: Villages

    /// The format's name.
    public static let formatName = "phusong-partial"
    /// The version this build writes and reads.
    public static let currentVersion = 1

    /// - Parameters:
    ///   - toolVersion: the phusong version.
    ///   - tile: the tile.
    ///   - inputs: the input files and their checksums.
    ///   - model: the radio model.
    ///   - terrain: the terrain source, or nil.
    ///   - report: the report options.
    ///   - villages: the village counts.
    public init(toolVersion: String, tile: TileBounds, inputs: Inputs, model: RadioModelParameters, terrain: Terrain?,
                report: Settings, villages: Villages) {
        self.toolVersion = toolVersion
        self.tile = Tile(tile)
        self.inputs = inputs
        self.model = model
        self.terrain = terrain
        self.report = report
        self.villages = villages
    }

    /// A file and the SHA-256 (lowercase hex) of its bytes.
    public struct FileReference: Sendable, Hashable, Codable {
        /// The path as given on the command line.
        public var path: String
        /// SHA-256 of the bytes read, lowercase hex.
        public var sha256: String

        /// - Parameters:
        ///   - path: the path as given.
        ///   - sha256: the checksum of its bytes.
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// The tile's edges, degrees.
    public struct Tile: Sendable, Hashable, Codable {
        /// West edge, degrees (inclusive).
        public var minLon: Double
        /// South edge, degrees (inclusive).
        public var minLat: Double
        /// East edge, degrees (exclusive).
        public var maxLon: Double
        /// North edge, degrees (exclusive).
        public var maxLat: Double

        init(_ bounds: TileBounds) {
            minLon = bounds.minLon
            minLat = bounds.minLat
            maxLon = bounds.maxLon
            maxLat = bounds.maxLat
        }

        /// The bounds, nil when the edges are not a valid tile.
        public var bounds: TileBounds? { TileBounds(minLon: minLon, minLat: minLat, maxLon: maxLon, maxLat: maxLat) }

        enum CodingKeys: String, CodingKey {
            case minLon = "min_lon", minLat = "min_lat", maxLon = "max_lon", maxLat = "max_lat"
        }
    }

    /// The inputs of the run.
    public struct Inputs: Sendable, Hashable, Codable {
        /// `--villages`.
        public var villages: FileReference
        /// `--cells`, in the order given.
        public var cells: [FileReference]
        /// `--admin`, in the order given.
        public var admin: [FileReference]
        /// `--layer` names, as given.
        public var layers: [String]
        /// The `--config` file; nil for the defaults.
        public var config: FileReference?

        /// - Parameters:
        ///   - villages: the villages file.
        ///   - cells: the cells files.
        ///   - admin: the boundary files.
        ///   - layers: the `--layer` names.
        ///   - config: the configuration file, or nil.
        public init(villages: FileReference, cells: [FileReference], admin: [FileReference], layers: [String], config: FileReference?) {
            self.villages = villages
            self.cells = cells
            self.admin = admin
            self.layers = layers
            self.config = config
        }
    }

    /// The terrain of the run.
    public struct Terrain: Sendable, Hashable, Codable {
        /// `--terrain`, as given.
        public var source: String
        /// The `[terrain]` settings.
        public var settings: TerrainSettings
        /// The elevation files this tile read, with their SHA-256 (only the tiles its profiles
        /// needed; the report lists the checksums of the files any tile read).
        public var filesRead: [FileReference]

        /// - Parameters:
        ///   - source: the `--terrain` path.
        ///   - settings: the `[terrain]` settings.
        ///   - filesRead: the elevation files read, with their checksums.
        public init(source: String, settings: TerrainSettings, filesRead: [FileReference]) {
            self.source = source
            self.settings = settings
            self.filesRead = filesRead
        }

        enum CodingKeys: String, CodingKey {
            case source, settings
            case filesRead = "files_read"
        }
    }

    /// The options of `report` that change the report's bytes.
    public struct Settings: Sendable, Hashable, Codable {
        /// `--month`, YYYY-MM (the month of the tile's run when not given).
        public var month: String
        /// `--lang`: vi or en.
        public var language: String
        /// `--basemap`, or nil.
        public var basemap: String?
        /// Whether the merged report holds area coverage (not `--no-area`, no terrain).
        public var area: Bool

        /// - Parameters:
        ///   - month: the report's month, YYYY-MM.
        ///   - language: `vi` or `en`.
        ///   - basemap: the base map's tile URL, or nil.
        ///   - area: whether the report holds area coverage.
        public init(month: String, language: String, basemap: String?, area: Bool) {
            self.month = month
            self.language = language
            self.basemap = basemap
            self.area = area
        }
    }

    /// Villages in the input (all tiles) and in this tile.
    public struct Villages: Sendable, Hashable, Codable {
        /// Villages loaded from the input.
        public var total: Int
        /// Of them, those in the tile.
        public var inTile: Int

        /// - Parameters:
        ///   - total: villages in the input.
        ///   - inTile: villages in the tile.
        public init(total: Int, inTile: Int) {
            self.total = total
            self.inTile = inTile
        }

        enum CodingKeys: String, CodingKey {
            case total
            case inTile = "in_tile"
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, tile, inputs, model, terrain, report, villages
        case formatVersion = "format_version"
        case toolVersion = "tool_version"
    }

    /// The first part of the run this manifest and `other` disagree on ("inputs", "model", …),
    /// nil when they describe the same run (their tiles may differ).
    public func runDifference(_ other: PartialManifest) -> String? {
        if format != other.format || formatVersion != other.formatVersion { return "format (\(format) \(formatVersion))" }
        if toolVersion != other.toolVersion { return "phusong version (\(toolVersion) and \(other.toolVersion))" }
        if inputs.villages != other.inputs.villages { return "villages file (\(describe(inputs.villages)) and \(describe(other.inputs.villages)))" }
        if inputs.cells != other.inputs.cells { return "cells files (\(inputs.cells.map(describe)) and \(other.inputs.cells.map(describe)))" }
        if inputs.admin != other.inputs.admin { return "boundary files (\(inputs.admin.map(describe)) and \(other.inputs.admin.map(describe)))" }
        if inputs.layers != other.inputs.layers { return "--layer names (\(inputs.layers) and \(other.inputs.layers))" }
        if inputs.config != other.inputs.config {
            return "configuration (\(inputs.config.map(describe) ?? "defaults") and \(other.inputs.config.map(describe) ?? "defaults"))"
        }
        if model != other.model { return "radio model" }
        if terrain?.source != other.terrain?.source || terrain?.settings != other.terrain?.settings {
            return "terrain (\(terrain?.source ?? "none") and \(other.terrain?.source ?? "none"))"
        }
        if report != other.report { return "report options (\(report) and \(other.report))" }
        if villages.total != other.villages.total { return "village count (\(villages.total) and \(other.villages.total))" }
        return nil
    }

    private func describe(_ file: FileReference) -> String { "\(file.path) sha256 \(file.sha256.prefix(12))…" }
}
