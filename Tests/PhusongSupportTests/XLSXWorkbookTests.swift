import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import PhusongSupport

@Suite("XLSX workbooks: read back from the zip, cells typed, header frozen and filtered, limits enforced")
struct XLSXWorkbookTests {
    static let sheet = SpreadsheetSheet(
        name: "dead_zones",
        header: ["province_code", "commune_code", "name", "population", "share", "grid_power", "note"],
        rows: [
            [.text("01"), .text("00004"), .text("Điện Biên & <Lai Châu>"), .number(412), .number(0.125), .boolean(false), .empty],
            [.text("11"), .text("03127"), .text("=HYPERLINK(\"x\")"), .number(-3.5e-7), .number(.nan), .boolean(true), .text(" spaced ")],
        ])

    @Test("parts in order, text cells inline and guarded, numbers and booleans typed, empty cells left out")
    func cells() throws {
        let parts = try Self.parts(XLSXWorkbook.bytes([Self.sheet]))
        #expect(parts.map(\.path) == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
        ])
        let cells = try SheetCells.parse(try #require(parts.last?.bytes))
        #expect(cells.count == 7 + 6 + 6, "NaN and .empty leave no cell")
        #expect(cells["A1"] == .init(type: "inlineStr", style: "1", value: "province_code"))
        #expect(cells["A2"] == .init(type: "inlineStr", style: "2", value: "01"))
        #expect(cells["B2"] == .init(type: "inlineStr", style: "2", value: "00004"))
        #expect(cells["C2"] == .init(type: "inlineStr", style: "2", value: "Điện Biên & <Lai Châu>"))
        #expect(cells["D2"] == .init(type: nil, style: nil, value: "412"))
        #expect(cells["E2"] == .init(type: nil, style: nil, value: "0.125"))
        #expect(cells["F2"] == .init(type: "b", style: nil, value: "0"))
        #expect(cells["G2"] == nil && cells["E3"] == nil)
        #expect(cells["C3"]?.value == "'=HYPERLINK(\"x\")", "guarded as in the CSV")
        #expect(cells["D3"]?.value == "-3.5e-07")
        #expect(cells["F3"] == .init(type: "b", style: nil, value: "1"))
        #expect(cells["G3"]?.value == " spaced ", "xml:space=preserve keeps the spaces")
    }

    @Test("bold frozen header, autofilter over the table, widths from the content; the styles say bold and text")
    func layout() throws {
        let parts = try Self.parts(XLSXWorkbook.bytes([Self.sheet, SpreadsheetSheet(name: "empty", header: ["a"], rows: [])]))
        let sheet = String(decoding: try #require(parts.first { $0.path == "xl/worksheets/sheet1.xml" }).bytes, as: UTF8.self)
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<autoFilter ref="A1:G3"/>"#) && sheet.contains(#"<dimension ref="A1:G3"/>"#))
        #expect(sheet.contains(#"tabSelected="1""#))
        // province_code: 13 + 3 = 16; name: "'=HYPERLINK(\"x\")" is 16 + 2 = 18 < "Điện Biên & <Lai Châu>" 22 + 2 = 24.
        #expect(sheet.contains(#"<col min="1" max="1" width="16" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="3" max="3" width="24" customWidth="1"/>"#))
        let empty = String(decoding: try #require(parts.first { $0.path == "xl/worksheets/sheet2.xml" }).bytes, as: UTF8.self)
        #expect(empty.contains(#"<autoFilter ref="A1:A1"/>"#) && !empty.contains("tabSelected"))
        let workbook = String(decoding: try #require(parts.first { $0.path == "xl/workbook.xml" }).bytes, as: UTF8.self)
        #expect(workbook.contains(#"<sheet name="dead_zones" sheetId="1" r:id="rId1"/><sheet name="empty" sheetId="2" r:id="rId2"/>"#))
        #expect(workbook.contains(#"localSheetId="0" hidden="1">&apos;dead_zones&apos;!$A$1:$G$3</definedName>"#))
        let styles = String(decoding: try #require(parts.first { $0.path == "xl/styles.xml" }).bytes, as: UTF8.self)
        #expect(styles.contains(#"<font><b/>"#) && styles.contains(#"<xf numFmtId="49" fontId="1""#))
    }

    @Test("equal sheets give equal bytes; every entry dated 1980-01-01 00:00:00")
    func deterministic() throws {
        let one = try XLSXWorkbook.bytes([Self.sheet]), two = try XLSXWorkbook.bytes([Self.sheet])
        #expect(one == two)
        let archive = try Archive(data: Data(one), accessMode: .read)
        #expect(Array(archive).allSatisfy { $0.fileAttributes[.modificationDate] as? Date == ZipContainer.entryDate })
        // Local file header of the first entry: DOS time 0 (00:00:00), date 0x0021 (1980-01-01).
        #expect(Array(one[10..<14]) == [0x00, 0x00, 0x21, 0x00])
    }

    @Test("the format's limits are errors, never cut data")
    func limits() {
        let rows = [[SpreadsheetCell]](repeating: [], count: XLSXWorkbook.maximumRows)
        #expect(throws: FileFormatError.self) { try XLSXWorkbook.bytes([SpreadsheetSheet(name: "big", header: ["a"], rows: rows)]) }
        let long = SpreadsheetSheet(name: "long", header: ["a"], rows: [[.text(String(repeating: "x", count: 32_768))]])
        #expect(throws: FileFormatError.self) { try XLSXWorkbook.bytes([long]) }
        for name in ["", "a/b", "[x]", String(repeating: "n", count: 32), "'quoted'"] {
            #expect(throws: FileFormatError.self, "\(name)") { try XLSXWorkbook.bytes([SpreadsheetSheet(name: name, header: ["a"], rows: [])]) }
        }
        let twice = [SpreadsheetSheet(name: "Tỉnh", header: ["a"], rows: []), SpreadsheetSheet(name: "tỉnh", header: ["a"], rows: [])]
        #expect(throws: FileFormatError.self) { try XLSXWorkbook.bytes(twice) }
        #expect(throws: FileFormatError.self) { try XLSXWorkbook.bytes([]) }
        #expect(throws: FileFormatError.self) {
            try ZipContainer.bytes([.init(path: "doc.kml", bytes: []), .init(path: "doc.kml", bytes: [1])])
        }
    }

    @Test("cell references: A…Z, AA…ZZ, AAA…XFD")
    func references() {
        #expect([0, 25, 26, 51, 701, 702, 16_383].map(XLSXCellReference.column) == ["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"])
        #expect(XLSXCellReference.cell(column: 2, row: 7) == "C7")
    }

    @Test("CSV fields become cells: text stays text, phusong's numbers numbers, true/false booleans, empty empty")
    func fromCSVFields() {
        let fields: [CSVField] = [.text("01"), .integer(7), .number(0.1), .flag(true), .number(""), .text(nil), .number("n/a")]
        #expect(fields.map(SpreadsheetCell.init) == [.text("01"), .number(7), .number(0.1), .boolean(true), .empty, .text(""), .text("n/a")])
    }

    /// The archive's entries, in order, with their bytes.
    static func parts(_ bytes: [UInt8]) throws -> [(path: String, bytes: [UInt8])] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, [UInt8](data))
        }
    }
}

/// The cells of a worksheet part by reference, read with an XML parser.
final class SheetCells: NSObject, XMLParserDelegate {
    struct Cell: Hashable {
        var type: String?
        var style: String?
        var value: String
    }

    private var cells: [String: Cell] = [:]
    private var current: (reference: String, type: String?, style: String?)?
    private var text = ""

    static func parse(_ bytes: [UInt8]) throws -> [String: Cell] {
        let reader = SheetCells()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader.cells
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard name == "c" else { return }
        current = (attributes["r"] ?? "", attributes["t"], attributes["s"])
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "c", let current {
            cells[current.reference] = Cell(type: current.type, style: current.style, value: text)
            self.current = nil
        }
    }
}
