import PhusongSupport

/// Loads `cells.csv` (docs/specs/data-formats.md §2.2), streaming, checking every row.
public enum CellsLoader {
    static let columns: [ColumnSpec] = [
        ColumnSpec("cell_id", required: true),
        ColumnSpec("site_id", required: true),
        ColumnSpec("operator", required: true),
        ColumnSpec("technology", aliases: ["tech"], required: true),
        ColumnSpec("band_mhz", required: true),
        ColumnSpec("lon", aliases: ["lng", "long", "longitude", "x"], required: true),
        ColumnSpec("lat", aliases: ["latitude", "y"], required: true),
        ColumnSpec("height_m", required: true),
        ColumnSpec("azimuth_deg"),
        ColumnSpec("beamwidth_deg"),
        ColumnSpec("rs_eirp_dbm"),
        ColumnSpec("power_source"),
    ]

    static let example = "cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source"

    /// Cells of one site farther apart than this are an error, metres.
    public static let maxSiteSpreadM = 1_000.0

    /// Reads and checks the file; see `VillagesLoader.load` for what throws and what is
    /// returned as rejected rows. Besides each field, it checks that all cells of a site lie
    /// within 1 km of the site's first cell.
    public static func load(path: String, studyArea: StudyArea = .vietnam) throws(LoadError) -> LoadedTable<Cell> {
        try load(paths: [path], studyArea: studyArea)
    }

    /// Reads several cells files as one list, in order: ids must be unique across them, and a
    /// site's cells within 1 km of its first cell in any of them.
    public static func load(paths: [String], studyArea: StudyArea = .vietnam) throws(LoadError) -> LoadedTable<Cell> {
        var ids = UniqueIDs()
        var sites: [String: SiteFirstCell] = [:]
        var merged: LoadedTable<Cell>?
        for path in paths {
            let table = try load(path: path, studyArea: studyArea, ids: &ids, sites: &sites)
            guard var sofar = merged else {
                merged = table
                continue
            }
            sofar.file += ", " + path
            sofar.rows += table.rows
            sofar.lines += table.lines
            sofar.rejected += table.rejected
            sofar.warnings += table.warnings
            merged = sofar
        }
        guard let merged else {
            throw LoadError(Problem(file: "", reason: .file(.noneGiven(kind: "cells"))))
        }
        return merged
    }

    private static func load(
        path: String, studyArea: StudyArea, ids: inout UniqueIDs, sites: inout [String: SiteFirstCell]
    ) throws(LoadError) -> LoadedTable<Cell> {
        try TableLoader.load(path: path, columns: columns, example: example, noun: "cells") { row, warnings in
            let cell = parse(&row, studyArea: studyArea, ids: &ids, warnings: &warnings)
            if let cell, row.problems.isEmpty { checkSite(cell, row: &row, sites: &sites, warnings: &warnings) }
            return cell
        }
    }

    private struct SiteFirstCell {
        var lon: Double
        var lat: Double
        var line: Int
        var file: String
        var operatorName: String
    }

    private static func checkSite(_ cell: Cell, row: inout RowReader, sites: inout [String: SiteFirstCell], warnings: inout [Problem]) {
        guard let first = sites[cell.siteID] else {
            sites[cell.siteID] = SiteFirstCell(lon: cell.lon, lat: cell.lat, line: row.line, file: row.file, operatorName: cell.operatorName)
            return
        }
        let distance = Geodesy.distanceM(lon1: first.lon, lat1: first.lat, lon2: cell.lon, lat2: cell.lat)
        if distance > maxSiteSpreadM {
            let shown = "\(row.header.displayName("lon"))=\(row.shownValue("lon")) \(row.header.displayName("lat"))=\(row.shownValue("lat"))"
            row.add(Problem(
                file: row.file, line: row.line, column: "site_id", value: cell.siteID,
                reason: .value(.siteSpread(position: shown, distanceM: distance, firstLine: first.line,
                                           firstFile: first.file == row.file ? nil : first.file))
            ))
        }
        if first.operatorName != cell.operatorName, first.file == row.file {
            warnings.append(Problem(
                file: row.file, line: row.line, column: row.header.displayName("operator"), value: cell.operatorName,
                reason: .value(.siteOperator(site: cell.siteID, firstOperator: first.operatorName, firstLine: first.line))
            ))
        }
    }

    private static func parse(_ row: inout RowReader, studyArea: StudyArea, ids: inout UniqueIDs, warnings: inout [Problem]) -> Cell? {
        let id = row.requiredText("cell_id")
        if let id, let earlier = ids.insert(id, line: row.line) {
            row.fail("cell_id", value: id, .duplicateID(firstLine: earlier))
        }
        let site = row.requiredText("site_id")
        let operatorName = row.requiredText("operator")
        let technology = row.choice("technology", required: true, allowed: ["4G", "5G"]) { text -> Technology? in
            switch text {
            case "4g", "lte": .lte
            case "5g", "nr": .nr
            default: nil
            }
        }
        let band = row.number(InputColumnRanges.bandMHz, required: true)
        let point = row.coordinates(studyArea: studyArea, warnings: &warnings)
        let height = row.number(InputColumnRanges.heightM, required: true)
        let azimuth = row.number(InputColumnRanges.azimuthDeg, required: false)
        let beamwidth = row.number(InputColumnRanges.beamwidthDeg, required: false)
        let eirp = row.number(InputColumnRanges.rsEIRPdBm, required: false)
        let power = row.choice("power_source", required: false, allowed: ["grid", "solar", "generator", "hybrid"]) {
            PowerSource(rawValue: $0)
        }
        guard let id, let site, let operatorName, let technology, let band, let point, let height else { return nil }
        return Cell(
            id: id, siteID: site, operatorName: operatorName, technology: technology, bandMHz: band,
            lon: point.lon, lat: point.lat, heightM: height, azimuthDeg: azimuth,
            beamwidthDeg: beamwidth ?? Cell.defaultBeamwidthDeg, rsEIRPdBm: eirp, powerSource: power
        )
    }
}
