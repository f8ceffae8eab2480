import GDALKit
import PhusongSupport

/// Reads one layer's features into text fields and positions, then writes them as CSV text
/// (`GISTable`).
struct GISLayerReader {
    private let layer: VectorLayer
    private let spec: GISTableSpec
    private let path: String
    /// The header: the kept fields' names (a cut DBF name given in full), then `lon`, `lat`
    /// when the geometry gives the position.
    private(set) var header: [String] = []
    /// The layer's field index of each kept field, and the code width to pad numbers to.
    private var kept: [(field: Int, digits: Int?)] = []
    /// The feature's text fields, one array per feature (kept fields only).
    private var rows: [[String]] = []
    private var featureIDs: [Int] = []
    /// The point of each feature, when the geometry gives positions.
    var positions: GISPositions
    /// Warnings of the reading, located in the layer.
    var warnings: [Problem] = []

    init(layer: VectorLayer, spec: GISTableSpec, path: String) {
        self.layer = layer
        self.spec = spec
        self.path = path
        positions = GISPositions(enabled: spec.position != nil && layer.geometryType != .none)
        var names: [String] = []
        for (index, field) in layer.fields.enumerated() {
            if positions.enabled, spec.isPositionColumn(field.name) { continue }
            let column = spec.column(for: field.name)
            let isCut = column.map { !$0.acceptedNames.contains(field.name.lowercased()) } ?? false
            // A cut name is given in full unless another field already bears that name.
            let name = isCut && !layer.fields.contains(where: { $0.name.lowercased() == column?.name }) ? column?.name ?? field.name : field.name
            let isNumber = field.type == .integer || field.type == .real
            let digits = isNumber ? column.flatMap { spec.codeDigits[$0.name] } : nil
            if let digits {
                warnings.append(Problem(file: path, layer: layer.name, column: name, reason: .source(.numericCodesPadded(digits: digits))))
            }
            names.append(name)
            kept.append((index, digits))
        }
        if positions.enabled, let position = spec.position { names += [position.lon, position.lat] }
        header = names
    }

    /// Reads every feature.
    /// - Throws: `LoadError` when the geometry is not points or GDAL fails while reading.
    mutating func readFeatures() throws(LoadError) {
        if positions.enabled, ![GeometryType.point, .other].contains(layer.geometryType) {
            throw LoadError(Problem(file: path, layer: layer.name, reason: .source(.notPoints(geometry: "\(layer.geometryType)"))))
        }
        layer.resetReading()
        if let count = layer.featureCount { rows.reserveCapacity(count) }
        do {
            while let feature = try layer.nextFeature(geometry: positions.enabled ? .point : .none) {
                featureIDs.append(feature.fid.map { Int($0) } ?? featureIDs.count + 1)
                rows.append(kept.map { Self.text(feature.values[$0.field], digits: $0.digits) })
                if case .point(let x, let y) = feature.geometry { positions.append(x: x, y: y) } else { positions.appendNone() }
            }
        } catch {
            throw LoadError(Problem(file: path, layer: layer.name, reason: .source(.unreadable(detail: error.message))))
        }
    }

    /// A value as CSV field text: text as read, numbers in their shortest exact form, a
    /// number in a code column padded with zeros to `digits`.
    static func text(_ value: FieldValue, digits: Int?) -> String {
        switch value {
        case .null: return ""
        case .text(let text): return text
        case .integer(let number):
            guard let digits, number >= 0 else { return String(number) }
            return NumberText.zeroPadded(Int(number), width: digits)
        case .real(let number):
            guard let digits, number >= 0, number.rounded() == number, number < 1e15 else { return NumberText.shortest(number) }
            return NumberText.zeroPadded(Int(number), width: digits)
        }
    }

    /// The table: the header and a record per feature as CSV text, and where each record
    /// starts.
    func table() -> GISTable {
        var csv: [UInt8] = []
        csv.reserveCapacity(rows.count * 96)
        var line = 1
        line += Self.append(header, to: &csv)
        var recordLines: [Int] = []
        recordLines.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            recordLines.append(line)
            var fields = row
            if positions.enabled { fields += positions.texts(at: index) }
            line += Self.append(fields, to: &csv)
        }
        return GISTable(path: path, layer: layer.name, csv: csv, recordLines: recordLines, featureIDs: featureIDs,
                        warnings: warnings)
    }

    /// Appends one CSV record (RFC 4180: a field with a comma, a quote or a line break is
    /// quoted, its quotes doubled) and returns the lines it takes: 1 plus the line breaks
    /// inside fields (CRLF, CR and LF each one, as the scanner counts them).
    private static func append(_ fields: [String], to csv: inout [UInt8]) -> Int {
        var lines = 1
        for (index, field) in fields.enumerated() {
            if index > 0 { csv.append(0x2C) }
            let bytes = Array(field.utf8)
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                csv += bytes
                continue
            }
            csv.append(0x22)
            var previousCR = false
            for byte in bytes {
                if byte == 0x22 { csv.append(0x22) }
                if byte == 0x0D || (byte == 0x0A && !previousCR) { lines += 1 }
                previousCR = byte == 0x0D
                csv.append(byte)
            }
            csv.append(0x22)
        }
        csv.append(0x0A)
        return lines
    }
}
