import PhusongSupport

/// The features of a GIS layer as read (`GISTable`): text fields as bytes, numbers as
/// numbers, points in WGS 84 longitude/latitude, handed to the CSV loader's row checks
/// (`TableLoader`) feature by feature (``GISFeatureRow``), with the header a CSV file with the
/// same rows would have. Nothing is written out as CSV text and parsed again.
///
/// Feature `i` is the row on line `i + 2` (the header is line 1): one line per feature, since
/// the lines only stand for features until `GISTable` turns them into feature ids.
final class GISFeatures: Sendable {
    /// What a column of the header holds.
    enum Column: Sendable {
        /// A text field: the `slot`-th text field of each feature.
        case text(slot: Int)
        /// A whole-number or real field: the `slot`-th number field of each feature.
        case number(slot: Int)
        /// The point's longitude or latitude.
        case longitude, latitude
    }

    /// The header: the kept fields' names, then `lon` and `lat` when the point gives them.
    let header: [String]
    /// What each column of the header holds.
    let columns: [Column]
    /// Text fields and number fields per feature.
    let textFields: Int
    let numberFields: Int
    /// The features, in parts read one after the other (or in parallel), in the layer's order.
    let parts: [GISLayerPart]
    /// The index of each part's first feature.
    private let partStarts: [Int]
    /// Every feature's point, in WGS 84 longitude/latitude.
    let positions: GISPositions
    /// The number of features.
    let count: Int
    /// A `false` per column: no field of a feature is a quoted CSV field.
    private let unquoted: [Bool]
    /// Bit `i` set when column `i` (of the first 64) holds text: the row checks read most
    /// fields, and a text field then needs no look at `columns`.
    let textMask: UInt64

    init(header: [String], columns: [Column], parts: [GISLayerPart], positions: GISPositions) {
        self.header = header
        self.columns = columns
        textFields = columns.reduce(0) { if case .text = $1 { $0 + 1 } else { $0 } }
        numberFields = columns.reduce(0) { if case .number = $1 { $0 + 1 } else { $0 } }
        self.parts = parts
        var starts: [Int] = []
        var total = 0
        for part in parts {
            starts.append(total)
            total += part.fids.count
        }
        partStarts = starts
        count = total
        self.positions = positions
        unquoted = Array(repeating: false, count: columns.count)
        textMask = columns.prefix(64).enumerated().reduce(0) { mask, column in
            if case .text = column.element { mask | 1 << UInt64(column.offset) } else { mask }
        }
    }

    /// The header as the record a CSV file's first line is.
    var headerRecord: CSVRecord {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for name in header {
            bytes += name.utf8
            ends.append(bytes.count)
        }
        return CSVRecord(line: 1, bytes: bytes, fieldEnds: ends, quoted: unquoted)
    }

    /// The part that holds feature `index`, and the feature's index within it.
    private func locate(_ index: Int) -> (part: Int, local: Int) {
        var low = 0, high = partStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if partStarts[middle] <= index { low = middle } else { high = middle }
        }
        return (low, index - partStarts[low])
    }

    /// Feature `index` as the row on line `line`, its text fields' bytes in `buffer` (reused
    /// from row to row, so that reading a layer allocates per row only what it keeps).
    func row(_ index: Int, line: Int, buffer: inout CSVRecordBuffer) -> GISFeatureRow {
        let (part, local) = locate(index)
        let ends = parts[part].textEnds
        let first = local * textFields
        let start = first == 0 ? 0 : ends[first - 1]
        buffer.bytes.removeAll(keepingCapacity: true)
        buffer.fieldEnds.removeAll(keepingCapacity: true)
        if textFields > 0 { buffer.bytes += parts[part].text[start..<ends[first + textFields - 1]] }
        var end = 0
        for column in columns {
            if case .text(let slot) = column { end = ends[first + slot] - start }
            buffer.fieldEnds.append(end)
        }
        let record = CSVRecord(line: line, bytes: buffer.bytes, fieldEnds: buffer.fieldEnds, quoted: unquoted)
        return GISFeatureRow(text: record, features: self, feature: index, textMask: textMask)
    }

    /// The number in field `field` of feature `feature`; nil for a text field.
    func number(field: Int, feature: Int) -> GISNumber? {
        switch columns[field] {
        case .text: return nil
        case .number(let slot):
            let (part, local) = locate(feature)
            return parts[part].numbers[local * numberFields + slot]
        case .longitude: return positions.point(at: feature).map { .real($0.x) } ?? .null
        case .latitude: return positions.point(at: feature).map { .real($0.y) } ?? .null
        }
    }

    /// True when the feature's record would be a blank CSV line, which holds no record: one
    /// column, and no value in it.
    func isBlank(_ row: GISFeatureRow) -> Bool {
        guard columns.count == 1 else { return false }
        guard let number = number(field: 0, feature: row.feature) else { return row.text.isBlank }
        return number == .null
    }
}

extension GISFeatures: TableRecords {
    func chunk<Row: Sendable>(
        from start: CSVCursor, limit: Int, header: TableHeader, path: String,
        prepare: (Row) -> Int, parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) -> TableChunk<Row> {
        TableChunk(features: self, range: start.offset..<max(start.offset, min(limit, count)), header: header, path: path,
                   prepare: prepare, parse: parse)
    }

    func record(at cursor: CSVCursor, path: String) -> RowFields {
        var buffer = CSVRecordBuffer()
        return .feature(row(cursor.offset, line: cursor.line, buffer: &buffer))
    }
}
