import PhusongCoverage
import PhusongSupport

/// `summary.json` of a report: every indicator (national, per province, commune and
/// operator, with the reference implementation's key names), the inputs with their SHA-256,
/// the model and thresholds used, the targets and the tool version. Keys are sorted and
/// nothing depends on the run (no timings, no thread count), so equal inputs and month give
/// equal bytes. `month` (`YYYY-MM`) dates the report: `trend` orders reports by it.
public enum SummaryJSON {
    /// - Parameters:
    ///   - run: the coverage run.
    ///   - toolVersion: the version recorded under `tool`.
    ///   - configurationPath: the `--config` file, if any.
    ///   - month: the month the report describes, recorded as `month`.
    ///   - planEffect: with `report --plan`, the plan's effect, recorded as `plan_effect`
    ///     (absent otherwise).
    /// - Returns: the document's bytes (pretty-printed, sorted keys, final line break).
    public static func bytes(
        _ run: CoverageRun, toolVersion: String, configurationPath: String?, month: ReportMonth, planEffect: PlanEffect? = nil
    ) throws -> [UInt8] {
        let inputs = run.inputs
        let counts = CellCounts(inputs.scenario.cells)
        let document = Document(
            tool: .init(name: "phusong", version: toolVersion),
            month: month.description,
            inputs: .init(
                villages: .init(path: inputs.villages.file, rowsLoaded: inputs.villages.rows.count, rowsRejected: inputs.villages.rejected.count),
                cells: .init(files: inputs.cellFiles.map { FileInfo(path: $0, rowsLoaded: nil, rowsRejected: nil) },
                             rowsLoaded: inputs.cells.rows.count, rowsRejected: inputs.cells.rejected.count),
                admin: inputs.boundaries?.files.map { FileInfo(path: $0, rowsLoaded: nil, rowsRejected: nil) } ?? [],
                config: configurationPath.map { FileInfo(path: $0, rowsLoaded: nil, rowsRejected: nil) }
            ),
            model: .init(reference: "coverage-model.md contract v1 (reference model)", radio: run.configuration.radio),
            targets: run.configuration.targets,
            national: .init(indicators: run.tables.national, name: nil, provinceCode: nil,
                            cells: inputs.scenario.cells.count, cells4G: counts.lte, cells5G: counts.nr),
            provinces: Dictionary(uniqueKeysWithValues: run.tables.provinces.map {
                ($0.code, Entry(indicators: $0.indicators, name: $0.name, provinceCode: nil))
            }),
            communes: Dictionary(uniqueKeysWithValues: run.tables.communes.map {
                var entry = Entry(indicators: $0.indicators, name: $0.name, provinceCode: $0.provinceCode)
                entry.stationsKnown = run.tables.communeStationsNote == nil
                return ($0.code, entry)
            }),
            notes: run.tables.communeStationsNote.map { ["communes": $0] },
            terrain: run.terrain.map(TerrainSummaryJSON.init),
            area: run.area,
            operators: Dictionary(uniqueKeysWithValues: run.tables.operators.map { row in
                (row.name, Entry(indicators: row.indicators, name: nil, provinceCode: nil,
                                 cells: counts.byOperator[row.name, default: 0], cells4G: nil, cells5G: nil))
            }),
            planEffect: planEffect.map { PlanEffectJSON($0, after: run.tables.national) }
        )
        return try JSONDocument.bytes(document, pretty: true) + [0x0A]
    }

    /// Cells by technology and by operator, counted in one pass over the network.
    struct CellCounts {
        var lte = 0
        var nr = 0
        var byOperator: [String: Int] = [:]

        init(_ cells: [Cell]) {
            // By index, so that only the fields read are touched (no copy of each cell); an
            // operator's cells usually follow each other, so runs are counted before hashing.
            var current = "", run = 0
            for index in cells.indices {
                switch cells[index].technology {
                case .lte: lte += 1
                case .nr: nr += 1
                }
                if run > 0, cells[index].operatorName == current {
                    run += 1
                    continue
                }
                if run > 0 { byOperator[current, default: 0] += run }
                current = cells[index].operatorName
                run = 1
            }
            if run > 0 { byOperator[current, default: 0] += run }
        }
    }

    struct Document: Encodable {
        var tool: Tool
        /// The report's month, `YYYY-MM`.
        var month: String
        var inputs: Inputs
        var model: Model
        var targets: CoverageTargets
        var national: Entry
        var provinces: [String: Entry]
        var communes: [String: Entry]
        /// Why some figures are not available, by the section they are missing from (absent
        /// when every figure is available).
        var notes: [String: String]?
        /// The terrain model's settings and what it changed (absent without `--terrain`).
        var terrain: TerrainSummaryJSON?
        /// Covered area, when computed (absent with `report --no-area`).
        var area: AreaCoverage?
        var operators: [String: Entry]
        /// The plan's effect (`report --plan`; absent otherwise).
        var planEffect: PlanEffectJSON?

        enum CodingKeys: String, CodingKey {
            case tool, month, inputs, model, targets, national, provinces, communes, notes, terrain, area, operators
            case planEffect = "plan_effect"
        }
    }

    struct Tool: Encodable {
        var name: String
        var version: String
    }

    struct Inputs: Encodable {
        var villages: FileInfo
        var cells: FileGroup
        var admin: [FileInfo]
        var config: FileInfo?
    }

    struct FileInfo: Encodable {
        var path: String
        var rowsLoaded: Int?
        var rowsRejected: Int?

        enum CodingKeys: String, CodingKey {
            case path, sha256
            case rowsLoaded = "rows_loaded"
            case rowsRejected = "rows_rejected"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(FileChecksum.sha256(path: path), forKey: .sha256)
            try container.encodeIfPresent(rowsLoaded, forKey: .rowsLoaded)
            try container.encodeIfPresent(rowsRejected, forKey: .rowsRejected)
        }
    }

    /// Several files read as one table.
    struct FileGroup: Encodable {
        var files: [FileInfo]
        var rowsLoaded: Int
        var rowsRejected: Int

        enum CodingKeys: String, CodingKey {
            case files
            case rowsLoaded = "rows_loaded"
            case rowsRejected = "rows_rejected"
        }
    }

    struct Model: Encodable {
        var reference: String
        var radio: RadioModelParameters
    }

    /// Indicators with the entry's name (and cell counts where they apply) beside them.
    struct Entry: Encodable {
        var indicators: CoverageIndicators
        var name: String?
        var provinceCode: String?
        var cells: Int?
        var cells4G: Int?
        var cells5G: Int?
        /// False: the station counts and their ratio are not available and written as null.
        var stationsKnown = true

        enum CodingKeys: String, CodingKey {
            case name
            case provinceCode = "province_code"
            case cells = "n_cells"
            case cells4G = "n_cells_4g"
            case cells5G = "n_cells_5g"
        }

        func encode(to encoder: any Encoder) throws {
            try indicators.encode(to: encoder, stationsKnown: stationsKnown)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(name, forKey: .name)
            try container.encodeIfPresent(provinceCode, forKey: .provinceCode)
            try container.encodeIfPresent(cells, forKey: .cells)
            try container.encodeIfPresent(cells4G, forKey: .cells4G)
            try container.encodeIfPresent(cells5G, forKey: .cells5G)
        }
    }
}

extension SummaryJSON.Entry {
    init(indicators: CoverageIndicators, name: String?, provinceCode: String?) {
        self.init(indicators: indicators, name: name, provinceCode: provinceCode, cells: nil, cells4G: nil, cells5G: nil)
    }
}
