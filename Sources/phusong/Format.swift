import Foundation
import PhusongSupport

/// Number formatting for terminal output.
enum Format {
    /// A count with thousands separators: 106445 → "106,445".
    static func count(_ value: Int) -> String { groupedThousands(value) }

    /// A share as a percentage with two decimals: "99.30 %".
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        return decimal(100 * Double(part) / Double(whole), 2) + " %"
    }

    static func decimal(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

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
