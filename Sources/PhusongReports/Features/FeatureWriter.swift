import Foundation
import PhusongSupport

/// Writes a feature table in any `FeatureFormat`.
public enum FeatureWriter {
    /// The table as the bytes of a file in `format` (CSV, GeoJSON, KML, KMZ or XLSX); nil for
    /// GeoPackage, which is an SQLite database and is only written to a file.
    /// - Parameters:
    ///   - table: the layer to write.
    ///   - format: the file format.
    /// - Throws: `FileFormatError` when the table does not fit the format (an XLSX sheet's
    ///   limits) or the zip container of XLSX or KMZ cannot be built.
    public static func bytes(_ table: PointFeatureTable, format: FeatureFormat) throws(FileFormatError) -> [UInt8]? {
        switch format {
        case .csv: FeatureCSV.bytes(table)
        case .geojson: FeatureGeoJSON.bytes(table)
        case .kml: FeatureKML.bytes(table)
        case .kmz: try FeatureKML.kmzBytes(table)
        case .xlsx: try FeatureXLSX.bytes(table)
        case .gpkg: nil
        }
    }

    /// Writes the table to `path` in `format`, atomically (temporary file, then rename),
    /// creating the parent folder when needed.
    /// - Parameters:
    ///   - table: the layer to write.
    ///   - format: the file format.
    ///   - path: the file to write (replaced whole).
    ///   - lastChange: the GeoPackage `last_change` timestamp; unused by other formats.
    public static func write(_ table: PointFeatureTable, format: FeatureFormat, to path: String,
                             lastChange: Date = Date()) throws(OutputError) {
        let bytes: [UInt8]?
        do {
            bytes = try self.bytes(table, format: format)
        } catch {
            throw OutputError(path: path, reason: error.reason)
        }
        if let bytes {
            try AtomicFile.write(bytes, to: path)
        } else {
            try FeatureGeoPackage.write(table, to: path, lastChange: lastChange)
        }
    }
}
