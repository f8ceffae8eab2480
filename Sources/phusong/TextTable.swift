import PhusongSupport

/// A text table: columns left-aligned except those named right-aligned (numbers).
struct TextTable {
    private let header: [String]
    private let rightAligned: Set<Int>
    private var rows: [[String]] = []

    /// - Parameter rightAligned: column indexes to align right; by default all but the first.
    init(_ header: [String], rightAligned: Set<Int>? = nil) {
        self.header = header
        self.rightAligned = rightAligned ?? Set(header.indices.dropFirst())
    }

    /// Adds a row; control characters in the cells (which may come from the data) are escaped.
    mutating func add(_ row: [String]) { rows.append(row.map { TerminalText.visible($0) }) }

    func lines(indent: Int) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let pad = String(repeating: " ", count: indent)
        return all.map { row in
            let cells = header.indices.map { column -> String in
                let text = row.indices.contains(column) ? row[column] : ""
                let fill = String(repeating: " ", count: widths[column] - text.count)
                return rightAligned.contains(column) ? fill + text : text + fill
            }
            let line = pad + cells.joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }
}
