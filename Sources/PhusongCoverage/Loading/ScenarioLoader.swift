import PhusongSupport

/// How bad rows are handled.
public enum BadRowPolicy: Sendable, Hashable {
    /// Any bad row stops the run (the default of docs/specs/data-formats.md §5).
    case stop
    /// Bad rows are set aside into a rejects file at this path and the run goes on.
    case setAside(rejectsPath: String)
}

/// Where a run's inputs are.
public struct InputPaths: Sendable, Hashable {
    public var villages: String
    /// One or more cells.csv files, read in order as one list (e.g. cells.csv then a plan's
    /// planned_cells.csv).
    public var cells: [String]
    /// Administrative boundary GeoJSON files (provinces and/or communes); may be empty.
    public var admin: [String]
    /// The layer names given with `--layer`: each GIS source with several layers reads the
    /// one it has (docs/formats.md); unused by CSV files.
    public var layers: [String]

    public init(villages: String, cells: [String], admin: [String] = [], layers: [String] = []) {
        self.villages = villages
        self.cells = cells
        self.admin = admin
        self.layers = layers
    }

    public init(villages: String, cells: String, admin: [String] = [], layers: [String] = []) {
        self.init(villages: villages, cells: [cells], admin: admin, layers: layers)
    }
}

/// The inputs of a run, loaded and checked.
public struct LoadedInputs: Sendable {
    public var scenario: Scenario
    public var villages: LoadedTable<Village>
    public var cells: LoadedTable<Cell>
    /// The cells files, in the order they were read.
    public var cellFiles: [String]
    /// The sites of the cells, in order of first cell, and each cell's site; with admin codes
    /// when boundaries were given. Derived here once and passed on (`CoverageRun`).
    public var sites: SiteTable
    public var boundaries: AdminBoundaries?
    public var assignment: AdminAssignmentReport?
    /// Files the rejected rows were written to (empty when nothing was set aside).
    public var rejectsFiles: [String]

    public var rejectedCount: Int { villages.rejected.count + cells.rejected.count }
    public var warnings: [Problem] {
        (boundaries?.warnings ?? []) + villages.warnings + cells.warnings + (assignment?.warnings ?? [])
    }
    /// Every warning found, including those past each table's listed ones.
    public var warningCount: Int {
        warnings.count + villages.unlistedWarnings + cells.unlistedWarnings
    }

    /// These inputs with `added` cells after the loaded ones, as if they had been read from
    /// one more cells file (a plan's planned_cells.csv): the site table is extended, not
    /// derived again; known sites keep their codes and new sites get theirs from the
    /// boundaries (`threads` tasks). The tables of loaded rows and the assignment report stay
    /// those of the files.
    public func adding(cells added: [Cell], threads: Int) async throws -> LoadedInputs {
        var inputs = self
        inputs.scenario.cells += added
        let newSites = inputs.sites.append(added)
        if let boundaries {
            _ = try await inputs.sites.assignAdminCodes(boundaries, to: newSites, threads: threads)
        }
        return inputs
    }
}

/// Loads boundaries, villages and cells with one policy for bad rows, then assigns
/// administrative codes when boundaries are given.
public enum ScenarioLoader {
    /// - Parameters:
    ///   - paths: the villages, cells and (optional) boundary files.
    ///   - policy: whether a bad row stops the run or is set aside into a rejects file.
    ///   - threads: worker tasks for parsing the tables and for administrative assignment.
    /// - Throws: `LoadError` with every row error of both files when the policy is `.stop`
    ///   and any row is bad, or with the file-level problem that makes a file unreadable, or
    ///   with `output` set when the rejects file cannot be written.
    public static func load(_ paths: InputPaths, policy: BadRowPolicy, threads: Int = TaskPool.defaultThreads) async throws(LoadError) -> LoadedInputs {
        let boundaries = paths.admin.isEmpty ? nil : try AdminBoundariesLoader.load(paths: paths.admin, layers: paths.layers)
        let studyArea = boundaries?.extent.map {
            StudyArea(minLon: $0.minX - 0.5, minLat: $0.minY - 0.5, maxLon: $0.maxX + 0.5, maxLat: $0.maxY + 0.5)
        } ?? .vietnam
        // The two tables are read side by side: each loader has steps in file order (reading
        // a block, joining its chunks) that the other's parallel steps fill. The sites are
        // derived from the cells meanwhile.
        let (villagesRead, (cells, cellSites)) = try await TaskPool.pair(threads: threads) { () async throws(LoadError) in
            try await VillagesLoader.load(path: paths.villages, studyArea: studyArea, threads: threads, layers: paths.layers)
        } _: { () async throws(LoadError) in
            let cells = try await CellsLoader.load(paths: paths.cells, studyArea: studyArea, threads: threads, layers: paths.layers)
            return (cells, SiteTable(cells: cells.rows))
        }
        var villages = villagesRead
        var sites = cellSites
        var rejectsFiles: [String] = []
        switch policy {
        case .stop:
            let errors = villages.errors + cells.errors
            if !errors.isEmpty { throw LoadError(problems: errors) }
        case .setAside(let rejectsPath):
            do throws(OutputError) {
                rejectsFiles = try RejectsWriter.write(villages: villages, cells: cells, to: rejectsPath)
            } catch {
                throw LoadError(problems: [Problem(file: error.path, reason: .file(.rejectsNotWritten(error)))], output: error)
            }
        }
        var assignment: AdminAssignmentReport?
        if let boundaries {
            do {
                assignment = try await AdminCodeAssignment.apply(boundaries, villages: &villages, sites: &sites, threads: threads)
            } catch {
                throw LoadError(Problem(file: paths.admin.joined(separator: ", "), reason: .boundary(.assignmentFailed(detail: "\(error)"))))
            }
        }
        FreeMemory.returnToSystem()
        return LoadedInputs(
            scenario: Scenario(villages: villages.rows, cells: cells.rows),
            villages: villages, cells: cells, cellFiles: paths.cells, sites: sites, boundaries: boundaries,
            assignment: assignment, rejectsFiles: rejectsFiles
        )
    }
}
