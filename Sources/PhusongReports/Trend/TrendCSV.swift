import PhusongSupport

/// `trend.csv`: one row per area and indicator — `area_level` (national, province),
/// `area_code`, `area_name`, `indicator` (population_coverage_5g, ratio_5g_4g_stations,
/// villages_dead_zone, share_villages_connected), `target`, then one column per month
/// (`2026-01`, …: the value, a whole number for dead zones, empty where the report has none), `pace_per_month` (the slope of
/// the least-squares line, units per month), `status` (met, on_pace, not_on_pace,
/// insufficient_data) and `target_month` (YYYY-MM, empty when not reached at this pace).
/// Column names are English whatever the language of trend.html.
public enum TrendCSV {
    /// The file's bytes.
    /// - Parameter table: the trend.
    public static func bytes(_ table: TrendTable) -> [UInt8] {
        var records = RecordTable(header: ["area_level", "area_code", "area_name", "indicator", "target"]
            + table.months.map(\.description) + ["pace_per_month", "status", "target_month"])
        for area in table.areas {
            for indicator in TrendIndicator.allCases {
                let values = area.values[indicator] ?? []
                let projection = area.projections[indicator]
                records.records.append(
                    [.text(area.level), .text(area.code), .text(area.name), .text(indicator.rawValue),
                     .number(NumberText.real(indicator.target(table.targets)))]
                    + values.map { CSVField.number($0.map { indicator.falls ? NumberText.shortest($0) : NumberText.real($0) } ?? "") }
                    + [.number(projection?.pacePerMonth.map(NumberText.real) ?? ""), .text(projection?.status.rawValue ?? ""),
                       .text(projection?.month?.description ?? "")])
            }
        }
        return records.csvBytes
    }
}
