import PhusongSupport

/// Writes the rows set aside by `--rejects`: the input's own columns plus `reason`, so that a
/// planner can fix them in a spreadsheet and load them again.
///
/// The rejected villages go to the given path. The rejected cells go there too when no
/// village was rejected; when both files have rejected rows, the cells' go to a sibling
/// file with `.cells` before the extension (`rejects.csv` → `rejects.cells.csv`), since the
/// two tables have different columns. Each file is written atomically (`AtomicFile`).
enum RejectsWriter {
    /// Writes the rejects and returns the paths written (none when nothing was rejected).
    static func write(villages: LoadedTable<Village>, cells: LoadedTable<Cell>, to path: String) throws(OutputError) -> [String] {
        var written: [String] = []
        switch (villages.rejected.isEmpty, cells.rejected.isEmpty) {
        case (true, true):
            return []
        case (false, true):
            try write(villages.header, villages.rejected, to: path)
            written = [path]
        case (true, false):
            try write(cells.header, cells.rejected, to: path)
            written = [path]
        case (false, false):
            let cellsPath = siblingPath(path, tag: "cells")
            try write(villages.header, villages.rejected, to: path)
            try write(cells.header, cells.rejected, to: cellsPath)
            written = [path, cellsPath]
        }
        return written
    }

    static func siblingPath(_ path: String, tag: String) -> String {
        let slash = path.lastIndex(of: "/")
        if let dot = path.lastIndex(of: "."), slash.map({ $0 < dot }) ?? true {
            return String(path[..<dot]) + ".\(tag)" + String(path[dot...])
        }
        return path + ".\(tag)"
    }

    private static func write(_ header: [String], _ rows: [RejectedRow], to path: String) throws(OutputError) {
        var csv = CSVWriter()
        csv.writeHeader(header + ["reason"])
        for row in rows {
            var fields = row.fields
            if fields.count < header.count {
                fields += Array(repeating: "", count: header.count - fields.count)
            } else if fields.count > header.count, header.count > 0 {
                // Keep every value: the surplus goes into the last column, comma-joined.
                let surplus = fields[(header.count - 1)...].joined(separator: ",")
                fields = Array(fields.prefix(header.count - 1)) + [surplus]
            }
            csv.writeRow(fields.map { .inputValue(SpreadsheetText.restored($0)) } + [.text(row.reason)])
        }
        try AtomicFile.write(csv.bytes, to: path)
    }
}

extension BadRowPolicy {
    /// The files this policy may write: none, or the rejects file and its `.cells` sibling.
    public var outputFiles: [String] {
        switch self {
        case .stop: []
        case .setAside(let path): [path, RejectsWriter.siblingPath(path, tag: "cells")]
        }
    }
}
