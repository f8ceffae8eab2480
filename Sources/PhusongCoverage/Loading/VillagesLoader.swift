/// Loads `villages.csv` (docs/specs/data-formats.md §2.1), streaming, checking every row.
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
    public static func load(path: String, studyArea: StudyArea = .vietnam) throws(LoadError) -> LoadedTable<Village> {
        var ids = UniqueIDs()
        return try TableLoader.load(path: path, columns: columns, example: example, noun: "villages") { row, warnings in
            parse(&row, studyArea: studyArea, ids: &ids, warnings: &warnings)
        }
    }

    private static func parse(_ row: inout RowReader, studyArea: StudyArea, ids: inout UniqueIDs, warnings: inout [Problem]) -> Village? {
        let id = row.requiredText("village_id")
        if let id, let earlier = ids.insert(id, line: row.line) {
            row.fail("village_id", value: id, .duplicateID(firstLine: earlier))
        }
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
        guard let id, let point, let population, let gridPower else { return nil }
        return Village(
            id: id, name: name, provinceCode: province, communeCode: commune,
            lon: point.lon, lat: point.lat, population: population, households: households,
            gridPower: gridPower, areaType: areaType ?? .rural
        )
    }
}
