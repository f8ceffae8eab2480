import PhusongSupport

/// One feature of a GIS layer as the row checks read it (``RowFields/feature(_:)``): its text
/// fields as a CSV record of their bytes (the fields that hold numbers are empty there), and
/// its numbers (the point's coordinates, whole-number and real fields) as read.
///
/// Each question gets the answer the feature's CSV text would give (the text a CSV file
/// converted to this layer held): a number's text is `GISLayerReader.numberText`, and its
/// value is the double that text parses to, computed without writing and parsing it.
struct GISFeatureRow {
    /// The text fields' bytes, one field per column of the header, and the row's line.
    let text: CSVRecord
    /// The layer's features.
    let features: GISFeatures
    /// The feature's index in the layer (0-based).
    let feature: Int
    /// ``GISFeatures/textMask``: a text field is read from `text` without asking `features`.
    let textMask: UInt64

    /// The number in field `index`; nil for a field that holds text.
    private func typed(_ index: Int) -> GISNumber? {
        if index < 64, textMask & (1 << UInt64(index)) != 0 { return nil }
        return features.number(field: index, feature: feature)
    }

    /// True when the field is empty or only spaces and tabs (a number never is; no value is).
    func isEmpty(_ index: Int) -> Bool {
        switch typed(index) {
        case nil: text.isEmpty(index)
        case .null: true
        case .integer, .real: false
        }
    }

    /// The field as text: a number's text, else ``CSVRecord/text(_:)``.
    func textValue(_ index: Int) -> String? {
        guard let number = typed(index), let shown = number.text else { return text.text(index) }
        return shown
    }

    /// The field for display in a message.
    func display(_ index: Int) -> String {
        guard let number = typed(index), let shown = number.text else { return text.display(index) }
        return shown
    }

    /// The field as a decimal number, nil when it is not one.
    func number(_ index: Int) -> Double? {
        guard let number = typed(index) else { return text.number(index) }
        return number.value
    }

    /// The whole row as text fields, numbers as their text.
    func allFieldsLossy(limit: Int) -> [String] {
        var fields = text.allFieldsLossy(limit: limit)
        // A feature has exactly one field per column, so fields and columns correspond.
        for index in fields.indices where index < text.count {
            if let shown = typed(index)?.text { fields[index] = shown }
        }
        return fields
    }

    /// The problem that stops the reading when the row's CSV record would hold more than
    /// ``InputLimits/maxRecordBytes`` (as a CSV file's record does): at the field that passes
    /// the limit, saying whether that field would be quoted.
    func lengthFault(path: String) -> LoadError? {
        guard text.bytes.count + 32 * (text.count - textMask.nonzeroBitCount) > InputLimits.maxRecordBytes else { return nil }
        var total = 0
        for index in 0..<text.count {
            let field = text.field(index)
            total += typed(index)?.text?.utf8.count ?? field.count
            if total > InputLimits.maxRecordBytes {
                let quoted = typed(index) == nil && field.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                return LoadError(Problem(file: path, line: text.line, reason: .table(
                    .recordTooLong(limitBytes: InputLimits.maxRecordBytes, quoteOpen: quoted))))
            }
        }
        return nil
    }
}

/// A number field's value in a ``GISFeatures`` layer: none, a whole number or a real.
enum GISNumber: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)

    /// The text a CSV file holds for the value (`GISLayerReader.numberText`): decimal digits,
    /// or the shortest text that reads back to the same double; nil for no value.
    var text: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): NumberText.shortest(value)
        }
    }

    /// The double that ``text`` parses to (`DecimalParser`), without the text: a whole number
    /// rounded to the nearest double as the parser rounds its digits (both correctly rounded);
    /// a real itself, since its shortest text reads back to it, except that negative zero
    /// reads as zero (its text is `0`) and NaN or an infinity is not a number (`nan`, `inf`).
    var value: Double? {
        switch self {
        case .null: nil
        case .integer(let value): Double(value)
        case .real(let value): value.isFinite ? (value == 0 ? 0 : value) : nil
        }
    }
}
