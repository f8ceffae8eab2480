/// The files of a coverage report, by name, and writing them into a folder.
public enum ReportFiles {
    /// Every file of the report with its bytes.
    public static func files(_ run: CoverageRun, toolVersion: String, configurationPath: String?) throws -> [(name: String, bytes: [UInt8])] {
        let deadZones = VillageLists.deadZones(run)
        return [
            ("summary.json", try SummaryJSON.bytes(run, toolVersion: toolVersion, configurationPath: configurationPath)),
            ("villages.csv", VillageResultsCSV.bytes(run)),
            ("provinces.csv", IndicatorCSV.provinces(run.tables, area: run.area)),
            ("communes.csv", IndicatorCSV.communes(run.tables)),
            ("operators.csv", IndicatorCSV.operators(run.tables)),
            ("sites.csv", SitesCSV.bytes(run)),
            ("deadzones.csv", FeatureCSV.bytes(VillageListTable.deadZones(deadZones))),
            ("unpowered.csv", FeatureCSV.bytes(VillageListTable.unpowered(VillageLists.unpowered(run)))),
            ("report.html", try HTMLReport.bytes(run: run, deadZones: deadZones, toolVersion: toolVersion)),
        ]
    }

    /// Writes every file atomically into `folder` and returns their paths.
    public static func write(_ run: CoverageRun, to folder: String, toolVersion: String, configurationPath: String?) throws -> [String] {
        var written: [String] = []
        for file in try files(run, toolVersion: toolVersion, configurationPath: configurationPath) {
            let path = folder + "/" + file.name
            try AtomicFile.write(file.bytes, to: path)
            written.append(path)
        }
        return written
    }
}
