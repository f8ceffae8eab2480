import PhusongSupport

/// Writes villages and cells in the CSV of docs/specs/data-formats.md (contract v1): UTF-8 without BOM,
/// `\n` line ends, the contract's header order, coordinates with 6 decimals (~0.1 m),
/// booleans `true`/`false`, empty fields for absent values. Also used for planned cells.
public enum ScenarioCSV {
    /// Header of villages.csv.
    public static let villageHeader = [
        "village_id", "name", "province_code", "commune_code", "lon", "lat",
        "population", "households", "grid_power", "area_type",
    ]
    /// Header of cells.csv.
    public static let cellHeader = [
        "cell_id", "site_id", "operator", "technology", "band_mhz", "lon", "lat",
        "height_m", "azimuth_deg", "beamwidth_deg", "rs_eirp_dbm", "power_source",
    ]

    /// villages.csv bytes for `villages`, in the given order.
    public static func villagesCSV(_ villages: [Village]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeHeader(villageHeader)
        for village in villages {
            writer.writeRow([
                .text(village.id), .text(village.name), .text(village.provinceCode), .text(village.communeCode),
                coordinate(village.lon), coordinate(village.lat), .integer(village.population),
                .number(village.households.map { String($0) } ?? ""), .flag(village.gridPower),
                .text(village.areaType.rawValue),
            ])
        }
        return writer.bytes
    }

    /// cells.csv bytes for `cells`, in the given order.
    public static func cellsCSV(_ cells: [Cell]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeHeader(cellHeader)
        for cell in cells {
            writer.writeRow([
                .text(cell.id), .text(cell.siteID), .text(cell.operatorName), .text(cell.technology.rawValue), .number(cell.bandMHz),
                coordinate(cell.lon), coordinate(cell.lat), .number(cell.heightM),
                .number(cell.azimuthDeg.map { NumberText.shortest($0) } ?? ""), .number(cell.beamwidthDeg),
                .number(cell.rsEIRPdBm), .text(cell.powerSource?.rawValue),
            ])
        }
        return writer.bytes
    }

    /// The scenario's files.
    public static let fileNames = ["villages.csv", "cells.csv"]

    /// villages.csv and cells.csv of `scenario`, in the order of `fileNames`.
    public static func files(_ scenario: Scenario) -> [(name: String, bytes: [UInt8])] {
        Array(zip(fileNames, [villagesCSV(scenario.villages), cellsCSV(scenario.cells)]))
    }

    /// Replaces `folder` with `villages.csv` and `cells.csv` of `scenario`, as one set
    /// (`OutputFolder`); returns the two paths.
    @discardableResult
    public static func write(_ scenario: Scenario, toFolder folder: String) throws(OutputError) -> (villages: String, cells: String) {
        try publish(scenario, into: OutputFolder(path: folder, fileNames: fileNames, setName: "synthetic scenario"))
    }

    /// Publishes the scenario into an output folder opened beforehand; returns the two paths.
    public static func publish(_ scenario: Scenario, into folder: OutputFolder) throws(OutputError) -> (villages: String, cells: String) {
        let paths = try folder.publish(files(scenario))
        return (paths[0], paths[1])
    }

    private static func coordinate(_ degrees: Double) -> CSVField {
        .number(degrees, decimals: 6)
    }
}
