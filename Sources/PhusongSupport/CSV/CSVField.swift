/// One field of a CSV record that phusong writes: text, which `CSVWriter` guards against
/// spreadsheet formula injection (`SpreadsheetText`), or a number, written as it is so that
/// spreadsheets keep it numeric.
public enum CSVField: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Free text (ids, names, codes, reasons); neutralised when it could start a formula.
    case text(String)
    /// Numeric text that phusong formatted itself (a number, `true`/`false`, or empty), written
    /// unchanged.
    case number(String)

    public init(stringLiteral value: String) { self = .text(value) }

    /// The shortest text that reads back to the same `Double` (whole numbers without a point).
    public static func number(_ value: Double) -> CSVField { .number(NumberText.shortest(value)) }

    /// A fixed count of decimals, e.g. 6 for coordinates (~0.1 m).
    public static func number(_ value: Double, decimals: Int) -> CSVField { .number(NumberText.fixed(value, decimals: decimals)) }

    /// A whole number.
    public static func integer(_ value: Int) -> CSVField { .number(String(value)) }

    /// `true` or `false`.
    public static func flag(_ value: Bool) -> CSVField { .number(String(value)) }

    /// An optional text: empty when absent.
    public static func text(_ value: String?) -> CSVField { .text(value ?? "") }
}
