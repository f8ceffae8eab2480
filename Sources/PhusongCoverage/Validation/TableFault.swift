import PhusongSupport

extension Problem {
    /// The shape of a CSV table is wrong: its records, its header, its field counts
    /// (docs/specs/data-formats.md §5, "Bad input").
    public enum TableFault: Sendable, Hashable, CustomStringConvertible {
        /// No header line.
        /// - `expectedHeader`: an example header, when the table has a fixed one.
        case empty(expectedHeader: String?)
        /// A column name of the header that cannot be read (``Problem/ValueFault/notUTF8(byte:position:)``).
        case headerName(ValueFault)
        /// The one header field holds another delimiter.
        case foreignDelimiter(Delimiter)
        /// A column appears twice (`column`, contract name), the other time as `alsoAs`.
        case columnTwice(column: String, alsoAs: String)
        /// A required column is absent.
        /// - `accepted`: every name the column may have, when it has aliases.
        /// - `example`: a header that would do.
        case missingColumn(String, accepted: [String], example: String?)
        /// A header and no data row.
        /// - `rows`: what the rows would be ("villages").
        case headerOnly(rows: String)
        /// A row with another number of fields than the header (`headerFields`).
        case fieldCount(headerFields: Int)
        /// More records than ``InputLimits/maxRecords``.
        case tooManyRecords(limit: Int)
        /// A record longer than ``InputLimits/maxRecordBytes`` starts on the line.
        /// - `quoteOpen`: a quoted field opened in it was still open.
        case recordTooLong(limitBytes: Int, quoteOpen: Bool)
        /// A quoted field opened on the line is never closed.
        case unclosedQuote
        /// A file of fixed candidates that is neither one id per line nor a CSV with `id`.
        case notAnIDList
        /// The weights of a demand file add up to more than 1e15 (`total`).
        case weightsTooLarge(total: Double)
        /// A row of a report file read back by `compare` that does not hold what the report
        /// writes (`what`: "site row").
        case malformedRow(what: String)

        /// A field delimiter that is not the comma.
        public enum Delimiter: String, Sendable, Hashable {
            case semicolon = "semicolons (;)"
            case tab = "tabs"
            case verticalBar = "vertical bars (|)"
        }

        public var description: String {
            switch self {
            case .empty(let header):
                "the file is empty (expected a header line" + (header.map { ": " + $0 } ?? "") + ")"
            case .headerName(let fault): fault.description
            case .foreignDelimiter(let delimiter):
                "fields are separated by \(delimiter.rawValue), not by commas: export the file as comma-separated CSV (data-format.md)"
            case .columnTwice(let column, let alsoAs):
                "column \(column) is given twice (also as '\(alsoAs)')"
            case .missingColumn(let column, let accepted, let example):
                "missing required column '\(column)'"
                    + (accepted.isEmpty ? "" : " (accepted names: \(accepted.joined(separator: ", ")))")
                    + (example.map { " (expected a header like: \($0))" } ?? "")
            case .headerOnly(let rows): "the file has a header but no \(rows)"
            case .fieldCount(let headerFields):
                "the header has \(headerFields) fields (a truncated line, or a value with an unquoted comma)"
            case .tooManyRecords(let limit): "more than \(NumberText.grouped(limit)) records, the most a file may hold"
            case .recordTooLong(let limit, let quoteOpen):
                "a record longer than \(InputLimits.describe(bytes: limit)) starts on this line"
                    + (quoteOpen ? " (a quoted field opened here is never closed: a stray \")" : " (not a CSV file, or an endless input?)")
            case .unclosedQuote: "a quoted field opened on this line is never closed (truncated file or a stray \")"
            case .notAnIDList: "expected one candidate id per line, or a CSV with an 'id' column"
            case .weightsTooLarge(let total):
                "the weights add up to \(total), more than 1e15: covered weights would no longer be exact; "
                    + "scale the weights down (e.g. to thousands)"
            case .malformedRow(let what): "malformed \(what)"
            }
        }
    }
}
