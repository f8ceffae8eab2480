/// Which reader an input file goes to, by its extension: phusong's own fast readers for CSV
/// (and GeoJSON boundaries), GDAL/OGR for the formats GIS users hold (docs/formats.md).
///
/// Only the extensions listed go to GDAL, so every file read today (a `.csv`, a `.txt`, a
/// FIFO such as `/dev/stdin`) keeps its reader, its messages and its bytes.
package enum InputFormat: Sendable, Hashable {
    /// Comma-separated text, read by `TableLoader`.
    case csv
    /// A vector source opened with GDAL (`GISTable`).
    case gis

    /// Extensions (lower case) of the vector formats read through GDAL: GeoPackage, Shapefile
    /// (`.shp`, or its `.dbf` alone as a table), Excel and OpenDocument sheets, MapInfo TAB
    /// and MIF, FlatGeobuf, GeoJSON (for villages and cells; boundaries keep their reader),
    /// GML, KML, SQLite/SpatiaLite.
    static let gisExtensions: Set<String> = [
        "gpkg", "shp", "dbf", "xlsx", "xls", "ods", "tab", "mif", "fgb", "geojson", "json", "gml", "kml", "sqlite",
    ]

    /// GDAL configuration for reading GIS sources, set for the reading thread only
    /// (`GDALLibrary.withThreadConfiguration`; GDAL 3.6 has these as configuration options):
    /// - a sheet's first row is always its header (`OGR_XLSX_HEADERS`, `OGR_ODS_HEADERS` =
    ///   `FORCE`; GDAL's guess takes a sheet whose cells are all text, as ogr2ogr writes
    ///   codes, for one without a header);
    /// - a Shapefile's text is read raw (`SHAPE_ENCODING` empty) and recoded by GDALKit from
    ///   the encoding its `.cpg` declares (`GISLayerChoice`): GDAL's own recoding drops the
    ///   last letter of Windows-1258 text (`TextRecoder` in GDALKit says why).
    static let gdalConfiguration = ["OGR_XLSX_HEADERS": "FORCE", "OGR_ODS_HEADERS": "FORCE", "SHAPE_ENCODING": ""]

    /// The format of the file at `path`, from its extension.
    /// - Parameter path: the file as the user named it.
    /// - Returns: `.gis` for an extension in ``gisExtensions``, `.csv` otherwise.
    package static func of(_ path: String) -> InputFormat {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return .csv }
        return gisExtensions.contains(path[path.index(after: dot)...].lowercased()) ? .gis : .csv
    }
}
