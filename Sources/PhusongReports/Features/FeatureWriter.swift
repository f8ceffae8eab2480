import Foundation
import PhusongSupport

/// Writes a feature table in any `FeatureFormat`.
public enum FeatureWriter {
    /// The table as text in `format` (CSV, GeoJSON or KML); nil for GeoPackage, which is an
    /// SQLite database and is only written to a file.
    public static func bytes(_ table: PointFeatureTable, format: FeatureFormat) -> [UInt8]? {
        switch format {
        case .csv: FeatureCSV.bytes(table)
        case .geojson: FeatureGeoJSON.bytes(table)
        case .kml: FeatureKML.bytes(table)
        case .gpkg: nil
        }
    }

    /// Writes the table to `path` in `format`, atomically (temporary file, then rename),
    /// creating the parent folder when needed.
    /// - Parameters:
    ///   - table: the layer to write.
    ///   - format: the file format.
    ///   - path: the file to write (replaced whole).
    ///   - lastChange: the GeoPackage `last_change` timestamp (by default a fixed one, for
    ///     reproducible files); unused by other formats.
    public static func write(_ table: PointFeatureTable, format: FeatureFormat, to path: String,
                             lastChange: Date = FeatureGeoPackage.reproducibleLastChange) throws(OutputError) {
        if let bytes = bytes(table, format: format) {
            try AtomicFile.write(bytes, to: path)
        } else {
            try FeatureGeoPackage.write(table, to: path, lastChange: lastChange)
        }
    }
}
