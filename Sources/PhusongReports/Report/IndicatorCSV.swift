import PhusongSupport
import PhusongCoverage

/// `provinces.csv`, `communes.csv` and `operators.csv` of a report: one row per area or
/// operator with every indicator (shares unrounded). The same tables are the sheets of
/// `report.xlsx` (`ReportWorkbook`).
public enum IndicatorCSV {
    static let indicatorHeader = [
        "villages", "villages_connected", "villages_dead_zone", "villages_unpowered",
        "villages_dead_zone_and_unpowered", "share_villages_connected", "population",
        "population_covered_4g", "population_covered_5g", "population_covered_any",
        "population_coverage_4g", "population_coverage_5g", "population_coverage_any",
        "stations_4g", "stations_5g", "ratio_5g_4g_stations",
    ]

    /// The indicators in `indicatorHeader` order; with `stationsKnown` false the station
    /// counts and their ratio are empty (not available), never a false 0.
    static func fields(_ value: CoverageIndicators, stationsKnown: Bool = true) -> [CSVField] {
        ([
            String(value.villages), String(value.villagesConnected), String(value.villagesDeadZone),
            String(value.villagesUnpowered), String(value.villagesDeadZoneAndUnpowered),
            NumberText.real(value.shareVillagesConnected), String(value.population), String(value.populationCovered4G),
            String(value.populationCovered5G), String(value.populationCoveredAny), NumberText.real(value.populationCoverage4G),
            NumberText.real(value.populationCoverage5G), NumberText.real(value.populationCoverageAny),
        ] + (stationsKnown
            ? [String(value.stations4G), String(value.stations5G), value.ratio5G4GStations.map(NumberText.real) ?? ""]
            : ["", "", ""])).map(CSVField.number)
    }

    static let areaHeader = ["area_4g_km2", "area_5g_km2", "area_any_km2", "land_km2", "area_share_4g", "area_share_5g"]

    /// One row per province; with area coverage, its covered km² and shares of land after the
    /// indicators (empty where unknown).
    public static func provinces(_ tables: IndicatorTables, area: AreaCoverage? = nil) -> [UInt8] {
        provinceTable(tables, area: area).csvBytes
    }

    /// The rows of `provinces(_:area:)`.
    static func provinceTable(_ tables: IndicatorTables, area: AreaCoverage? = nil) -> RecordTable {
        var table = RecordTable(header: ["province_code", "province_name"] + indicatorHeader + (area == nil ? [] : areaHeader))
        let areaByCode = Dictionary(area?.provinces.map { ($0.code, $0.figures) } ?? [], uniquingKeysWith: { first, _ in first })
        for row in tables.provinces {
            var fields: [CSVField] = [.text(row.code), .text(row.name)] + fields(row.indicators)
            if area != nil {
                let figures = areaByCode[row.code]
                let optional = { (value: Double?) in CSVField.number(value.map { String($0) } ?? "") }
                fields += [optional(figures?.area4GKm2), optional(figures?.area5GKm2), optional(figures?.areaAnyKm2),
                           optional(figures?.landKm2), optional(figures?.areaShare4G), optional(figures?.areaShare5G)]
            }
            table.records.append(fields)
        }
        return table
    }

    /// One row per commune; the station columns are empty when `tables.communeStationsNote`
    /// says they are not available.
    public static func communes(_ tables: IndicatorTables) -> [UInt8] {
        communeTable(tables).csvBytes
    }

    /// The rows of `communes(_:)`.
    static func communeTable(_ tables: IndicatorTables) -> RecordTable {
        let stationsKnown = tables.communeStationsNote == nil
        return RecordTable(header: ["commune_code", "commune_name", "province_code"] + indicatorHeader, records: tables.communes.map { row in
            [.text(row.code), .text(row.name), .text(row.provinceCode)] + fields(row.indicators, stationsKnown: stationsKnown)
        })
    }

    /// One row per operator.
    public static func operators(_ tables: IndicatorTables) -> [UInt8] {
        operatorTable(tables).csvBytes
    }

    /// The rows of `operators(_:)`.
    static func operatorTable(_ tables: IndicatorTables) -> RecordTable {
        RecordTable(header: ["operator"] + indicatorHeader, records: tables.operators.map { [.text($0.name)] + fields($0.indicators) })
    }
}
