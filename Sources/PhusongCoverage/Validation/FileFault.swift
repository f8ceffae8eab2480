import PhusongSupport

extension Problem {
    /// A file as a whole cannot be used (issue 13, classes 5 and 7).
    public enum FileFault: Sendable, Hashable, CustomStringConvertible {
        /// No file at the path (exit 66).
        case notFound
        /// The system refused to open or read it, with its reason ("permission denied",
        /// "Not a directory") (exit 66).
        case unreadable(systemReason: String)
        /// A folder was given where a file is expected (exit 66).
        case folder
        /// Longer than the most a file of its kind may hold (``InputLimits``), bytes.
        /// - `kind`: what the file is, with its article ("a configuration file").
        case longerThan(limitBytes: Int, kind: String)
        /// The file is not UTF-8 text.
        case notUTF8Text
        /// No file of this kind ("cells") was given at all.
        case noneGiven(kind: String)
        /// A report folder's summary.json that does not decode, with the decoder's words.
        case notASummary(detail: String)
        /// The rejects file (an output) could not be written.
        case rejectsNotWritten(OutputError)

        public var description: String {
            switch self {
            case .notFound: "file not found"
            case .unreadable(let systemReason): "cannot be read: \(systemReason)"
            case .folder: "is a folder, not a file"
            case .longerThan(let limit, let kind):
                "longer than \(InputLimits.describe(bytes: limit)), the most \(kind) may hold (an endless input such as /dev/zero?)"
            case .notUTF8Text: "not valid UTF-8 text"
            case .noneGiven(let kind): "no \(kind) file given"
            case .notASummary(let detail): "not a phusong summary: \(detail)"
            case .rejectsNotWritten(let error): "cannot write the rejects file: \(error.reason)"
            }
        }

        /// True when the file could not be opened or read at all (exit 66).
        public var isUnavailableInput: Bool {
            switch self {
            case .notFound, .unreadable, .folder: true
            default: false
            }
        }
    }
}
