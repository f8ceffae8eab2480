import GDALKit
import PhusongSupport

/// Reads a layer's features (or those an attribute filter keeps: one part of a layer read in
/// parallel) into their values and points (`GISFeatures`): text as bytes, numbers as numbers.
struct GISLayerReader {
    private let layer: VectorLayer
    private let spec: GISTableSpec
    private let path: String
    /// Whether the point geometry gives the positions (a point layer for a table with them).
    let readsPositions: Bool
    /// The header: the kept fields' names (a cut DBF name given in full), then `lon`, `lat`
    /// when the geometry gives the position.
    private(set) var header: [String] = []
    /// What each column of the header holds.
    private(set) var columns: [GISFeatures.Column] = []
    /// The layer's field index of each kept field; the code width to pad its numbers to;
    /// whether it is read as a number (a whole-number or real field not in a code column).
    private var kept: [(field: Int, digits: Int?, isNumber: Bool)] = []
    /// Warnings about the columns (numbers in a code column), located in the layer.
    private(set) var warnings: [Problem] = []

    init(layer: VectorLayer, spec: GISTableSpec, path: String) {
        self.layer = layer
        self.spec = spec
        self.path = path
        readsPositions = spec.position != nil && layer.geometryType != .none
        var names: [String] = []
        var texts = 0, numbers = 0
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
            kept.append((index, digits, isNumber && digits == nil))
            if isNumber && digits == nil {
                columns.append(.number(slot: numbers))
                numbers += 1
            } else {
                columns.append(.text(slot: texts))
                texts += 1
            }
        }
        if readsPositions, let position = spec.position {
            names += [position.lon, position.lat]
            columns += [.longitude, .latitude]
        }
        header = names
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
            part.reserve(expected, textFields: kept.count(where: { !$0.isNumber }), numberFields: kept.count(where: \.isNumber))
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

    /// Appends the values of `feature` to `part`.
    private func add<Feature: FeatureFields>(_ feature: Feature, to part: inout GISLayerPart) {
        part.fids.append(feature.fid.map { Int($0) } ?? part.fids.count + 1)
        for field in kept {
            let index = field.field
            let type = layer.fields[index].type
            if field.isNumber {
                part.numbers.append(feature.isNull(index) ? .null : type == .integer ? .integer(feature.integer(index)) : .real(feature.real(index)))
                continue
            }
            if !feature.isNull(index) {
                switch type {
                case .integer:
                    part.text += Self.numberText(.integer(feature.integer(index)), digits: field.digits).utf8
                case .real:
                    part.text += Self.numberText(.real(feature.real(index)), digits: field.digits).utf8
                case .string, .other:
                    // Bytes as GDAL gives them (UTF-8, or recoded from a Shapefile's .cpg): the
                    // row checks check them as a CSV field's ("not UTF-8" at the feature); text
                    // that cannot be recoded is left empty.
                    feature.withTextBytes(index) { text in
                        if let text { part.text += text }
                    }
                }
            }
            part.textEnds.append(part.text.count)
        }
        if case .point(let x, let y) = feature.geometry { part.positions.append(x: x, y: y) } else { part.positions.appendNone() }
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
}

/// The features of a layer (or of one part of it): their values and points.
struct GISLayerPart: Sendable {
    /// The text fields' bytes, back to back (feature by feature, field by field).
    var text: [UInt8] = []
    /// Where each text field ends in `text`.
    var textEnds: [Int] = []
    /// The number fields' values (feature by feature, field by field).
    var numbers: [GISNumber] = []
    /// Each feature's id.
    var fids: [Int] = []
    /// Each feature's point.
    var positions = GISPositions()

    mutating func reserve(_ features: Int, textFields: Int, numberFields: Int) {
        text.reserveCapacity(features * 8 * textFields)
        textEnds.reserveCapacity(features * textFields)
        numbers.reserveCapacity(features * numberFields)
        fids.reserveCapacity(features)
        positions.reserve(features)
    }
}
