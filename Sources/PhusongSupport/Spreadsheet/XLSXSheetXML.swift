/// One worksheet part (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1 §18.3): the frozen bold
/// header, the rows, the column widths and the autofilter that `XLSXWorkbook` documents.
enum XLSXSheetXML {
    /// Style indexes into `XLSXParts.styles`' `cellXfs`.
    enum Style {
        static let header = 1
        static let text = 2
    }

    /// Width of a column, in characters of the default font: the longest value plus 2, the
    /// header plus 3 (its filter button), between 6 and 60.
    static let minimumWidth = 6
    static let maximumWidth = 60

    static func bytes(_ sheet: SpreadsheetSheet, selected: Bool) -> [UInt8] {
        let columnCount = sheet.columnCount
        let range = "A1:" + XLSXCellReference.column(columnCount - 1) + String(sheet.rows.count + 1)
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<dimension ref="\#(range)"/>"#
        xml += #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">"#
        xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/><cols>"#
        for (index, width) in widths(sheet, columnCount: columnCount).enumerated() {
            xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        var bytes = Array(xml.utf8)
        bytes.reserveCapacity(bytes.count + sheet.rows.count * columnCount * 24)
        appendRow(sheet.header.map(SpreadsheetCell.text), number: 1, style: Style.header, to: &bytes)
        for (index, row) in sheet.rows.enumerated() {
            appendRow(row, number: index + 2, style: Style.text, to: &bytes)
        }
        bytes += Array("</sheetData><autoFilter ref=\"\(range)\"/></worksheet>\n".utf8)
        return bytes
    }

    /// One `<row>`; text cells get `textStyle`, numbers and booleans the default style.
    private static func appendRow(_ cells: [SpreadsheetCell], number: Int, style textStyle: Int, to bytes: inout [UInt8]) {
        var row = #"<row r="\#(number)">"#
        for (column, cell) in cells.enumerated() {
            let reference = XLSXCellReference.cell(column: column, row: number)
            switch cell {
            case .text(let text):
                let value = SpreadsheetText.neutralised(text)
                let space = value.first?.isWhitespace == true || value.last?.isWhitespace == true ? #" xml:space="preserve""# : ""
                row += #"<c r="\#(reference)" s="\#(textStyle)" t="inlineStr"><is><t\#(space)>"# + XMLText.escaped(value) + "</t></is></c>"
            case .number(let number) where number.isFinite:
                row += #"<c r="\#(reference)"><v>"# + NumberText.shortest(number) + "</v></c>"
            case .boolean(let flag):
                row += #"<c r="\#(reference)" t="b"><v>"# + (flag ? "1" : "0") + "</v></c>"
            case .number, .empty:
                continue
            }
        }
        row += "</row>"
        bytes += Array(row.utf8)
    }

    /// Each column's width from its longest value (see `minimumWidth`).
    static func widths(_ sheet: SpreadsheetSheet, columnCount: Int) -> [Int] {
        var widths = (0..<columnCount).map { index in
            index < sheet.header.count ? sheet.header[index].count + 3 : 0
        }
        for row in sheet.rows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], displayLength(cell) + 2)
            }
        }
        return widths.map { min(maximumWidth, max(minimumWidth, $0)) }
    }

    /// How many characters the cell shows.
    private static func displayLength(_ cell: SpreadsheetCell) -> Int {
        switch cell {
        case .text(let text): SpreadsheetText.neutralised(text).count
        case .number(let number): number.isFinite ? NumberText.shortest(number).count : 0
        case .boolean(let flag): flag ? 4 : 5
        case .empty: 0
        }
    }
}

extension SpreadsheetSheet {
    /// Columns the sheet spans: the header's or the longest row's, at least one.
    var columnCount: Int {
        max(1, header.count, rows.map(\.count).max() ?? 0)
    }
}
