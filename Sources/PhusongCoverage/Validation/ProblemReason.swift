extension Problem {
    /// Why an input is refused or deserves a look, by what it is about. Each case carries the
    /// facts of its message (the allowed range, the earlier line, the limit) as typed values,
    /// so a caller or a test can read them without parsing text; `description` is the message
    /// (the wording of docs/specs/data-formats.md §5, "Bad input", where it gives one).
    public indirect enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// A file as a whole: missing, unreadable, too long, not text.
        case file(FileFault)
        /// The shape of a table: its header, its rows' field counts, its records.
        case table(TableFault)
        /// One value of one row.
        case value(ValueFault)
        /// An administrative boundary file (GeoJSON) or one of its features.
        case boundary(BoundaryFault)
        /// What assigning administrative codes found about a village.
        case assignment(AssignmentFinding)
        /// A configuration file (TOML) or one of its settings.
        case setting(SettingFault)
        /// A GIS source read through GDAL: its layers, geometry and coordinate system.
        case source(SourceFault)
        /// A file of a report folder read back by `compare`, which should have been written
        /// by `phusong report --out folder`.
        case inReportFolder(Reason, folder: String)

        public var description: String {
            switch self {
            case .file(let fault): fault.description
            case .table(let fault): fault.description
            case .value(let fault): fault.description
            case .boundary(let fault): fault.description
            case .assignment(let finding): finding.description
            case .setting(let fault): fault.description
            case .source(let fault): fault.description
            case .inReportFolder(let reason, let folder): "\(reason) (is \(folder) the --out folder of `phusong report`?)"
            }
        }

        /// True for a finding that leaves the row or file usable.
        public var isWarning: Bool {
            switch self {
            case .value(let fault): fault.isWarning
            case .boundary(let fault): fault.isWarning
            case .assignment: true
            case .source(let fault): fault.isWarning
            case .inReportFolder(let reason, _): reason.isWarning
            case .file, .table, .setting: false
            }
        }

        /// True when the file could not be opened or read at all (exit 66, EX_NOINPUT).
        public var isUnavailableInput: Bool {
            switch self {
            case .file(let fault): fault.isUnavailableInput
            case .inReportFolder(let reason, _): reason.isUnavailableInput
            default: false
            }
        }

        /// True when the problem is about one row of a table, which `--rejects` can set aside.
        public var isAboutOneRow: Bool {
            switch self {
            case .value: true
            case .table(.fieldCount): true
            default: false
            }
        }
    }
}
