import PhusongSupport

/// One CSV record: the unescaped bytes of its fields and the physical line it starts on.
package struct CSVRecord {
    /// 1-based line on which the record starts.
    package let line: Int
    let bytes: [UInt8]
    let fieldEnds: [Int]
    let quoted: [Bool]

    package var count: Int { fieldEnds.count }

    /// True for a line with nothing on it (not even a quoted empty field).
    var isBlank: Bool { fieldEnds.count == 1 && fieldEnds[0] == 0 && !quoted[0] }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// The field's bytes.
    func field(_ index: Int) -> ArraySlice<UInt8> { bytes[range(index)] }

    /// True when the field is empty or only spaces and tabs.
    func isEmpty(_ index: Int) -> Bool {
        field(index).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The field as text with surrounding spaces removed and in Unicode NFC, or nil when
    /// its bytes are not valid UTF-8. The apostrophe that phusong's CSV writer puts before
    /// text a spreadsheet would run as a formula is removed (`SpreadsheetText.restored`), so
    /// phusong's outputs read back unchanged.
    package func text(_ index: Int) -> String? {
        let slice = trimmed(field(index))
        if slice.allSatisfy({ $0 < 0x80 }) {
            return SpreadsheetText.restored(String(decoding: slice, as: UTF8.self))
        }
        guard let text = String(validating: slice, as: UTF8.self) else { return nil }
        return SpreadsheetText.restored(UnicodeText.nfc(text))
    }

    /// The field for display in a message: invalid bytes shown as U+FFFD, long values cut.
    func display(_ index: Int) -> String {
        let text = String(decoding: trimmed(field(index)), as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    /// The whole record as text fields (invalid UTF-8 replaced), for a rejects file. Fields
    /// beyond the first `limit` are kept comma-joined in the last one, so that a record of a
    /// million commas takes a megabyte, not a million strings.
    func allFieldsLossy(limit: Int) -> [String] {
        let kept = max(1, min(count, limit))
        var fields = (0..<(kept - 1)).map { String(decoding: field($0), as: UTF8.self) }
        fields.append(String(decoding: Array((kept - 1..<count).map { field($0) }.joined(separator: [0x2C])), as: UTF8.self))
        return fields
    }

    /// Why the field is not UTF-8 text: its first bad byte and where it is.
    func utf8Fault(_ index: Int) -> Problem.ValueFault {
        let offset = UnicodeText.firstInvalidUTF8Offset(field(index)) ?? 0
        return .notUTF8(byte: field(index).dropFirst(offset).first, position: offset + 1)
    }

    /// The field as a decimal number (plain or scientific notation), nil when it is not one.
    func number(_ index: Int) -> Double? {
        DecimalParser.parse(trimmed(field(index)))
    }

    private func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = slice.startIndex
        var upper = slice.endIndex
        while lower < upper, slice[lower] == 0x20 || slice[lower] == 0x09 { lower += 1 }
        while upper > lower, slice[upper - 1] == 0x20 || slice[upper - 1] == 0x09 { upper -= 1 }
        return slice[lower..<upper]
    }
}
