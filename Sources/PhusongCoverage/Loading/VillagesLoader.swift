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

    static let example = "village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type"

    /// Reads and checks the file. Row problems do not throw: they are returned as rejected
    /// rows, so the caller can stop (the default) or set them aside (`--rejects`).
    /// - Throws: `LoadError` when the file as a whole cannot be read (missing, empty, wrong
    ///   delimiter, missing required column, header only, unclosed quote).
    /// - Parameter threads: tasks that parse chunks of the file at the same time.
    public static func load(
        path: String, studyArea: StudyArea = .vietnam, threads: Int = TaskPool.defaultThreads
    ) async throws(LoadError) -> LoadedTable<Village> {
        var ids = FirstOccurrences<Int>()
        var noCheck = NoRowCheck<Village>()
        return try await TableLoader.load(
            path: path, columns: columns, idColumn: "village_id", example: example, noun: "villages", threads: threads,
            ids: &ids, check: &noCheck
        ) { row, warnings in
            parse(&row, studyArea: studyArea, warnings: &warnings)
        }
    }

    private static func parse(_ row: inout RowReader, studyArea: StudyArea, warnings: inout [Problem]) -> TableLoader.Parsed<Village> {
        let id = row.requiredText("village_id")
        let name = row.optionalText("name") ?? ""
        let province = row.adminCode("province_code", digits: 2)
        let commune = row.adminCode("commune_code", digits: 5)
        let point = row.coordinates(studyArea: studyArea, warnings: &warnings)
        let population = row.count(InputColumnRanges.population, required: true)
        let households = row.count(InputColumnRanges.households, required: false)
        let gridPower = row.bool("grid_power", required: true)
        let areaType = row.choice("area_type", required: false, allowed: ["urban", "suburban", "rural", "open"]) {
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
