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

    public init(villages: String, cells: [String], admin: [String] = []) {
        self.villages = villages
        self.cells = cells
        self.admin = admin
    }

    public init(villages: String, cells: String, admin: [String] = []) {
        self.init(villages: villages, cells: [cells], admin: admin)
    }
}

/// The inputs of a run, loaded and checked.
public struct LoadedInputs: Sendable {
    public var scenario: Scenario
    public var villages: LoadedTable<Village>
    public var cells: LoadedTable<Cell>
    /// The cells files, in the order they were read.
    public var cellFiles: [String]
    /// The sites of the cells, in order of first cell; with admin codes when boundaries were given.
    public var sites: [Site]
    public var boundaries: AdminBoundaries?
    public var assignment: AdminAssignmentReport?
    /// Files the rejected rows were written to (empty when nothing was set aside).
    public var rejectsFiles: [String]

    public var rejectedCount: Int { villages.rejected.count + cells.rejected.count }
    public var warnings: [Problem] {
        (boundaries?.warnings ?? []) + villages.warnings + cells.warnings + (assignment?.warnings ?? [])
    }
}

/// Loads boundaries, villages and cells with one policy for bad rows, then assigns
/// administrative codes when boundaries are given.
public enum ScenarioLoader {
    /// - Parameters:
    ///   - paths: the villages, cells and (optional) boundary files.
    ///   - policy: whether a bad row stops the run or is set aside into a rejects file.
    ///   - threads: worker tasks for administrative assignment.
    /// - Throws: `LoadError` with every row error of both files when the policy is `.stop`
    ///   and any row is bad, or with the file-level problem that makes a file unreadable, or
    ///   with `output` set when the rejects file cannot be written.
    public static func load(_ paths: InputPaths, policy: BadRowPolicy, threads: Int = ParallelChunks.defaultThreads) async throws(LoadError) -> LoadedInputs {
        let boundaries = paths.admin.isEmpty ? nil : try AdminBoundariesLoader.load(paths: paths.admin)
        let studyArea = boundaries?.extent.map {
            StudyArea(minLon: $0.minX - 0.5, minLat: $0.minY - 0.5, maxLon: $0.maxX + 0.5, maxLat: $0.maxY + 0.5)
        } ?? .vietnam
        var villages = try VillagesLoader.load(path: paths.villages, studyArea: studyArea)
        let cells = try CellsLoader.load(paths: paths.cells, studyArea: studyArea)
        var rejectsFiles: [String] = []
        switch policy {
        case .stop:
            let errors = villages.errors + cells.errors
            if !errors.isEmpty { throw LoadError(problems: errors) }
        case .setAside(let rejectsPath):
            do throws(OutputError) {
                rejectsFiles = try RejectsWriter.write(villages: villages, cells: cells, to: rejectsPath)
            } catch {
                throw LoadError(problems: [Problem(file: error.path, reason: "cannot write the rejects file: \(error.reason)")], output: error)
            }
        }
        var sites = Site.sites(of: cells.rows)
        var assignment: AdminAssignmentReport?
        if let boundaries {
            do {
                assignment = try await AdminCodeAssignment.apply(boundaries, villages: &villages, sites: &sites, threads: threads)
            } catch {
                throw LoadError(problems: [Problem(file: paths.admin.joined(separator: ", "),
                                                   reason: "administrative assignment failed: \(error)")])
            }
        }
        return LoadedInputs(
            scenario: Scenario(villages: villages.rows, cells: cells.rows),
            villages: villages, cells: cells, cellFiles: paths.cells, sites: sites, boundaries: boundaries,
            assignment: assignment, rejectsFiles: rejectsFiles
        )
    }
}
