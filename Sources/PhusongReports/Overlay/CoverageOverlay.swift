import PhusongCoverage

/// A coverage picture for report.html's map: the best 4G and 5G RSRP over a grid of pixels,
/// and, over terrain, the flat model's values at the same pixels so that the page can show
/// the terrain shadow (pixels the flat model covers and the terrain model does not).
///
/// Made by ``overTerrain(grid:engine:model:villages:threads:progress:)`` (`report
/// --terrain`, over ``terrainGrid(source:villages:resolutionM:)``: the coverage raster engine, `CoverageRasterValues`, run flat and over the
/// terrain on the elevation data's extent ∩ the villages' area) or ``read(file:)`` (`report
/// --overlay FILE`: a GeoTIFF written by `phusong raster`). ``HTMLReport`` colours it
/// (`CoverageOverlayPalette`) and inlines it as PNG images (`CoverageOverlayImage`).
public struct CoverageOverlay: Sendable, Hashable {
    /// Where the values come from.
    public enum Source: Sendable, Hashable {
        /// Computed over the elevation data at this path (`report --terrain`).
        case terrain(path: String)
        /// Read from a coverage raster (`report --overlay`).
        case file(path: String)
    }

    /// Where the values come from.
    public let source: Source
    /// The extent: the outer pixels' edges, WGS 84 degrees.
    public let box: LonLatBox
    /// Columns (west to east).
    public let columns: Int
    /// Rows (north to south).
    public let rows: Int
    /// A pixel's largest side at the middle latitude, metres (the asked or chosen resolution
    /// for a computed overlay; from the file's geotransform for a read one).
    public let resolutionM: Double
    /// The shown values: best 4G and 5G RSRP, dBm, row after row from the north-west corner,
    /// `CoverageRasterValues.noData` where no cell is in range (and, over terrain, off the
    /// elevation data).
    public let values: Bands
    /// Over terrain, the flat (empirical) model's values at the same pixels; nil for a file.
    public let flat: Bands?
    /// What the terrain model did over the pixels (all zero for a file); pairs outside the
    /// elevation data got the flat model's RSRP.
    public let terrain: TerrainStatistics
    /// Pixels off the elevation data, left out (nodata) of every layer.
    public let pixelsOffTerrain: Int
    /// For a file larger than ``maxPixels``: the sampling step (1 when every pixel is shown).
    public let sampling: Int

    /// Best 4G and 5G RSRP per pixel.
    public struct Bands: Sendable, Hashable {
        /// Best 4G RSRP, dBm (or `CoverageRasterValues.noData`).
        public var lte: [Float]
        /// Best 5G RSRP, dBm (or `CoverageRasterValues.noData`).
        public var nr: [Float]
    }

    /// The resolution of `report --terrain`'s overlay when none is given: 1 km.
    public static let defaultResolutionM = 1_000.0
    /// The most pixels of an overlay at the default resolution: 40,000 (e.g. 200 × 200); a
    /// larger area gets coarser pixels (rounded up to whole 100 m), so that the terrain
    /// search (one per pixel, like a village's) and the page stay small.
    public static let defaultMaxPixels = 40_000
    /// The most pixels of an overlay: 1 million (an `--overlay-resolution` giving more is
    /// refused; a larger `--overlay` file is sampled down to fit).
    public static let maxPixels = 1_000_000

    /// Whether the overlay shows a terrain shadow layer.
    public var hasShadow: Bool { flat != nil }

    /// The memberwise initialiser (the factories check the sizes).
    init(source: Source, box: LonLatBox, columns: Int, rows: Int, resolutionM: Double, values: Bands, flat: Bands?,
         terrain: TerrainStatistics = TerrainStatistics(), pixelsOffTerrain: Int = 0, sampling: Int = 1) {
        self.source = source
        self.box = box
        self.columns = columns
        self.rows = rows
        self.resolutionM = resolutionM
        self.values = values
        self.flat = flat
        self.terrain = terrain
        self.pixelsOffTerrain = pixelsOffTerrain
        self.sampling = sampling
    }
}
