import CGDAL

/// A raster of 32-bit floating-point bands held in memory (GDAL's MEM driver), filled row by
/// row and then copied to a file in any format a GDAL driver can create a copy in (a
/// Cloud-Optimised GeoTIFF with the `COG` driver, a plain GeoTIFF with `GTiff`).
///
/// One owner per handle: the dataset is closed when this object goes away. Not `Sendable`:
/// GDAL datasets must not be used from two threads at once, so compute the values in
/// parallel if needed and fill and copy the raster from one task.
public final class RasterDataset {
    /// The GDAL handle, owned by this object.
    let handle: GDALDatasetH
    /// Messages of the GDAL calls made on this dataset.
    let messages: GDALMessages
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Bands, numbered from 0 in GDALKit (GDAL numbers them from 1).
    public let bandCount: Int

    /// Takes ownership of an open dataset handle and reads its size; `messages` is the sink
    /// that collected the opening call's messages.
    init(owning handle: GDALDatasetH, messages: GDALMessages) {
        self.handle = handle
        self.messages = messages
        width = Int(GDALGetRasterXSize(handle))
        height = Int(GDALGetRasterYSize(handle))
        bandCount = Int(GDALGetRasterCount(handle))
    }

    /// Creates an in-memory raster of `bandCount` float32 bands, every pixel 0.
    /// - Parameters:
    ///   - width: Columns, at least 1.
    ///   - height: Rows, at least 1.
    ///   - bandCount: Bands, at least 1.
    /// - Throws: ``GDALError`` when a size is out of GDAL's range (`Int32`) or memory runs out.
    public convenience init(float32Width width: Int, height: Int, bandCount: Int) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        guard let columns = Int32(exactly: width), let rows = Int32(exactly: height), let bands = Int32(exactly: bandCount),
              columns > 0, rows > 0, bands > 0 else {
            throw GDALError(operation: "GDALCreate", message: "raster size \(width) × \(height) × \(bandCount) is out of range")
        }
        let messages = GDALMessages()
        let created = messages.capturing { () -> GDALDatasetH? in
            guard let driver = GDALGetDriverByName("MEM") else { return nil }
            return GDALCreate(driver, "", columns, rows, bands, GDT_Float32, nil)
        }
        guard let created else {
            throw messages.failure("GDALCreate", fallback: "cannot create a \(width) × \(height) in-memory raster")
        }
        self.init(owning: created, messages: messages)
    }

    deinit { messages.capturing { GDALClose(handle) } }

    /// Sets where the pixels lie.
    /// - Parameter transform: The north-up transform.
    /// - Throws: ``GDALError`` when GDAL refuses it.
    public func setGeoTransform(_ transform: GeoTransform) throws(GDALError) {
        var coefficients = transform.coefficients
        guard messages.capturing({ GDALSetGeoTransform(handle, &coefficients) }) == CE_None else {
            throw messages.failure("GDALSetGeoTransform")
        }
    }

    /// The raster's CRS.
    /// - Parameter reference: The CRS (written with the file, e.g. as GeoTIFF keys).
    /// - Throws: ``GDALError`` when GDAL refuses it.
    public func setSpatialReference(_ reference: SpatialReference) throws(GDALError) {
        guard messages.capturing({ GDALSetSpatialRef(handle, reference.handle) }) == CE_None else {
            throw messages.failure("GDALSetSpatialRef")
        }
    }

    /// The band's handle, after checking the index.
    func band(_ index: Int) throws(GDALError) -> GDALRasterBandH {
        guard index >= 0, index < bandCount, let band = messages.capturing({ GDALGetRasterBand(handle, Int32(index + 1)) }) else {
            throw GDALError(operation: "GDALGetRasterBand", message: "no band \(index) (the raster has \(bandCount))")
        }
        return band
    }

    /// Sets a band's nodata value and description.
    /// - Parameters:
    ///   - index: The band, from 0.
    ///   - noData: The value that marks a pixel without data.
    ///   - description: The band's description (shown by `gdalinfo` and QGIS), or nil.
    /// - Throws: ``GDALError`` when there is no such band or GDAL refuses the value.
    public func describeBand(_ index: Int, noData: Double, description: String? = nil) throws(GDALError) {
        let band = try band(index)
        guard messages.capturing({ GDALSetRasterNoDataValue(band, noData) }) == CE_None else {
            throw messages.failure("GDALSetRasterNoDataValue")
        }
        if let description { messages.capturing { GDALSetDescription(band, description) } }
    }

    /// Writes whole rows of a band.
    /// - Parameters:
    ///   - values: The pixels, row after row (`width` values a row), top row first.
    ///   - index: The band, from 0.
    ///   - firstRow: The row `values` starts at.
    /// - Throws: ``GDALError`` when the values do not fill whole rows inside the raster, or
    ///   GDAL fails to write.
    public func write(_ values: [Float], band index: Int, firstRow: Int) throws(GDALError) {
        let band = try band(index)
        let rows = values.count / width
        guard values.count % width == 0, firstRow >= 0, firstRow + rows <= height else {
            throw GDALError(operation: "GDALRasterIO",
                            message: "\(values.count) values from row \(firstRow) are not whole rows of a \(width) × \(height) raster")
        }
        guard rows > 0 else { return }
        var copy = values
        let status = messages.capturing {
            copy.withUnsafeMutableBytes { buffer in
                GDALRasterIO(band, GF_Write, 0, Int32(firstRow), Int32(width), Int32(rows),
                             buffer.baseAddress, Int32(width), Int32(rows), GDT_Float32, 0, 0)
            }
        }
        guard status == CE_None else { throw messages.failure("GDALRasterIO") }
    }

    /// Reads whole rows of a band back.
    /// - Parameters:
    ///   - index: The band, from 0.
    ///   - rows: The rows to read.
    /// - Returns: The pixels, row after row.
    /// - Throws: ``GDALError`` when the rows are outside the raster or GDAL fails to read.
    public func read(band index: Int, rows: Range<Int>) throws(GDALError) -> [Float] {
        let band = try band(index)
        guard rows.lowerBound >= 0, rows.upperBound <= height else {
            throw GDALError(operation: "GDALRasterIO", message: "rows \(rows) are outside a raster of \(height) rows")
        }
        var values = [Float](repeating: 0, count: rows.count * width)
        guard !rows.isEmpty else { return values }
        let status = messages.capturing {
            values.withUnsafeMutableBytes { buffer in
                GDALRasterIO(band, GF_Read, 0, Int32(rows.lowerBound), Int32(width), Int32(rows.count),
                             buffer.baseAddress, Int32(width), Int32(rows.count), GDT_Float32, 0, 0)
            }
        }
        guard status == CE_None else { throw messages.failure("GDALRasterIO") }
        return values
    }

    /// Builds reduced-resolution copies of every band (overviews), ignoring nodata pixels.
    /// - Parameters:
    ///   - factors: The reduction factors, e.g. `[2, 4, 8]`.
    ///   - resampling: GDAL's resampling name: `"NEAREST"` (each overview pixel is one of
    ///     the full-resolution pixels), `"AVERAGE"`, `"MODE"`, ….
    /// - Throws: ``GDALError`` when a factor is not above 1 or GDAL fails.
    public func buildOverviews(factors: [Int], resampling: String) throws(GDALError) {
        guard !factors.isEmpty else { return }
        guard factors.allSatisfy({ $0 > 1 && $0 <= Int(Int32.max) }) else {
            throw GDALError(operation: "GDALBuildOverviews", message: "overview factors must be above 1: \(factors)")
        }
        var levels = factors.map { Int32($0) }
        let status = messages.capturing {
            GDALBuildOverviews(handle, resampling, Int32(levels.count), &levels, 0, nil, nil, nil)
        }
        guard status == CE_None else { throw messages.failure("GDALBuildOverviews") }
    }

    /// Copies the raster, with its overviews, CRS, geotransform and nodata values, to a file.
    /// - Parameters:
    ///   - path: The file to write (replaced by the driver).
    ///   - driver: GDAL's short driver name: `"COG"` (Cloud-Optimised GeoTIFF, whose
    ///     `OVERVIEWS=FORCE_USE_EXISTING` option takes the overviews built here), `"GTiff"`.
    ///   - options: Creation options as `KEY=VALUE`, e.g. `"COMPRESS=DEFLATE"`.
    /// - Throws: ``GDALError`` when the driver is unknown or writing fails (e.g. a full
    ///   disk); the file may then exist half written: the caller removes it.
    public func copy(to path: String, driver: String, options: [String] = []) throws(GDALError) {
        try messages.capturing { () throws(GDALError) in
            guard let target = GDALGetDriverByName(driver) else {
                throw GDALError(operation: "GDALCreateCopy", message: "no GDAL driver '\(driver)'")
            }
            let copied = CStringList.withMutableList(options) { GDALCreateCopy(target, path, handle, 0, $0, nil, nil) }
            guard let copied else { throw messages.failure("GDALCreateCopy", fallback: "cannot write \(path)") }
            GDALClose(copied)
            // GDAL 3.6's GDALClose returns nothing: a failed flush is known by its message.
            if let failure = messages.lastFailure { throw GDALError(operation: "GDALClose", message: failure) }
        }
    }
}
