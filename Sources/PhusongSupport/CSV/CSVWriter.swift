/// Builds RFC 4180 CSV text in memory: fields that hold a comma, a quote, CR or LF are quoted,
/// quotes doubled. Text fields are guarded against spreadsheet formula injection (`CSVField`,
/// `SpreadsheetText`); numbers are not.
///
/// Every CSV phusong writes has the same conventions, and this writer has no option to change
/// them: UTF-8 without a byte-order mark, records ending with LF, comma-separated, a header
/// row. CSV is the format for machines (pandas, R, GDAL, `awk`, phusong itself), which read
/// UTF-8 without a mark as it is and would keep a mark as part of the first column's name;
/// RFC 3629 §6 and the Unicode Standard (§2.6) neither require nor recommend a mark in UTF-8.
/// People get the same tables as XLSX (`XLSXWorkbook`), which needs no mark to show
/// Vietnamese. docs/outputs.md gives the reasons and how to open a CSV in Excel.
///
/// A record is written either whole (`writeRow`, from `CSVField`s) or field by field (`text`,
/// `number`, `integer`, `fixed`, `real`, `flag`, then `endRow`): the two give the same bytes.
/// The field-by-field form is the one for tables of a row per village or site: it formats
/// numbers straight into the buffer (`NumberBytes`) and makes no array or string per field.
public struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the current record has a field already (the next one needs a comma).
    private var inRecord = false

    /// An empty table.
    public init() {}

    /// Appends one record.
    public mutating func writeRow(_ fields: [CSVField]) {
        for field in fields {
            switch field {
            case .text(let text): self.text(text)
            case .number(let text): number(text)
            }
        }
        endRow()
    }

    /// Appends a header record: every name is text.
    public mutating func writeHeader(_ names: [String]) {
        for name in names { text(name) }
        endRow()
    }

    /// Ends the current record.
    public mutating func endRow() {
        bytes.append(0x0A)
        inRecord = false
    }

    /// The bytes written so far, leaving the writer empty (for files written in pieces).
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// Reserves room for `count` more bytes.
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    // MARK: Field by field

    /// A text field (`CSVField.text`): guarded against formulas, then quoted if need be.
    public mutating func text(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { utf8 in
            if SpreadsheetText.startsWithGuardedTrigger(utf8) {
                appendQuoted([SpreadsheetText.apostrophe] + Array(utf8))
            } else {
                appendQuoted(utf8)
            }
        }
    }

    /// A text field, empty when `value` is nil.
    public mutating func text(_ value: String?) {
        text(value ?? "")
    }

    /// A numeric field as phusong formatted it (`CSVField.number`): written unguarded.
    public mutating func number(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    /// A whole number (`CSVField.integer`).
    public mutating func integer(_ value: Int) {
        separate()
        NumberBytes.appendInteger(value, to: &bytes)
    }

    /// A number with `decimals` decimals (`CSVField.number(_:decimals:)`, `NumberText.fixed`).
    public mutating func fixed(_ value: Double, decimals: Int) {
        separate()
        NumberBytes.appendFixed(value, decimals: decimals, to: &bytes)
    }

    /// Swift's shortest round-trip text of `value` (`NumberText.real`, `String(value)`), or an
    /// empty field when `value` is nil.
    public mutating func real(_ value: Double?) {
        separate()
        if let value { NumberBytes.appendReal(value, to: &bytes) }
    }

    /// `true` or `false` (`CSVField.flag`).
    public mutating func flag(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    private mutating func separate() {
        if inRecord { bytes.append(UInt8(ascii: ",")) }
        inRecord = true
    }

    /// The field's bytes, in quotes with quotes doubled when they hold a comma, a quote, CR or LF.
    private mutating func appendQuoted<Bytes: Collection<UInt8>>(_ utf8: Bytes) {
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}
