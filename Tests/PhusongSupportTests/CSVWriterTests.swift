import Foundation
import Testing
@testable import PhusongSupport

@Suite("CSV writing: field by field, numbers into the buffer, rows streamed in chunks")
struct CSVWriterTests {
    static let texts = ["", "Thôn 1", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "=SUM(A1)", "-7", "'=x", "+", "@home", "\tx", "Điện Biên"]

    @Test("field by field writes what writeRow writes")
    func fieldByField() {
        do {
            var rows = CSVWriter(), fields = CSVWriter()
            rows.writeHeader(["id", "x"])
            fields.writeHeader(["id", "x"])
            for (index, text) in Self.texts.enumerated() {
                let value = Double(index) * -1.37 + 0.001
                rows.writeRow([.text(text), .number(text), .integer(index - 5), .number(value, decimals: 6), .number(NumberText.real(value)),
                               .flag(index % 2 == 0), .text(nil), .number("")])
                fields.text(text)
                fields.number(text)
                fields.integer(index - 5)
                fields.fixed(value, decimals: 6)
                fields.real(value)
                fields.flag(index % 2 == 0)
                fields.text(nil as String?)
                fields.real(nil)
                fields.endRow()
            }
            #expect(fields.bytes == rows.bytes)
        }
        var csv = CSVWriter()
        csv.text("=A1,B1")
        csv.real(-97.25)
        csv.endRow()
        #expect(String(decoding: csv.takeBytes(), as: UTF8.self) == "\"'=A1,B1\",-97.25\n")
        #expect(csv.bytes.isEmpty)
    }

    @Test("NumberBytes gives NumberText's text: integers, fixed decimals, shortest reals")
    func numberBytes() {
        var generator = SplitMix64(seed: 15)
        var reals: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 105.1234565, 1e15, 1e20, -118.44, 5e-7, .nan, .infinity, -.infinity, 21.04778]
        var integers: [Int] = [0, 1, -1, 9, 10, 99, 100, 106_445, .max, .min, 1_000_000_000_000_000_000]
        for _ in 0..<2_000 {
            let bits = generator.next()
            reals.append(Double(Int64(bitPattern: bits) >> 20) / 1e6)
            reals.append(Double(bitPattern: bits))
            integers.append(Int(bitPattern: UInt(bits)) >> Int(bits % 64))
        }
        for value in integers {
            var bytes: [UInt8] = []
            NumberBytes.appendInteger(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
        for value in reals {
            for decimals in [0, 1, 2, 6] {
                var bytes: [UInt8] = []
                NumberBytes.appendFixed(value, decimals: decimals, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == Self.printf(value, decimals: decimals), "\(value) \(decimals)")
            }
            var real: [UInt8] = []
            NumberBytes.appendReal(value, to: &real)
            #expect(String(decoding: real, as: UTF8.self) == NumberText.real(value))
        }
    }

    /// `printf("%.nf")` without a negative zero: the reference `NumberText.fixed` matches.
    private static func printf(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }

    @Test("every CSV has the same conventions: UTF-8 without a byte-order mark, records ending with LF alone")
    func conventions() {
        var csv = CSVWriter()
        csv.writeHeader(["id", "tên"])
        csv.writeRow([.text("Điện Biên"), .text("a\r\nb")])
        csv.writeRow([.integer(7), .flag(true)])
        #expect(csv.bytes == Array("id,tên\nĐiện Biên,\"a\r\nb\"\n7,true\n".utf8))
        #expect(RecordTable(header: ["id"], records: [[.text("01")]]).csvBytes == Array("id\n01\n".utf8))
    }

    /// The bytes one serial writer makes for rows `0..<count`.
    private func serial(_ count: Int) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeHeader(["index", "name", "value"])
        for index in 0..<count { Self.row(&csv, index) }
        return csv.bytes
    }

    private static func row(_ csv: inout CSVWriter, _ index: Int) {
        csv.integer(index)
        csv.text(texts[index % texts.count])
        csv.real(Double(index) / 7)
        csv.endRow()
    }

    @Test("a streamed table is the serial table: every batch size and thread count, quoted newlines included")
    func streamed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-csv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for count in [0, 1, 5_000] {
            for (threads, batchRows) in [(1, 65_536), (2, 7), (3, 1_000), (2, 1)] {
                let path = folder + "/t\(count)-\(threads)-\(batchRows).csv"
                let file = try OutputFileStream(creating: path, for: path)
                try await CSVRowStream.write(header: ["index", "name", "value"], count: count, threads: threads, to: file,
                                             batchRows: batchRows) { csv, index in Self.row(&csv, index) }
                try file.finish()
                #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == serial(count), "\(count) rows, \(threads) threads, \(batchRows) a batch")
            }
        }
    }
}
