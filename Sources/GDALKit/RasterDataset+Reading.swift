import CGDAL

extension RasterDataset {
    /// Opens a raster file read-only (a GeoTIFF, or any format a GDAL raster driver reads),
    /// e.g. to check what was written.
    /// - Parameter path: The file.
    /// - Throws: ``GDALError`` when no raster driver can open it.
    public convenience init(readingAt path: String) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        let messages = GDALMessages()
        let flags = UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        guard let opened = messages.capturing({ GDALOpenEx(path, flags, nil, nil, nil) }) else {
            throw messages.failure("GDALOpenEx", fallback: "no GDAL raster driver recognises \(path)")
        }
        self.init(owning: opened, messages: messages)
    }

    /// Where the pixels lie, or nil when the raster has no north-up geotransform.
    public var geoTransform: GeoTransform? {
        var coefficients = [Double](repeating: 0, count: 6)
        guard messages.capturing({ GDALGetGeoTransform(handle, &coefficients) }) == CE_None,
              coefficients[2] == 0, coefficients[4] == 0 else { return nil }
        return GeoTransform(originX: coefficients[0], originY: coefficients[3],
                            pixelWidth: coefficients[1], pixelHeight: -coefficients[5])
    }

    /// The raster's CRS as a copy the caller owns, or nil when it has none.
    public var spatialReference: SpatialReference? {
        messages.capturing { GDALGetSpatialRef(handle).flatMap { SpatialReference(copying: $0) } }
    }

    /// A band's nodata value, or nil when it has none.
    /// - Parameter index: The band, from 0.
    /// - Returns: The value that marks a pixel without data.
    /// - Throws: ``GDALError`` when there is no such band.
    public func noData(band index: Int) throws(GDALError) -> Double? {
        let band = try band(index)
        var isSet: Int32 = 0
        let value = messages.capturing { GDALGetRasterNoDataValue(band, &isSet) }
        return isSet != 0 ? value : nil
    }

    /// How many overviews (reduced-resolution copies) a band has.
    /// - Parameter index: The band, from 0.
    /// - Returns: The count, 0 when none.
    /// - Throws: ``GDALError`` when there is no such band.
    public func overviewCount(band index: Int) throws(GDALError) -> Int {
        let band = try band(index)
        return Int(messages.capturing { GDALGetOverviewCount(band) })
    }
}
