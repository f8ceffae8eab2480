import Foundation
import GDALKit
import PhusongCoverage

extension CoverageOverlay {
    /// The plausible RSRP values of a coverage raster, dBm: anything outside (or not a
    /// number) is refused as not a coverage raster.
    static let plausibleRSRP: ClosedRange<Float> = -250...100

    /// A coverage raster written by `phusong raster` (`report --overlay FILE`): two bands
    /// (best 4G, best 5G RSRP, dBm) with nodata −9999, WGS 84 longitude/latitude (EPSG:4326),
    /// north up. A raster of more than ``maxPixels`` pixels is sampled: every n-th column and
    /// row (n the smallest that fits), each shown pixel being one of the file's pixels (a mean of
    /// decibels would be no computed figure).
    /// - Parameter file: the GeoTIFF (any raster GDAL reads).
    /// - Returns: the overlay, without a shadow layer.
    /// - Throws: ``CoverageOverlayError`` naming the file and what is wrong: missing or
    ///   unreadable (`unreadable`), or not a coverage raster (`notCoverageRaster`: bands,
    ///   nodata, CRS, geotransform, extent, or a value out of range with its pixel).
    public static func read(file: String) throws(CoverageOverlayError) -> CoverageOverlay {
        guard FileManager.default.isReadableFile(atPath: file) else { throw .unreadable(path: file, reason: "no such readable file") }
        let dataset: RasterDataset
        do { dataset = try RasterDataset(readingAt: file) } catch {
            throw .unreadable(path: file, reason: "GDAL cannot read it as a raster: \(error.message)")
        }
        func refuse(_ reason: String) -> CoverageOverlayError { .notCoverageRaster(path: file, reason: reason) }
        guard dataset.bandCount == 2 else {
            throw refuse("\(dataset.bandCount) bands; `phusong raster` writes 2 (best 4G, best 5G RSRP, dBm)")
        }
        guard let reference = dataset.spatialReference else { throw refuse("no coordinate reference system; expected EPSG:4326") }
        guard reference.isWGS84LonLat else { throw refuse("its CRS is \(reference.label), not WGS 84 longitude/latitude (EPSG:4326)") }
        guard let transform = dataset.geoTransform, transform.pixelWidth > 0, transform.pixelHeight > 0 else {
            throw refuse("no north-up geotransform (rotated, flipped or missing)")
        }
        guard dataset.width.multipliedReportingOverflow(by: dataset.height).partialValue <= CoverageGrid.maxPixels,
              dataset.width <= CoverageGrid.maxPixels, dataset.height <= CoverageGrid.maxPixels else {
            throw refuse("\(dataset.width) × \(dataset.height) pixels is more than `phusong raster` writes (\(CoverageGrid.maxPixels) at most)")
        }
        let box = LonLatBox(minLon: transform.originX, minLat: transform.originY - Double(dataset.height) * transform.pixelHeight,
                            maxLon: transform.originX + Double(dataset.width) * transform.pixelWidth, maxLat: transform.originY)
        if let problem = box.problem { throw refuse("its extent \(box) is not usable: \(problem)") }
        for band in 0..<2 {
            let noData: Double?
            do { noData = try dataset.noData(band: band) } catch { throw refuse(error.message) }
            guard noData == Double(CoverageRasterValues.noData) else {
                throw refuse("band \(band + 1)'s nodata value is \(noData.map { "\($0)" } ?? "not set"); `phusong raster` writes -9999")
            }
        }
        let step = Self.sampling(columns: dataset.width, rows: dataset.height)
        let columns = (dataset.width + step - 1) / step, rows = (dataset.height + step - 1) / step
        var bands = Bands(lte: [], nr: [])
        for (band, keyPath) in [(0, \Bands.lte), (1, \Bands.nr)] {
            var values: [Float] = []
            values.reserveCapacity(columns * rows)
            for row in stride(from: 0, to: dataset.height, by: step) {
                let line: [Float]
                do { line = try dataset.read(band: band, rows: row..<(row + 1)) } catch {
                    throw .unreadable(path: file, reason: error.message)
                }
                for column in stride(from: 0, to: dataset.width, by: step) {
                    let value = line[column]
                    guard value == CoverageRasterValues.noData || Self.plausibleRSRP.contains(value) else {
                        throw refuse("band \(band + 1), column \(column + 1), row \(row + 1): \(value) dBm is outside "
                            + "\(Int(plausibleRSRP.lowerBound))…\(Int(plausibleRSRP.upperBound)) dBm (and is not the nodata value -9999)")
                    }
                    values.append(value)
                }
            }
            bands[keyPath: keyPath] = values
        }
        let metresPerDegree = Double.pi * Geodesy.earthRadiusM / 180
        let middle = (box.minLat + box.maxLat) / 2 * Double.pi / 180
        let sideM = Double(step) * max(transform.pixelWidth * metresPerDegree * cos(middle), transform.pixelHeight * metresPerDegree)
        return CoverageOverlay(source: .file(path: file), box: box, columns: columns, rows: rows, resolutionM: sideM, values: bands,
                               flat: nil, sampling: step)
    }

    /// The smallest step n such that every n-th column and row give at most ``maxPixels``.
    static func sampling(columns: Int, rows: Int) -> Int {
        var step = 1
        while ((columns + step - 1) / step) * ((rows + step - 1) / step) > maxPixels { step += 1 }
        return step
    }
}

/// Why `report --overlay FILE` cannot show the file.
public enum CoverageOverlayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is missing or GDAL cannot read it (exit 66).
    case unreadable(path: String, reason: String)
    /// The file is a raster but not a coverage raster as `phusong raster` writes it (exit 65).
    case notCoverageRaster(path: String, reason: String)

    /// The message, naming the file.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "--overlay \(path): cannot read it: \(reason)"
        case .notCoverageRaster(let path, let reason):
            "--overlay \(path): not a coverage raster of `phusong raster`: \(reason)"
        }
    }
}
