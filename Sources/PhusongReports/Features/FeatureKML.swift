import PhusongSupport

/// Writes a feature table as KML 2.2 (OGC 07-147r2) for Google Earth, and as KMZ (the same
/// document zipped as `doc.kml`, the name Google Earth opens first).
///
/// - A `<Document>` named after the layer holds the presentation's shared `<Style>`s (an icon
///   tinted in the style's colour), then one `<Folder>` per distinct value of the
///   presentation's folder column, sorted by that value (rows where it is null in a last
///   folder named `(none)`); a folder is named `name (value)` from the folder name column
///   (`Điện Biên (11)`), or by the value alone. Without a folder column, or when the table
///   has no such column, a single folder named after the layer. GDAL's KML and LIBKML
///   drivers read each folder as a layer, so the folder names are distinct.
/// - One `<Placemark>` per row, in table order within its folder: `<name>` is the value of
///   the name column; `<description>` is an HTML table (which Google Earth shows in the
///   balloon), one row `label | value` per description column that has a value; `<styleUrl>`
///   points to the style whose value the row's style column holds, if any; `<ExtendedData>`
///   holds every column as `<Data name="column"><value>…</value></Data>` (empty for null);
///   `<Point><coordinates>lon,lat</coordinates></Point>` with 6 decimals, in WGS 84 as KML
///   requires, left out when the row's position is not finite.
/// - All text is XML-escaped (`XMLText`: `&`, `<`, `>`, `"`, `'`). The description's labels
///   and values are first escaped as HTML (`HTMLText`, line breaks become `<br/>`) and the
///   whole description then as XML, so that a value like `A & B <C>` reads `A & B <C>` in the
///   balloon. Characters XML 1.0 cannot hold (controls other than tab, LF and CR) become U+FFFD.
/// - UTF-8, no byte-order mark; equal tables give equal bytes (KMZ: `ZipContainer`).
public enum FeatureKML {
    /// - Parameter table: the layer to write.
    /// - Returns: the KML document's bytes.
    public static func bytes(_ table: PointFeatureTable) -> [UInt8] {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<kml xmlns="http://www.opengis.net/kml/2.2">"#,
            "<Document>",
            "  <name>\(XMLText.escaped(table.layerName))</name>",
        ]
        for style in table.presentation.styles { lines += styleLines(style) }
        let styleColumn = table.presentation.styleColumn.flatMap(table.columnIndex(named:))
        for folder in folders(table) {
            lines.append("  <Folder>")
            lines.append("    <name>\(XMLText.escaped(folder.name))</name>")
            for row in folder.rows { lines += placemark(row, table: table, styleColumn: styleColumn) }
            lines.append("  </Folder>")
        }
        lines += ["</Document>", "</kml>", ""]
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// The KML document zipped as `doc.kml` (KMZ).
    /// - Parameter table: the layer to write.
    /// - Returns: the KMZ file's bytes.
    /// - Throws: `FileFormatError` when the zip container cannot be built.
    public static func kmzBytes(_ table: PointFeatureTable) throws(FileFormatError) -> [UInt8] {
        try ZipContainer.bytes([ZipContainer.Entry(path: "doc.kml", bytes: bytes(table))])
    }

    /// A shared style: the icon in the style's colour (KML colours are `aabbggrr`), labels a
    /// little smaller than the icon.
    private static func styleLines(_ style: FeatureStyle) -> [String] {
        let rgb = Array(style.colourRGB.lowercased())
        let kmlColour = rgb.count == 6 ? "ff" + String(rgb[4...5]) + String(rgb[2...3]) + String(rgb[0...1]) : "ffffffff"
        return [
            "  <Style id=\"\(XMLText.escaped(style.id))\">",
            "    <IconStyle><color>\(kmlColour)</color><Icon><href>\(XMLText.escaped(style.icon))</href></Icon></IconStyle>",
            "    <LabelStyle><scale>0.8</scale></LabelStyle>",
            "  </Style>",
        ]
    }

    /// The rows grouped by the folder column's value, groups sorted by it (null last).
    private static func folders(_ table: PointFeatureTable) -> [(name: String, rows: [PointFeature])] {
        guard let folderColumn = table.presentation.folderColumn,
              let column = table.columnIndex(named: folderColumn) else {
            return [(table.layerName, table.rows)]
        }
        let nameColumn = table.presentation.folderNameColumn.flatMap(table.columnIndex(named:))
        var members: [String?: [PointFeature]] = [:]
        for row in table.rows {
            let value = row.value(at: column)
            members[value == .null ? nil : value.plainText, default: []].append(row)
        }
        let keys = members.keys.sorted { ($0 == nil ? 1 : 0, $0 ?? "") < ($1 == nil ? 1 : 0, $1 ?? "") }
        return keys.map { key in
            let rows = members[key] ?? []
            guard let key else { return ("(none)", rows) }
            let name = nameColumn.map { rows.first?.value(at: $0) ?? .null } ?? .null
            return (name == .null ? key : "\(name.plainText) (\(key))", rows)
        }
    }

    private static func placemark(_ row: PointFeature, table: PointFeatureTable, styleColumn: Int?) -> [String] {
        var lines = ["    <Placemark>"]
        if let column = table.columnIndex(named: table.presentation.nameColumn), row.value(at: column) != .null {
            lines.append("      <name>\(XMLText.escaped(row.value(at: column).plainText))</name>")
        }
        let description = table.presentation.descriptionColumns.compactMap { entry -> String? in
            guard let column = table.columnIndex(named: entry.column), row.value(at: column) != .null else { return nil }
            return "<tr><th align=\"left\">" + HTMLText.escaped(entry.label, breakingLines: true) + "</th><td>"
                + HTMLText.escaped(row.value(at: column).plainText, breakingLines: true) + "</td></tr>"
        }
        if !description.isEmpty {
            lines.append("      <description>\(XMLText.escaped("<table>" + description.joined() + "</table>"))</description>")
        }
        if let styleColumn, let style = table.presentation.styles.first(where: { $0.value == row.value(at: styleColumn).plainText }) {
            lines.append("      <styleUrl>#\(XMLText.escaped(style.id))</styleUrl>")
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
