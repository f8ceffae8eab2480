/// The fields of the row a ``RowReader`` reads: a record of a CSV file, or a feature of a GIS
/// layer whose values are handed over as read (``GISFeatureRow``: text as bytes, numbers as
/// numbers), never written out as CSV text and parsed again. Both answer every question of the
/// row checks alike, so a value gives the same row, message and reject from either source.
enum RowFields {
    case csv(CSVRecord)
    case feature(GISFeatureRow)

    /// The line the row starts on (a feature's is its place in the layer; ``GISTable``
    /// turns it back into the feature id).
    var line: Int {
        switch self {
        case .csv(let record): record.line
        case .feature(let row): row.text.line
        }
    }

    /// The number of fields.
    var count: Int {
        switch self {
        case .csv(let record): record.count
        case .feature(let row): row.text.count
        }
    }

    /// True when the field is empty or only spaces and tabs.
    func isEmpty(_ index: Int) -> Bool {
        switch self {
        case .csv(let record): record.isEmpty(index)
        case .feature(let row): row.isEmpty(index)
        }
    }

    /// The field as text (``CSVRecord/text(_:)``), nil when it is not UTF-8.
    func text(_ index: Int) -> String? {
        switch self {
        case .csv(let record): record.text(index)
        case .feature(let row): row.textValue(index)
        }
    }

    /// The field for display in a message.
    func display(_ index: Int) -> String {
        switch self {
        case .csv(let record): record.display(index)
        case .feature(let row): row.display(index)
        }
    }

    /// Why the field is not UTF-8 text.
    func utf8Fault(_ index: Int) -> Problem.ValueFault {
        switch self {
        case .csv(let record): record.utf8Fault(index)
        case .feature(let row): row.text.utf8Fault(index)
        }
    }

    /// The field as a decimal number, nil when it is not one.
    func number(_ index: Int) -> Double? {
        switch self {
        case .csv(let record): record.number(index)
        case .feature(let row): row.number(index)
        }
    }

    /// The whole row as text fields, for a rejects file (``CSVRecord/allFieldsLossy(limit:)``).
    func allFieldsLossy(limit: Int) -> [String] {
        switch self {
        case .csv(let record): record.allFieldsLossy(limit: limit)
        case .feature(let row): row.allFieldsLossy(limit: limit)
        }
    }
}
