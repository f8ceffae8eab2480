/// Writes Office Open XML workbooks (`.xlsx`, ECMA-376 5th edition, SpreadsheetML) for the
/// people who open phusong's tables in Excel or LibreOffice: the format ministry staff open
/// first, where a CSV is for machines.
///
/// Written by hand because no Swift package in reach writes SpreadsheetML (CoreXLSX only
/// reads it); the zip container is ZIPFoundation's (`ZipContainer`). The workbook holds only
/// the parts a spreadsheet needs: `[Content_Types].xml`, the package and workbook
/// relationships, `xl/workbook.xml`, `xl/styles.xml` and one `xl/worksheets/sheetN.xml` per
/// sheet; no document properties, so no creation time.
///
/// Each sheet:
/// - a header row of the column names, bold, frozen (it stays in view when scrolling), with an
///   autofilter over the whole table (header and every row);
/// - text cells as inline strings (`t="inlineStr"`) in the text number format `@`: a code
///   like `01` or `00004` stays text with its zeros, and a user who edits the cell keeps it
///   text. An inline string is a value, never a formula (a formula is only ever an `<f>`
///   element, which phusong does not write); text is still guarded as in a CSV
///   (`SpreadsheetText.neutralised(_:)`, an apostrophe before `=`, `+`, `-`, `@`, tab, CR), so
///   that a cell copied elsewhere or saved back as CSV cannot turn into one, and the text
///   reads the same as in phusong's CSV of the same table;
/// - numbers as numbers (shortest round-trip text), booleans as `TRUE`/`FALSE`, empty cells
///   left out;
/// - column widths from the content: the longest value's characters plus 2 (the header's plus
///   3 for the filter button), between 6 and 60.
///
/// Limits of the format (Excel's specifications): 1,048,576 rows including the header,
/// 16,384 columns, 32,767 characters a cell, 31 characters a sheet name. Data beyond them is
/// an error (`FileFormatError`), never cut silently.
///
/// Equal sheets give equal bytes (`ZipContainer`: fixed entry times).
public enum XLSXWorkbook {
    /// Rows a sheet can hold, the header included.
    public static let maximumRows = 1_048_576
    /// Columns a sheet can hold.
    public static let maximumColumns = 16_384
    /// Characters (UTF-16 code units) a cell can hold.
    public static let maximumTextLength = 32_767
    /// Characters a sheet name can hold.
    public static let maximumSheetNameLength = 31

    /// The workbook holding `sheets`, in order; the first is the one shown on opening.
    /// - Parameter sheets: at least one sheet, names distinct without regard to case.
    /// - Throws: `FileFormatError` when a sheet does not fit the format or a name is unusable.
    public static func bytes(_ sheets: [SpreadsheetSheet]) throws(FileFormatError) -> [UInt8] {
        try check(sheets)
        var entries = [
            ZipContainer.Entry(path: "[Content_Types].xml", bytes: XLSXParts.contentTypes(sheetCount: sheets.count)),
            ZipContainer.Entry(path: "_rels/.rels", bytes: XLSXParts.packageRelationships),
            ZipContainer.Entry(path: "xl/workbook.xml", bytes: XLSXParts.workbook(sheets)),
            ZipContainer.Entry(path: "xl/_rels/workbook.xml.rels", bytes: XLSXParts.workbookRelationships(sheetCount: sheets.count)),
            ZipContainer.Entry(path: "xl/styles.xml", bytes: XLSXParts.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            entries.append(ZipContainer.Entry(
                path: "xl/worksheets/sheet\(index + 1).xml", bytes: XLSXSheetXML.bytes(sheet, selected: index == 0)))
        }
        return try ZipContainer.bytes(entries)
    }

    /// Stops on what the format cannot hold.
    private static func check(_ sheets: [SpreadsheetSheet]) throws(FileFormatError) {
        if sheets.isEmpty { throw FileFormatError(reason: "a workbook needs at least one sheet") }
        var names = Set<String>()
        for sheet in sheets {
            if let problem = nameProblem(sheet.name) { throw FileFormatError(reason: "sheet name \"\(sheet.name)\": \(problem)") }
            if !names.insert(sheet.name.lowercased()).inserted {
                throw FileFormatError(reason: "sheet name \"\(sheet.name)\" appears twice")
            }
            if sheet.rows.count + 1 > maximumRows {
                throw FileFormatError(reason: "sheet \(sheet.name): \(sheet.rows.count) rows and a header; a sheet holds at most \(maximumRows) rows (use the CSV)")
            }
            let width = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
            if width > maximumColumns {
                throw FileFormatError(reason: "sheet \(sheet.name): \(width) columns; a sheet holds at most \(maximumColumns)")
            }
            let texts = sheet.header + sheet.rows.joined().compactMap { cell -> String? in
                if case .text(let text) = cell { SpreadsheetText.neutralised(text) } else { nil }
            }
            if let long = texts.first(where: { $0.utf16.count > maximumTextLength }) {
                throw FileFormatError(reason: "sheet \(sheet.name): a text of \(long.utf16.count) characters (\(long.prefix(40))…); a cell holds at most \(maximumTextLength)")
            }
        }
    }

    /// Why `name` cannot name a sheet, or nil.
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "empty" }
        if name.count > maximumSheetNameLength { return "longer than \(maximumSheetNameLength) characters" }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) { return "holds \(bad), which sheet names cannot" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "starts or ends with an apostrophe" }
        return nil
    }
}
