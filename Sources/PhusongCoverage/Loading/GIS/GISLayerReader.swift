import GDALKit
import PhusongSupport

/// Reads a layer's features (or those an attribute filter keeps: one part of a layer read in
/// parallel) into CSV record bytes and points (`GISTable`).
struct GISLayerReader {
    private let layer: VectorLayer
    private let spec: GISTableSpec
    private let path: String
    /// Whether the point geometry gives the positions (a point layer for a table with them).
    let readsPositions: Bool
    /// The header: the kept fields' names (a cut DBF name given in full), then `lon`, `lat`
    /// when the geometry gives the position.
    private(set) var header: [String] = []
    /// The layer's field index of each kept field, and the code width to pad numbers to.
    private var kept: [(field: Int, digits: Int?)] = []
    /// Warnings about the columns (numbers in a code column), located in the layer.
    private(set) var warnings: [Problem] = []

    init(layer: VectorLayer, spec: GISTableSpec, path: String) {
        self.layer = layer
        self.spec = spec
        self.path = path
        readsPositions = spec.position != nil && layer.geometryType != .none
        var names: [String] = []
        for (index, field) in layer.fields.enumerated() {
            if readsPositions, spec.isPositionColumn(field.name) { continue }
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
        if readsPositions, let position = spec.position { names += [position.lon, position.lat] }
        header = names
    }

    /// The header as a CSV record.
    var headerRecord: [UInt8] {
        var bytes: [UInt8] = []
        for (index, name) in header.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            _ = Self.appendField(name.utf8, to: &bytes)
        }
        return bytes
    }

    /// Reads the features `filter` keeps (every one when nil).
    /// - Throws: `LoadError` when the geometry is not points or GDAL fails while reading.
    func read(filter: String? = nil) throws(LoadError) -> GISLayerPart {
        if readsPositions, ![GeometryType.point, .other].contains(layer.geometryType) {
            throw LoadError(Problem(file: path, layer: layer.name, reason: .source(.notPoints(geometry: "\(layer.geometryType)"))))
        }
        var part = GISLayerPart()
        do {
            try layer.setAttributeFilter(filter)
            let expected = layer.featureCount ?? 0
            part.reserve(expected)
            let geometry: GeometryReading = readsPositions ? .point : .none
            // A GeoPackage is read in Arrow batches: GDAL 3.6's GeoPackage driver fills them
            // at half the cost of feature by feature (docs/benchmarks.md, "Loading from a
            // GeoPackage"); other drivers build batches from the same features, no faster.
            let batched = layer.dataset.driverName == "GPKG"
                ? try layer.forEachBatch(fields: kept.map(\.field), geometry: geometry) { batch in
                    for row in 0..<batch.count { add(batch.row(row), to: &part) }
                }
                : false
            if !batched {
                try layer.forEachFeature(geometry: geometry) { add($0, to: &part) }
            }
        } catch {
            throw LoadError(Problem(file: path, layer: layer.name, reason: .source(.unreadable(detail: error.message))))
        }
        return part
    }

    /// Appends the record of `feature` to `part`.
    private func add<Feature: FeatureFields>(_ feature: Feature, to part: inout GISLayerPart) {
        part.fids.append(feature.fid.map { Int($0) } ?? part.fids.count + 1)
        var breaks = 0
        for (position, field) in kept.enumerated() {
            if position > 0 { part.bytes.append(0x2C) }
            breaks += append(feature, field: field.field, digits: field.digits, to: &part.bytes)
        }
        part.recordEnds.append(part.bytes.count)
        part.lineBreaks.append(Int32(clamping: breaks))
        if case .point(let x, let y) = feature.geometry { part.positions.append(x: x, y: y) } else { part.positions.appendNone() }
    }

    /// Appends field `index` of `record` as CSV field bytes; returns the line breaks inside.
    private func append<Feature: FeatureFields>(_ record: Feature, field index: Int, digits: Int?, to bytes: inout [UInt8]) -> Int {
        if record.isNull(index) { return 0 }
        switch layer.fields[index].type {
        case .integer:
            bytes += Self.numberText(.integer(record.integer(index)), digits: digits).utf8
            return 0
        case .real:
            bytes += Self.numberText(.real(record.real(index)), digits: digits).utf8
            return 0
        case .string, .other:
            // Bytes as GDAL gives them (UTF-8, or recoded from a Shapefile's .cpg): the CSV
            // loader checks them as it checks a CSV field ("not UTF-8" at the feature).
            return record.withTextBytes(index) { text in
                guard let text else { return 0 }
                return Self.appendField(text, to: &bytes)
            }
        }
    }

    /// A number as CSV field text: its shortest exact form (`NumberText.shortest`), or, in a
    /// code column, padded with zeros to `digits`.
    static func numberText(_ value: FieldValue, digits: Int?) -> String {
        switch value {
        case .integer(let number):
            guard let digits, number >= 0 else { return String(number) }
            return NumberText.zeroPadded(Int(number), width: digits)
        case .real(let number):
            guard let digits, number >= 0, number.rounded() == number, number < 1e15 else { return NumberText.shortest(number) }
            return NumberText.zeroPadded(Int(number), width: digits)
        case .text(let text): return text
        case .null: return ""
        }
    }

    /// Appends one CSV field (RFC 4180: quoted when it holds a comma, a quote or a line
    /// break, its quotes doubled) and returns the line breaks inside it (CRLF, CR and LF each
    /// one, as the scanner counts them).
    @discardableResult
    static func appendField<Bytes: Collection<UInt8>>(_ field: Bytes, to csv: inout [UInt8]) -> Int {
        guard field.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            csv += field
            return 0
        }
        var breaks = 0
        csv.append(0x22)
        var previousCR = false
        for byte in field {
            if byte == 0x22 { csv.append(0x22) }
            if byte == 0x0D || (byte == 0x0A && !previousCR) { breaks += 1 }
            previousCR = byte == 0x0D
            csv.append(byte)
        }
        csv.append(0x22)
        return breaks
    }
}

/// The features of a layer (or of one part of it) as CSV record bytes and points.
struct GISLayerPart: Sendable {
    /// The records' fields without the positions, back to back.
    var bytes: [UInt8] = []
    /// Where each record ends in `bytes`.
    var recordEnds: [Int] = []
    /// The line breaks inside each record's fields.
    var lineBreaks: [Int32] = []
    /// Each feature's id.
    var fids: [Int] = []
    /// Each feature's point.
    var positions = GISPositions()

    mutating func reserve(_ features: Int) {
        bytes.reserveCapacity(features * 64)
        recordEnds.reserveCapacity(features)
        lineBreaks.reserveCapacity(features)
        fids.reserveCapacity(features)
        positions.reserve(features)
    }
}
