import PhusongSupport

/// Loads `cells.csv` (docs/specs/data-formats.md §2.2), in parallel chunks (`TableLoader`), checking every row.
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
    /// - Parameter threads: tasks that parse chunks of the file at the same time.
    public static func load(path: String, studyArea: StudyArea = .vietnam, threads: Int = TaskPool.defaultThreads) async throws(LoadError) -> LoadedTable<Cell> {
        try await load(paths: [path], studyArea: studyArea, threads: threads)
    }

    /// Reads several cells files as one list, in order: ids must be unique across them, and a
    /// site's cells within 1 km of its first cell in any of them.
    public static func load(
        paths: [String], studyArea: StudyArea = .vietnam, threads: Int = TaskPool.defaultThreads
    ) async throws(LoadError) -> LoadedTable<Cell> {
        var ids = FirstOccurrences<Int>()
        var sites = SiteCheck()
        var merged: LoadedTable<Cell>?
        for path in paths {
            let table = try await TableLoader.load(
                path: path, columns: columns, idColumn: "cell_id", example: example, noun: "cells", threads: threads,
                ids: &ids, check: &sites
            ) { row, warnings in
                parse(&row, studyArea: studyArea, warnings: &warnings)
            }
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

    /// The site check: every cell of a site lies within 1 km of the site's first cell (an
    /// error), and has its operator (a warning, within one file).
    private struct SiteCheck: TableRowCheck {
        private struct FirstCell {
            var lon: Double
            var lat: Double
            var line: Int
            var file: String
            var operatorName: String
        }

        private var firstCells = FirstOccurrences<FirstCell>()

        static func prepare(_ cell: Cell) -> Int { cell.siteID.hashValue }

        mutating func check(_ cell: Cell, prepared: Int, line: Int, file: String, record: () -> RowReader,
                            problems: inout [Problem], warnings: inout [Problem]) {
            guard let index = firstCells.index(of: cell.siteID, hash: prepared) else {
                firstCells.insert(cell.siteID, hash: prepared, value: FirstCell(
                    lon: cell.lon, lat: cell.lat, line: line, file: file, operatorName: cell.operatorName))
                return
            }
            let first = firstCells.values[index]
            // A site's cells mostly share its position: no trigonometry for them (the
            // haversine distance of a point to itself is exactly 0).
            let samePlace = first.lon == cell.lon && first.lat == cell.lat
            let distance = samePlace ? 0 : Geodesy.distanceM(lon1: first.lon, lat1: first.lat, lon2: cell.lon, lat2: cell.lat)
            if distance > maxSiteSpreadM {
                let row = record()
                let shown = "\(row.header.displayName("lon"))=\(row.shownValue("lon")) \(row.header.displayName("lat"))=\(row.shownValue("lat"))"
                problems.append(Problem(
                    file: file, line: line, column: "site_id", value: cell.siteID,
                    reason: .value(.siteSpread(position: shown, distanceM: distance, firstLine: first.line,
                                               firstFile: first.file == file ? nil : first.file))
                ))
            }
            if first.operatorName != cell.operatorName, first.file == file {
                warnings.append(Problem(
                    file: file, line: line, column: record().header.displayName("operator"), value: cell.operatorName,
                    reason: .value(.siteOperator(site: cell.siteID, firstOperator: first.operatorName, firstLine: first.line))
                ))
            }
        }
    }

    private static func parse(_ row: inout RowReader, studyArea: StudyArea, warnings: inout [Problem]) -> TableLoader.Parsed<Cell> {
        let id = row.requiredText("cell_id")
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
        guard let id, let site, let operatorName, let technology, let band, let point, let height else {
            return TableLoader.Parsed(id: id, row: nil)
        }
        return TableLoader.Parsed(id: id, row: Cell(
            id: id, siteID: site, operatorName: operatorName, technology: technology, bandMHz: band,
            lon: point.lon, lat: point.lat, heightM: height, azimuthDeg: azimuth,
            beamwidthDeg: beamwidth ?? Cell.defaultBeamwidthDeg, rsEIRPdBm: eirp, powerSource: power
        ))
    }
}
