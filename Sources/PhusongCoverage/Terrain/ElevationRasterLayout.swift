import GDALKit

/// Where the posts of a GDAL elevation raster lie (docs/specs/terrain-model.md, "Elevation
/// data": heights at the pixel centres given by the geotransform): `columns` × `rows` posts,
/// column 0's centre at ``west``, row 0's at ``north``, ``columnSpacingDeg`` and
/// ``rowSpacingDeg`` apart. The raster's bounds are its outermost pixel centres (closed), as an
/// SRTM tile's are its edge posts; the half pixel beyond them holds no height.
///
/// A geotransform is stored as binary doubles, so a 3″ raster's pixel size 1/1200° and its
/// origin 104.999583…° (half a pixel west of 105°) arrive rounded. When 1/pixel size is a
/// whole number k of posts per degree to within 10⁻⁹ (relative), the spacing is taken as 1/k
/// exactly as the contract's Δ = 1/(N − 1) is computed; when the first centre is then within
/// 10⁻⁶ of a post of that grid (0.003 mm at 3″), it is that post, m/k. So a GeoTIFF or DTED
/// copy of an SRTM tile has the same Δ, edges and positions as the tile, bit for bit, and
/// gives the same heights (docs/terrain.md, "How this reads the contract's open points").
public struct ElevationRasterLayout: Sendable, Hashable {
    /// Posts per row (west to east).
    public let columns: Int
    /// Posts per column (north to south).
    public let rows: Int
    /// Longitude of column 0's centre, degrees.
    public let west: Double
    /// Longitude of the last column's centre, degrees.
    public let east: Double
    /// Latitude of row 0's centre, degrees.
    public let north: Double
    /// Latitude of the last row's centre, degrees.
    public let south: Double
    /// Degrees of longitude between neighbouring columns.
    public let columnSpacingDeg: Double
    /// Degrees of latitude between neighbouring rows.
    public let rowSpacingDeg: Double

    /// The layout of a `columns` × `rows` raster with a north-up geotransform in degrees.
    /// - Parameters:
    ///   - transform: the raster's geotransform (pixel corners).
    ///   - columns: pixels per row.
    ///   - rows: pixel rows.
    /// - Returns: nil when the raster has fewer than 2 × 2 pixels (no four posts to interpolate)
    ///   or the geotransform is not finite with positive pixel sizes.
    public init?(transform: GeoTransform, columns: Int, rows: Int) {
        let values = [transform.originX, transform.originY, transform.pixelWidth, transform.pixelHeight]
        guard columns >= 2, rows >= 2, values.allSatisfy(\.isFinite), transform.pixelWidth > 0, transform.pixelHeight > 0 else {
            return nil
        }
        self.columns = columns
        self.rows = rows
        let x = Self.axis(firstCentre: transform.originX + transform.pixelWidth / 2, spacing: transform.pixelWidth, steps: columns - 1)
        let y = Self.axis(firstCentre: transform.originY - transform.pixelHeight / 2, spacing: transform.pixelHeight, steps: -(rows - 1))
        (west, east, columnSpacingDeg) = x
        (north, south, rowSpacingDeg) = y
    }

    /// The first and last centres and the spacing along one axis, snapped to a whole number of
    /// posts per degree when the transform is that grid up to its rounding (see the type).
    /// `steps` is the signed number of spacings from the first centre to the last.
    private static func axis(firstCentre: Double, spacing: Double, steps: Int) -> (first: Double, last: Double, spacing: Double) {
        let perDegree = (1 / spacing).rounded()
        guard perDegree >= 1, perDegree <= 1e7, abs(spacing * perDegree - 1) <= 1e-9 else {
            return (firstCentre, firstCentre + Double(steps) * spacing, spacing)
        }
        let post = (firstCentre * perDegree).rounded()
        guard abs(firstCentre * perDegree - post) <= 1e-6 else {
            return (firstCentre, firstCentre + Double(steps) / perDegree, 1 / perDegree)
        }
        return (post / perDegree, (post + Double(steps)) / perDegree, 1 / perDegree)
    }

    /// Whether the point lies within the outermost pixel centres, edges included.
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    /// - Returns: true on or inside the bounds.
    public func contains(latitude: Double, longitude: Double) -> Bool {
        latitude >= south && latitude <= north && longitude >= west && longitude <= east
    }

    /// Whether the point lies inside the bounds and off their edges.
    func strictlyContains(latitude: Double, longitude: Double) -> Bool {
        latitude > south && latitude < north && longitude > west && longitude < east
    }

    /// Whether the two areas share more than an edge: both spans overlap by more than 10⁻⁹°
    /// (0.1 mm), so neighbours that share an edge row or column, as SRTM tiles do, do not.
    /// - Parameters:
    ///   - otherSouth: the other area's southern bound, degrees.
    ///   - otherNorth: its northern bound.
    ///   - otherWest: its western bound.
    ///   - otherEast: its eastern bound.
    /// - Returns: true when the interiors intersect.
    func overlaps(south otherSouth: Double, north otherNorth: Double, west otherWest: Double, east otherEast: Double) -> Bool {
        let tolerance = 1e-9
        return min(north, otherNorth) - max(south, otherSouth) > tolerance
            && min(east, otherEast) - max(west, otherWest) > tolerance
    }
}
