import PhusongCoverage
import PhusongSupport

/// `report.xlsx`: the report's tables for people, in one workbook (`XLSXWorkbook`), sheets
/// in this order: `provinces`, `communes`, `operators` (the indicators, as in
/// `provinces.csv`, `communes.csv`, `operators.csv`), `dead_zones` and `unpowered_villages`
/// (the review lists, as in `deadzones.csv` and `unpowered.csv`, with lon/lat). Same column
/// values as the CSVs; codes are text cells, figures numbers. Column headings in the report's
/// language (`ReportText.columnLabel(_:)`: Vietnamese labels, or in English the CSV names);
/// sheet names stay as listed. A plan-effect report (`report --plan`) adds `plan_effect`
/// last (plan_effect.csv's rows).
public enum ReportWorkbook {
    /// - Parameters:
    ///   - run: the coverage run.
    ///   - deadZones: the dead-zone list of `run` (`VillageLists.deadZones(_:filter:)`).
    ///   - unpowered: the unpowered list of `run` (`VillageLists.unpowered(_:filter:)`).
    ///   - language: the language of the column headings.
    ///   - planEffect: the plan's effect, for a plan-effect report.
    /// - Returns: the workbook's bytes.
    /// - Throws: `FileFormatError` when a table does not fit a sheet (over 1,048,575 rows).
    public static func bytes(
        _ run: CoverageRun, deadZones: [VillageListEntry], unpowered: [VillageListEntry], language: ReportLanguage,
        planEffect: PlanEffect? = nil
    ) throws(FileFormatError) -> [UInt8] {
        let text = language.text
        var tables = [
            IndicatorCSV.provinceTable(run.tables, area: run.area).sheet(named: "provinces"),
            IndicatorCSV.communeTable(run.tables).sheet(named: "communes"),
            IndicatorCSV.operatorTable(run.tables).sheet(named: "operators"),
            FeatureXLSX.sheet(VillageListTable.deadZones(deadZones)),
            FeatureXLSX.sheet(VillageListTable.unpowered(unpowered)),
        ]
        if let planEffect { tables.append(FeatureXLSX.sheet(planEffect.table)) }
        let sheets = tables.map { sheet in
            var labelled = sheet
            labelled.header = sheet.header.map(text.columnLabel)
            return labelled
        }
        return try XLSXWorkbook.bytes(sheets)
    }
}
