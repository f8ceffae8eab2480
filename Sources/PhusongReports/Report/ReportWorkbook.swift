import PhusongCoverage
import PhusongSupport

/// `report.xlsx`: the report's tables for people, in one workbook (`XLSXWorkbook`), sheets
/// in this order: `provinces`, `communes`, `operators` (the indicators, as in
/// `provinces.csv`, `communes.csv`, `operators.csv`), `dead_zones` and `unpowered_villages`
/// (the review lists, as in `deadzones.csv` and `unpowered.csv`, with lon/lat). Same column
/// names and values as the CSVs; codes are text cells, figures numbers.
public enum ReportWorkbook {
    /// - Parameters:
    ///   - run: the coverage run.
    ///   - deadZones: the dead-zone list of `run` (`VillageLists.deadZones(_:filter:)`).
    ///   - unpowered: the unpowered list of `run` (`VillageLists.unpowered(_:filter:)`).
    /// - Returns: the workbook's bytes.
    /// - Throws: `FileFormatError` when a table does not fit a sheet (over 1,048,575 rows).
    public static func bytes(
        _ run: CoverageRun, deadZones: [VillageListEntry], unpowered: [VillageListEntry]
    ) throws(FileFormatError) -> [UInt8] {
        try XLSXWorkbook.bytes([
            IndicatorCSV.provinceTable(run.tables, area: run.area).sheet(named: "provinces"),
            IndicatorCSV.communeTable(run.tables).sheet(named: "communes"),
            IndicatorCSV.operatorTable(run.tables).sheet(named: "operators"),
            FeatureXLSX.sheet(VillageListTable.deadZones(deadZones)),
            FeatureXLSX.sheet(VillageListTable.unpowered(unpowered)),
        ])
    }
}
