/// `provinces.csv`, `communes.csv` and `operators.csv` of a report: one row per area or
/// operator with every indicator (shares unrounded).
public enum IndicatorCSV {
    static let indicatorHeader = [
        "villages", "villages_connected", "villages_dead_zone", "villages_unpowered",
        "villages_dead_zone_and_unpowered", "share_villages_connected", "population",
        "population_covered_4g", "population_covered_5g", "population_covered_any",
        "population_coverage_4g", "population_coverage_5g", "population_coverage_any",
        "stations_4g", "stations_5g", "ratio_5g_4g_stations",
    ]

    static func fields(_ value: CoverageIndicators) -> [String] {
        [
            String(value.villages), String(value.villagesConnected), String(value.villagesDeadZone),
            String(value.villagesUnpowered), String(value.villagesDeadZoneAndUnpowered),
            String(value.shareVillagesConnected), String(value.population), String(value.populationCovered4G),
            String(value.populationCovered5G), String(value.populationCoveredAny), String(value.populationCoverage4G),
            String(value.populationCoverage5G), String(value.populationCoverageAny), String(value.stations4G),
            String(value.stations5G), value.ratio5G4GStations.map { String($0) } ?? "",
        ]
    }

    public static func provinces(_ tables: IndicatorTables) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow(["province_code", "province_name"] + indicatorHeader)
        for row in tables.provinces { csv.writeRow([row.code, row.name ?? ""] + fields(row.indicators)) }
        return csv.bytes
    }

    public static func communes(_ tables: IndicatorTables) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow(["commune_code", "commune_name", "province_code"] + indicatorHeader)
        for row in tables.communes { csv.writeRow([row.code, row.name ?? "", row.provinceCode ?? ""] + fields(row.indicators)) }
        return csv.bytes
    }

    public static func operators(_ tables: IndicatorTables) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow(["operator"] + indicatorHeader)
        for row in tables.operators { csv.writeRow([row.name] + fields(row.indicators)) }
        return csv.bytes
    }
}
