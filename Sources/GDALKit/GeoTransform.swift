/// Where a north-up raster's pixels lie: the affine transform from pixel/line to map
/// coordinates, without rotation (GDAL's geotransform with terms 2 and 4 zero).
///
/// The map position of a pixel corner (column `c`, row `r`, both from 0 at the top-left) is
/// x = ``originX`` + c × ``pixelWidth``, y = ``originY`` − r × ``pixelHeight``; a pixel's
/// centre is at c + 0.5, r + 0.5.
public struct GeoTransform: Sendable, Hashable {
    /// The x (longitude or easting) of the raster's left edge, in the CRS's units.
    public var originX: Double
    /// The y (latitude or northing) of the raster's top edge, in the CRS's units.
    public var originY: Double
    /// A pixel's width, in the CRS's units (positive).
    public var pixelWidth: Double
    /// A pixel's height, in the CRS's units (positive; rows go south).
    public var pixelHeight: Double

    /// Creates a north-up transform.
    /// - Parameters:
    ///   - originX: The left edge's x.
    ///   - originY: The top edge's y.
    ///   - pixelWidth: A pixel's width (positive).
    ///   - pixelHeight: A pixel's height (positive).
    public init(originX: Double, originY: Double, pixelWidth: Double, pixelHeight: Double) {
        self.originX = originX
        self.originY = originY
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    /// GDAL's six coefficients: x origin, pixel width, 0, y origin, 0, −pixel height.
    var coefficients: [Double] { [originX, pixelWidth, 0, originY, 0, -pixelHeight] }
}
