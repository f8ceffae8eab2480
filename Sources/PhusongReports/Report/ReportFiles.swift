import PhusongSupport
import PhusongCoverage

/// The files of a coverage report, by name, and writing them into a folder.
public enum ReportFiles {
    /// The report's files, in the order they are listed.
    public static let fileNames = [
        "summary.json", "villages.csv", "provinces.csv", "communes.csv", "operators.csv", "sites.csv",
        "deadzones.csv", "unpowered.csv", "report.xlsx", "report.html",
    ]

    /// The files of a plan-effect report (`report --plan`): the report's and `plan_effect.csv`.
    public static let planEffectFileNames = fileNames + ["plan_effect.csv"]

    /// Every file of the report, in the order of `fileNames` (`planEffectFileNames` with a
    /// plan's effect): independent of each other, so
    /// `OutputFolder.publish(_:threads:)` makes them in parallel; the two large tables
    /// (villages.csv, sites.csv) also make their rows in parallel and stream them to the disk.
    /// - Parameters:
    ///   - run: the coverage run.
    ///   - toolVersion: the version written into summary.json and report.html.
    ///   - configurationPath: the `--config` file, if any (listed with its SHA-256).
    ///   - threads: threads for the large tables.
    ///   - edition: the month (summary.json, report.html) and the language (report.html,
    ///     report.xlsx's headings).
    ///   - planEffect: with `report --plan`, the plan's effect (`run` is then the run after
    ///     the plan): a `plan_effect` object in summary.json, a section in report.html, a
    ///     sheet in report.xlsx, a `satellite_terminal` column in villages.csv and
    ///     plan_effect.csv.
    public static func files(
        _ run: CoverageRun, toolVersion: String, configurationPath: String?, threads: Int, edition: ReportEdition,
        planEffect: PlanEffect? = nil
    ) -> [OutputSetFile] {
        // Shared by deadzones.csv, unpowered.csv, report.xlsx and report.html.
        let deadZones = VillageLists.deadZones(run)
        let unpowered = VillageLists.unpowered(run)
        let files = [
            OutputSetFile(name: "summary.json", sizeHint: madeOnOneTask - 1) { file in
                try file.write(SummaryJSON.bytes(run, toolVersion: toolVersion, configurationPath: configurationPath, month: edition.month,
                                                 planEffect: planEffect))
            },
            VillageResultsCSV.file(run, threads: threads, satelliteColumn: planEffect != nil),
            OutputSetFile(name: "provinces.csv") { IndicatorCSV.provinces(run.tables, area: run.area) },
            OutputSetFile(name: "communes.csv") { IndicatorCSV.communes(run.tables) },
            OutputSetFile(name: "operators.csv") { IndicatorCSV.operators(run.tables) },
            SitesCSV.file(run, threads: threads),
            OutputSetFile(name: "deadzones.csv") { FeatureCSV.bytes(VillageListTable.deadZones(deadZones)) },
            OutputSetFile(name: "unpowered.csv") { FeatureCSV.bytes(VillageListTable.unpowered(unpowered)) },
            OutputSetFile(name: "report.xlsx", sizeHint: madeOnOneTask - 2) { file in
                try file.write(ReportWorkbook.bytes(run, deadZones: deadZones, unpowered: unpowered, language: edition.language,
                                                    planEffect: planEffect))
            },
            OutputSetFile(name: "report.html", sizeHint: madeOnOneTask) { file in
                try file.write(await HTMLReport.bytes(run: run, deadZones: deadZones, toolVersion: toolVersion, edition: edition,
                                                      planEffect: planEffect, threads: threads))
            },
        ]
        guard let planEffect else { return files }
        return files + [OutputSetFile(name: "plan_effect.csv") { FeatureCSV.bytes(planEffect.table) }]
    }

    /// The size hint (`OutputSetFile.sizeHint`) of the three files made mostly on one task
    /// (report.html, then summary.json, then report.xlsx): above any table's, so that they
    /// start first and the tables' parallel chunks fill the other threads meanwhile; started
    /// last, the page would leave the other threads idle at the end.
    private static let madeOnOneTask = Int.max / 2

    /// Replaces `folder` (opened for the report's `fileNames`) with the report, as one set,
    /// and returns the paths (parameters as `files(_:toolVersion:configurationPath:threads:edition:planEffect:)`).
    public static func publish(
        _ run: CoverageRun, into folder: OutputFolder, toolVersion: String, configurationPath: String?, threads: Int, edition: ReportEdition,
        planEffect: PlanEffect? = nil
    ) async throws(OutputError) -> [String] {
        try await folder.publish(files(run, toolVersion: toolVersion, configurationPath: configurationPath, threads: threads, edition: edition,
                                       planEffect: planEffect),
                                 threads: threads)
    }

    /// Replaces the folder at `path` with the report, as one set (`OutputFolder`), and returns
    /// the paths (parameters as `files(_:toolVersion:configurationPath:threads:edition:planEffect:)`).
    public static func write(
        _ run: CoverageRun, to path: String, toolVersion: String, configurationPath: String?, threads: Int = TaskPool.defaultThreads,
        edition: ReportEdition
    ) async throws(OutputError) -> [String] {
        let folder = try OutputFolder(path: path, fileNames: fileNames, setName: "report")
        return try await publish(run, into: folder, toolVersion: toolVersion, configurationPath: configurationPath, threads: threads,
                                 edition: edition)
    }
}
