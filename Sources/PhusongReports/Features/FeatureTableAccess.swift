/// How the GeoJSON, KML and GeoPackage writers read a feature table: values by column
/// position, presentation columns by name, positions only when both coordinates are finite.
extension PointFeatureTable {
    /// The position of the column called `name`, or nil when the table has none.
    func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}

extension PointFeature {
    /// The value in column `index`; `.null` when the row has fewer values than the table has
    /// columns, so that every row is written with every column.
    func value(at index: Int) -> FeatureValue {
        values.indices.contains(index) ? values[index] : .null
    }

    /// True when both coordinates are finite. A row without a position is written without a
    /// geometry (GeoJSON `"geometry": null`, a KML placemark without `<Point>`, a NULL
    /// GeoPackage geometry) rather than with made-up coordinates.
    var isLocated: Bool { lon.isFinite && lat.isFinite }
}
