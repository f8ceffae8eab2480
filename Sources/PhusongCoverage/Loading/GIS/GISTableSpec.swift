/// What a loader asks of a GIS layer: its columns (names and aliases, as for a CSV header),
/// which of them the point geometry fills, and which hold codes of an official width.
struct GISTableSpec: Sendable {
    /// What the rows are (`villages`, `cells`): the layer's name that settles a choice
    /// between several `--layer` names (`GISLayerChoice`).
    let kind: String
    /// The loader's columns.
    let columns: [ColumnSpec]
    /// The contract names of the longitude and latitude columns that a point geometry fills
    /// (`lon`, `lat`); nil for a table without positions.
    let position: (lon: String, lat: String)?
    /// Contract column name → the code's official number of digits (province 2, commune 5),
    /// for numeric columns padded with zeros.
    let codeDigits: [String: Int]

    /// The loader's column that a source field name stands for: its own name or an alias
    /// (any case), or the one longer name a DBF field cut to 10 bytes begins with
    /// (`province_c` → `province_code`, `azimuth_de` → `azimuth_deg`); nil for another field.
    func column(for fieldName: String) -> ColumnSpec? {
        let key = fieldName.lowercased()
        if let column = columns.first(where: { $0.acceptedNames.contains(key) }) { return column }
        guard key.utf8.count == Self.dbfNameBytes else { return nil }
        let cut = columns.filter { column in
            column.acceptedNames.contains { $0.utf8.count > Self.dbfNameBytes && $0.hasPrefix(key) }
        }
        return cut.count == 1 ? cut[0] : nil
    }

    /// The longest field name a dBASE (DBF) file stores, bytes: longer names are cut.
    static let dbfNameBytes = 10

    /// Whether `fieldName` is one of the position columns, which a point geometry replaces.
    func isPositionColumn(_ fieldName: String) -> Bool {
        guard let position, let column = column(for: fieldName) else { return false }
        return column.name == position.lon || column.name == position.lat
    }
}
