import PhusongSupport

/// Loads `villages.csv` (docs/specs/data-formats.md §2.1), in parallel chunks (`TableLoader`), checking every row.
public enum VillagesLoader {
    static let columns: [ColumnSpec] = [
        ColumnSpec("village_id", required: true),
        ColumnSpec("name"),
        ColumnSpec("province_code"),
        ColumnSpec("commune_code"),
        ColumnSpec("lon", aliases: ["lng", "long", "longitude", "x"], required: true),
        ColumnSpec("lat", aliases: ["latitude", "y"], required: true),
        ColumnSpec("population", required: true),
        ColumnSpec("households"),
        ColumnSpec("grid_power", required: true),
        ColumnSpec("area_type"),
    ]

    /// The columns as the parser reads them.
    private enum Column {
        static let id = TableColumn("village_id", in: columns)
        static let name = TableColumn("name", in: columns)
        static let province = TableColumn("province_code", in: columns)
        static let commune = TableColumn("commune_code", in: columns)
        static let lon = TableColumn("lon", in: columns)
        static let lat = TableColumn("lat", in: columns)
        static let population = TableColumn("population", in: columns)
        static let households = TableColumn("households", in: columns)
        static let gridPower = TableColumn("grid_power", in: columns)
        static let areaType = TableColumn("area_type", in: columns)
    }

    static let example = "village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type"

    /// Reads and checks the file. Row problems do not throw: they are returned as rejected
    /// rows, so the caller can stop (the default) or set them aside (`--rejects`).
    /// - Throws: `LoadError` when the file as a whole cannot be read (missing, empty, wrong
    ///   delimiter, missing required column, header only, unclosed quote).
    /// - Parameters:
    ///   - path: the CSV file (docs/specs/data-formats.md), or any GIS vector source GDAL
    ///     reads (docs/formats.md: GeoPackage, Shapefile, XLSX, ODS, MapInfo, FlatGeobuf…).
    ///   - studyArea: coordinates outside this box load with a warning.
    ///   - threads: tasks that parse chunks of the file at the same time.
    ///   - layers: the layer names given with `--layer`, for a GIS source with several.
    public static func load(
        path: String, studyArea: StudyArea = .vietnam, threads: Int = TaskPool.defaultThreads, layers: [String] = []
    ) async throws(LoadError) -> LoadedTable<Village> {
        try await load(path: path, studyArea: studyArea, threads: threads, chunking: TableLoader.Chunking(), layers: layers)
    }

    /// What a GIS layer of villages must give: the columns, the point geometry as `lon`/`lat`,
    /// the widths of the administrative codes.
    static let gisSpec = GISTableSpec(
        kind: "villages", columns: columns, position: (lon: "lon", lat: "lat"), codeDigits: ["province_code": 2, "commune_code": 5])

    /// `load(path:studyArea:threads:layers:)` with blocks and chunks of the given sizes (tests).
    static func load(
        path: String, studyArea: StudyArea = .vietnam, threads: Int, chunking: TableLoader.Chunking, layers: [String] = []
    ) async throws(LoadError) -> LoadedTable<Village> {
        try await GISTableLoading.load(path: path, layers: layers, spec: gisSpec, threads: threads) { source throws(LoadError) in
            try await TableLoader.load(
                path: path, source: source, columns: columns, idColumn: Column.id, example: example, noun: "villages",
                threads: threads, state: RowChecks<NoRowCheck<Village>>(partitions: threads), chunking: chunking
            ) { row, warnings in
                parse(&row, studyArea: studyArea, warnings: &warnings)
            }
        }
    }

    private static func parse(_ row: inout RowReader, studyArea: StudyArea, warnings: inout [Problem]) -> TableLoader.Parsed<Village> {
        let id = row.requiredText(Column.id)
        let name = row.optionalText(Column.name) ?? ""
        let province = row.adminCode(Column.province, digits: 2)
        let commune = row.adminCode(Column.commune, digits: 5)
        let point = row.coordinates(lon: Column.lon, lat: Column.lat, studyArea: studyArea, warnings: &warnings)
        let population = row.count(Column.population, range: InputColumnRanges.population, required: true)
        let households = row.count(Column.households, range: InputColumnRanges.households, required: false)
        let gridPower = row.bool(Column.gridPower, required: true)
        let areaType = row.choice(Column.areaType, required: false, allowed: ["urban", "suburban", "rural", "open"]) {
            AreaType(rawValue: $0)
        }
        guard let id, let point, let population, let gridPower else { return TableLoader.Parsed(id: id, row: nil) }
        return TableLoader.Parsed(id: id, row: Village(
            id: id, name: name, provinceCode: province, communeCode: commune,
            lon: point.lon, lat: point.lat, population: population, households: households,
            gridPower: gridPower, areaType: areaType ?? .rural
        ))
    }
}
