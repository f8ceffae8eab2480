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

    /// The columns as the parser reads them.
    private enum Column {
        static let id = TableColumn("cell_id", in: columns)
        static let site = TableColumn("site_id", in: columns)
        static let operatorName = TableColumn("operator", in: columns)
        static let technology = TableColumn("technology", in: columns)
        static let band = TableColumn("band_mhz", in: columns)
        static let lon = TableColumn("lon", in: columns)
        static let lat = TableColumn("lat", in: columns)
        static let height = TableColumn("height_m", in: columns)
        static let azimuth = TableColumn("azimuth_deg", in: columns)
        static let beamwidth = TableColumn("beamwidth_deg", in: columns)
        static let eirp = TableColumn("rs_eirp_dbm", in: columns)
        static let power = TableColumn("power_source", in: columns)
    }

    static let example = "cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source"

    /// Cells of one site farther apart than this are an error, metres.
    public static let maxSiteSpreadM = 1_000.0

    /// Reads and checks the file; see `VillagesLoader.load` for what throws and what is
    /// returned as rejected rows. Besides each field, it checks that all cells of a site lie
    /// within 1 km of the site's first cell.
    /// - Parameters:
    ///   - path: the CSV file (docs/specs/data-formats.md).
    ///   - studyArea: coordinates outside this box load with a warning.
    ///   - threads: tasks that parse chunks of the file at the same time.
    public static func load(path: String, studyArea: StudyArea = .vietnam, threads: Int = TaskPool.defaultThreads) async throws(LoadError) -> LoadedTable<Cell> {
        try await load(paths: [path], studyArea: studyArea, threads: threads)
    }

    /// Reads several cells files as one list, in order: ids must be unique across them, and a
    /// site's cells within 1 km of its first cell in any of them.
    /// - Parameters:
    ///   - paths: CSV files, or GIS vector sources GDAL reads (docs/formats.md).
    ///   - studyArea: coordinates outside this box load with a warning.
    ///   - threads: tasks that parse chunks of the file at the same time.
    ///   - layers: the layer names given with `--layer`, for a GIS source with several.
    public static func load(
        paths: [String], studyArea: StudyArea = .vietnam, threads: Int = TaskPool.defaultThreads, layers: [String] = []
    ) async throws(LoadError) -> LoadedTable<Cell> {
        try await load(paths: paths, studyArea: studyArea, threads: threads, chunking: TableLoader.Chunking(), layers: layers)
    }

    /// What a GIS layer of cells must give: the columns and the point geometry as `lon`/`lat`.
    static let gisSpec = GISTableSpec(kind: "cells", columns: columns, position: (lon: "lon", lat: "lat"), codeDigits: [:])

    /// `load(paths:studyArea:threads:layers:)` with blocks and chunks of the given sizes (tests).
    static func load(
        paths: [String], studyArea: StudyArea = .vietnam, threads: Int, chunking: TableLoader.Chunking, layers: [String] = []
    ) async throws(LoadError) -> LoadedTable<Cell> {
        let state = RowChecks<SiteCheck>(partitions: threads)
        var merged: LoadedTable<Cell>?
        for path in paths {
            let table = try await GISTableLoading.load(path: path, layers: layers, spec: gisSpec, threads: threads) { source throws(LoadError) in
                try await TableLoader.load(
                    path: path, source: source, columns: columns, idColumn: Column.id, example: example, noun: "cells",
                    threads: threads, state: state, chunking: chunking
                ) { row, warnings in
                    parse(&row, studyArea: studyArea, warnings: &warnings)
                }
            }
            guard var sofar = merged else {
                merged = table
                continue
            }
            sofar.file += ", " + path
            sofar.rows += table.rows
            sofar.lines += table.lines
            sofar.rejected += table.rejected
            sofar.warn(from: table)
            merged = sofar
        }
        guard let merged else {
            throw LoadError(Problem(file: "", reason: .file(.noneGiven(kind: "cells"))))
        }
        return merged
    }

    /// The site check: every cell of a site lies within 1 km of the site's first cell (an
    /// error), and has its operator (a warning, within one file).
    private enum SiteCheck: TableRowCheck {
        struct FirstCell {
            var lon: Double
            var lat: Double
            var line: Int
            var file: String
            var operatorName: String
        }

        static var initialState: FirstOccurrences<FirstCell> { FirstOccurrences() }
        static var checksRows: Bool { true }
        static func prepare(_ cell: Cell) -> Int { cell.siteID.hashValue }

        static func check(_ cell: Cell, prepared: Int, line: Int, file: String, state firstCells: inout FirstOccurrences<FirstCell>,
                          record: () -> RowReader) -> RowCheckOutcome {
            guard let index = firstCells.index(of: cell.siteID, hash: prepared) else {
                firstCells.insert(cell.siteID, hash: prepared, value: FirstCell(
                    lon: cell.lon, lat: cell.lat, line: line, file: file, operatorName: cell.operatorName))
                return RowCheckOutcome()
            }
            let first = firstCells.values[index]
            var outcome = RowCheckOutcome()
            // A site's cells mostly share its position: no trigonometry for them (the
            // haversine distance of a point to itself is exactly 0).
            let samePlace = first.lon == cell.lon && first.lat == cell.lat
            let distance = samePlace ? 0 : Geodesy.distanceM(lon1: first.lon, lat1: first.lat, lon2: cell.lon, lat2: cell.lat)
            if distance > maxSiteSpreadM {
                let row = record()
                let shown = "\(row.header.displayName(Column.lon))=\(row.shownValue(Column.lon)) "
                    + "\(row.header.displayName(Column.lat))=\(row.shownValue(Column.lat))"
                outcome.problem = Problem(
                    file: file, line: line, column: "site_id", value: cell.siteID,
                    reason: .value(.siteSpread(position: shown, distanceM: distance, firstLine: first.line,
                                               firstFile: first.file == file ? nil : first.file))
                )
            }
            if first.operatorName != cell.operatorName, first.file == file {
                outcome.warning = Problem(
                    file: file, line: line, column: record().header.displayName(Column.operatorName), value: cell.operatorName,
                    reason: .value(.siteOperator(site: cell.siteID, firstOperator: first.operatorName, firstLine: first.line))
                )
            }
            return outcome
        }
    }

    private static func parse(_ row: inout RowReader, studyArea: StudyArea, warnings: inout [Problem]) -> TableLoader.Parsed<Cell> {
        let id = row.requiredText(Column.id)
        let site = row.requiredText(Column.site)
        let operatorName = row.requiredText(Column.operatorName)
        let technology = row.choice(Column.technology, required: true, allowed: ["4G", "5G"]) { text -> Technology? in
            switch text {
            case "4g", "lte": .lte
            case "5g", "nr": .nr
            default: nil
            }
        }
        let band = row.number(Column.band, range: InputColumnRanges.bandMHz, required: true)
        let point = row.coordinates(lon: Column.lon, lat: Column.lat, studyArea: studyArea, warnings: &warnings)
        let height = row.number(Column.height, range: InputColumnRanges.heightM, required: true)
        let azimuth = row.number(Column.azimuth, range: InputColumnRanges.azimuthDeg, required: false)
        let beamwidth = row.number(Column.beamwidth, range: InputColumnRanges.beamwidthDeg, required: false)
        let eirp = row.number(Column.eirp, range: InputColumnRanges.rsEIRPdBm, required: false)
        let power = row.choice(Column.power, required: false, allowed: ["grid", "solar", "generator", "hybrid"]) {
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
