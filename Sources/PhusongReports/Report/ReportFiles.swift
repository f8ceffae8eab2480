import PhusongSupport
import PhusongCoverage

/// The files of a coverage report, by name, and writing them into a folder.
public enum ReportFiles {
    /// The report's files, in the order they are listed.
    public static let fileNames = [
        "summary.json", "villages.csv", "provinces.csv", "communes.csv", "operators.csv", "sites.csv",
        "deadzones.csv", "unpowered.csv", "report.html",
    ]

    /// Every file of the report with its bytes, in the order of `fileNames`.
    public static func files(_ run: CoverageRun, toolVersion: String, configurationPath: String?) throws -> [(name: String, bytes: [UInt8])] {
        let deadZones = VillageLists.deadZones(run)
        let bytes = [
            try SummaryJSON.bytes(run, toolVersion: toolVersion, configurationPath: configurationPath),
            VillageResultsCSV.bytes(run),
            IndicatorCSV.provinces(run.tables, area: run.area),
            IndicatorCSV.communes(run.tables),
            IndicatorCSV.operators(run.tables),
            SitesCSV.bytes(run),
            FeatureCSV.bytes(VillageListTable.deadZones(deadZones)),
            FeatureCSV.bytes(VillageListTable.unpowered(VillageLists.unpowered(run))),
            try HTMLReport.bytes(run: run, deadZones: deadZones, toolVersion: toolVersion),
        ]
        return Array(zip(fileNames, bytes))
    }

    /// Replaces `folder` with the report, as one set (`OutputFolder`), and returns the paths.
    public static func write(_ run: CoverageRun, to folder: String, toolVersion: String, configurationPath: String?) throws -> [String] {
        try OutputFolder(path: folder, fileNames: fileNames, setName: "report")
            .publish(files(run, toolVersion: toolVersion, configurationPath: configurationPath))
    }
}
