/// Reads typed values from one record, collecting a `Problem` for each field that is missing
/// or malformed instead of stopping at the first.
struct RowReader {
    let record: RowFields
    let header: TableHeader
    let file: String
    private(set) var problems: [Problem] = []

    init(record: CSVRecord, header: TableHeader, file: String) {
        self.init(fields: .csv(record), header: header, file: file)
    }

    init(fields: RowFields, header: TableHeader, file: String) {
        record = fields
        self.header = header
        self.file = file
    }

    var line: Int { record.line }

    /// Records a problem found by a check outside this reader (e.g. across rows).
    mutating func add(_ problem: Problem) { problems.append(problem) }

    /// Records a problem with a column of this row.
    mutating func fail(_ column: TableColumn, value: String?, _ fault: Problem.ValueFault) {
        problems.append(Problem(
            file: file, line: record.line, column: header.displayName(column), value: value, reason: .value(fault)
        ))
    }

    /// The field's index when the column exists and the field is not blank.
    private func present(_ column: TableColumn) -> Int? {
        guard let index = header.index(column), index < record.count, !record.isEmpty(index) else { return nil }
        return index
    }

    /// Text of an optional column; nil when absent or blank.
    mutating func optionalText(_ column: TableColumn) -> String? {
        guard let index = present(column) else { return nil }
        guard let text = record.text(index) else {
            invalidUTF8(column, index: index)
            return nil
        }
        return text
    }

    /// Text of a required column; records "required value missing" when blank.
    mutating func requiredText(_ column: TableColumn) -> String? {
        guard present(column) != nil else {
            fail(column, value: "", .missing)
            return nil
        }
        return optionalText(column)
    }

    private mutating func invalidUTF8(_ column: TableColumn, index: Int) {
        fail(column, value: record.display(index), record.utf8Fault(index))
    }

    /// The column's value as written in the file (for messages).
    func shownValue(_ column: TableColumn) -> String {
        guard let index = header.index(column), index < record.count else { return "" }
        return record.display(index)
    }

    /// A decimal number; `required` decides whether blank is a problem. `check` returns the
    /// reason a value is out of range, or nil when it is fine.
    mutating func number(_ column: TableColumn, required: Bool, check: (Double) -> Problem.ValueFault? = { _ in nil }) -> Double? {
        guard let index = present(column) else {
            if required { fail(column, value: "", .missing) }
            return nil
        }
        guard let value = record.number(index) else {
            fail(column, value: record.display(index), .notANumber(coordinate: nil))
            return nil
        }
        if let reason = check(value) {
            fail(column, value: record.display(index), reason)
            return nil
        }
        return value
    }

    /// A number of a column with a physical range (``InputColumnRanges``): outside it is a
    /// problem naming the range.
    mutating func number(_ column: TableColumn, range: InputColumnRanges.Column, required: Bool) -> Double? {
        number(column, required: required, check: range.violation)
    }

    /// A whole number >= 0 within `column`'s range (a count of people or households).
    /// Accepts `1200` and `1200.0`.
    mutating func count(_ column: TableColumn, range: InputColumnRanges.Column, required: Bool) -> Int? {
        guard let value = number(column, required: required, check: { value in
            if value < 0 { return .negative }
            if value.rounded() != value { return .notWhole }
            return range.violation(value)
        }) else { return nil }
        // Safe: a whole number within the column's range (at most 100,000,000).
        return Int(value)
    }

    /// A boolean: true/false, 1/0, yes/no, y/n in any case (docs/specs/data-formats.md §1).
    mutating func bool(_ column: TableColumn, required: Bool) -> Bool? {
        guard let text = required ? requiredText(column) : optionalText(column) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes", "y": return true
        case "false", "0", "no", "n": return false
        default:
            fail(column, value: text, .notYesNo)
            return nil
        }
    }

    /// One of a fixed set of words, matched case-insensitively via `parse`.
    mutating func choice<T>(_ column: TableColumn, required: Bool, allowed: [String], parse: (String) -> T?) -> T? {
        guard let text = required ? requiredText(column) : optionalText(column) else { return nil }
        guard let value = parse(text.lowercased()) else {
            fail(column, value: text, .unknownChoice(name: column.name, allowed: allowed))
            return nil
        }
        return value
    }

    /// An administrative code: a string kept as written (leading zeros matter). A purely
    /// numeric code shorter than `digits` is an error: spreadsheets drop leading zeros.
    mutating func adminCode(_ column: TableColumn, digits: Int) -> String? {
        guard let code = optionalText(column) else { return nil }
        if code.count < digits, code.allSatisfy(\.isASCIIDigit) {
            let padded = String(repeating: "0", count: digits - code.count) + code
            fail(column, value: code, .lostLeadingZeros(digits: digits, padded: padded))
            return nil
        }
        return code
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension RowReader {
    /// Reads `lon` and `lat` (under any accepted alias) and checks them: swapped columns
    /// (outside the study area, inside once swapped), latitude within -90..90, longitude
    /// within -180..180. A point outside the study area otherwise is a warning.
    mutating func coordinates(
        lon lonColumn: TableColumn, lat latColumn: TableColumn, studyArea: StudyArea, warnings: inout [Problem]
    ) -> (lon: Double, lat: Double)? {
        let lon = number(lonColumn, required: true)
        let lat = number(latColumn, required: true)
        guard let lon, let lat else { return nil }
        let lonName = header.displayName(lonColumn)
        let latName = header.displayName(latColumn)
        var shown: String { "\(lonName)=\(shownValue(lonColumn)) \(latName)=\(shownValue(latColumn))" }
        if !studyArea.contains(lon: lon, lat: lat), studyArea.contains(lon: lat, lat: lon) {
            problems.append(Problem(
                file: file, line: line, column: "\(lonName)/\(latName)", value: shown, reason: .value(.swapped(area: studyArea))
            ))
            return nil
        }
        var valid = true
        if !InputColumnRanges.latitude.range.contains(lat) {
            fail(latColumn, value: shownValue(latColumn), .notACoordinate(.latitude))
            valid = false
        }
        if !InputColumnRanges.longitude.range.contains(lon) {
            fail(lonColumn, value: shownValue(lonColumn), .notACoordinate(.longitude))
            valid = false
        }
        guard valid else { return nil }
        if !studyArea.contains(lon: lon, lat: lat) {
            warnings.append(Problem(
                file: file, line: line, column: "\(lonName)/\(latName)", value: shown,
                reason: .value(.outsideStudyArea(studyArea))
            ))
        }
        return (lon, lat)
    }
}
