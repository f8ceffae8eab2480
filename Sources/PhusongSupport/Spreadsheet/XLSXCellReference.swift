/// A1-style cell references of SpreadsheetML (ECMA-376 Part 1 §18.18.62 ST_Ref): columns
/// `A`…`Z`, `AA`…`XFD` (bijective base 26), rows from 1.
enum XLSXCellReference {
    /// The letters of the column at zero-based `index` (0 → `A`, 25 → `Z`, 26 → `AA`).
    static func column(_ index: Int) -> String {
        var number = index + 1
        var letters: [UInt8] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            number = (number - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The reference of the cell at zero-based `column` and one-based `row`: `B7`.
    static func cell(column: Int, row: Int) -> String {
        self.column(column) + String(row)
    }
}
