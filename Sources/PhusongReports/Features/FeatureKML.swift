import PhusongSupport

/// Writes a feature table as KML 2.2 (OGC 07-147r2) for Google Earth.
///
/// - A `<Document>` named after the layer holds one `<Folder>` per distinct value of the
///   presentation's folder column, in order of first appearance (rows where it is null go in
///   a folder named `(none)`), or a single folder named after the layer when the presentation
///   has no folder column or the table has no such column.
/// - One `<Placemark>` per row, in table order: `<name>` is the value of the name column;
///   `<description>` is HTML (which Google Earth shows in the balloon), one `label: value`
///   line per description column that has a value, lines separated by `<br/>`; `<ExtendedData>`
///   holds every column as `<Data name="column"><value>…</value></Data>` (empty for null);
///   `<Point><coordinates>lon,lat</coordinates></Point>` with 6 decimals, in WGS 84 as KML
///   requires, left out when the row's position is not finite.
/// - No styles: Google Earth's default pin is used.
/// - All text is XML-escaped (`XMLText`: `&`, `<`, `>`, `"`, `'`). The description's labels
///   and values are first escaped as HTML (`HTMLText`, line breaks become `<br/>`) and the
///   whole description then as XML, so that a value like `A & B <C>` reads `A & B <C>` in the
///   balloon. Characters XML 1.0 cannot hold (controls other than tab, LF and CR) become U+FFFD.
/// - UTF-8, no byte-order mark; equal tables give equal bytes.
public enum FeatureKML {
    public static func bytes(_ table: PointFeatureTable) -> [UInt8] {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<kml xmlns="http://www.opengis.net/kml/2.2">"#,
            "<Document>",
            "  <name>\(XMLText.escaped(table.layerName))</name>",
        ]
        for folder in folders(table) {
            lines.append("  <Folder>")
            lines.append("    <name>\(XMLText.escaped(folder.name))</name>")
            for row in folder.rows { lines += placemark(row, table: table) }
            lines.append("  </Folder>")
        }
        lines += ["</Document>", "</kml>", ""]
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// The rows grouped by the folder column's value, groups in order of first appearance.
    private static func folders(_ table: PointFeatureTable) -> [(name: String, rows: [PointFeature])] {
        guard let folderColumn = table.presentation.folderColumn,
              let column = table.columnIndex(named: folderColumn) else {
            return [(table.layerName, table.rows)]
        }
        var names: [String] = []
        var members: [String: [PointFeature]] = [:]
        for row in table.rows {
            let value = row.value(at: column)
            let name = value == .null ? "(none)" : value.plainText
            if members[name] == nil { names.append(name) }
            members[name, default: []].append(row)
        }
        return names.map { ($0, members[$0] ?? []) }
    }

    private static func placemark(_ row: PointFeature, table: PointFeatureTable) -> [String] {
        var lines = ["    <Placemark>"]
        if let column = table.columnIndex(named: table.presentation.nameColumn), row.value(at: column) != .null {
            lines.append("      <name>\(XMLText.escaped(row.value(at: column).plainText))</name>")
        }
        let description = table.presentation.descriptionColumns.compactMap { entry -> String? in
            guard let column = table.columnIndex(named: entry.column), row.value(at: column) != .null else { return nil }
            return HTMLText.escaped(entry.label, breakingLines: true) + ": " + HTMLText.escaped(row.value(at: column).plainText, breakingLines: true)
        }
        if !description.isEmpty {
            lines.append("      <description>\(XMLText.escaped(description.joined(separator: "<br/>")))</description>")
        }
        lines.append("      <ExtendedData>")
        for (index, column) in table.columns.enumerated() {
            lines.append(#"        <Data name=""# + XMLText.escaped(column.name) + #""><value>"# + XMLText.escaped(row.value(at: index).plainText) + "</value></Data>")
        }
        lines.append("      </ExtendedData>")
        if row.isLocated {
            lines.append("      <Point><coordinates>\(NumberText.fixed(row.lon, decimals: 6)),\(NumberText.fixed(row.lat, decimals: 6))</coordinates></Point>")
        }
        lines.append("    </Placemark>")
        return lines
    }
}
