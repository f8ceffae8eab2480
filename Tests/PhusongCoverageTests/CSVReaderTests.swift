import Foundation
import Testing
@testable import PhusongCoverage
@testable import PhusongSupport

/// Writes `bytes` to a temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "t.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

func temporaryFile(_ text: String, name: String = "t.csv") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
}

private func records(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [(line: Int, fields: [String])] {
    let reader = try CSVReader(path: try temporaryFile(bytes), chunkSize: chunkSize)
    var out: [(Int, [String])] = []
    while let record = try reader.next() {
        out.append((record.line, (0..<record.count).map { record.text($0) ?? "<invalid>" }))
    }
    return out
}

@Suite("RFC 4180 CSV reader")
struct CSVReaderTests {
    @Test("quoted commas, doubled quotes and line breaks; physical line numbers")
    func quotedFields() throws {
        let text = "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n"
        let rows = try records(Array(text.utf8))
        #expect(rows.map(\.line) == [1, 2, 3, 5])
        #expect(rows[1].fields == ["1", "x, y", "say \"hi\""])
        #expect(rows[2].fields == ["2", "two\nlines", "z"])
        #expect(rows[3].fields == ["3", "", ""])
    }

    @Test("CRLF, bare CR, a BOM and no final line end")
    func lineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,v\r\n1,a\r\n2,\"b\r\nc\"\r3,d".utf8)
        let rows = try records(bytes)
        #expect(rows.map(\.fields) == [["id", "v"], ["1", "a"], ["2", "b\r\nc"], ["3", "d"]])
        #expect(rows.map(\.line) == [1, 2, 3, 5])
    }

    @Test("records spanning chunk boundaries read the same at every chunk size")
    func chunkBoundaries() throws {
        var text = "id,name,value\n"
        for index in 0..<200 { text += "\(index),\"Bản \(index), \"\"xã\"\"\nthứ hai\",\(Double(index) / 7)\r\n" }
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let reference = try records(bytes)
        #expect(reference.count == 201)
        for chunkSize in [1, 2, 3, 7, 64, 1000] {
            let rows = try records(bytes, chunkSize: chunkSize)
            #expect(rows.map(\.fields) == reference.map(\.fields), "chunk size \(chunkSize)")
            #expect(rows.map(\.line) == reference.map(\.line), "chunk size \(chunkSize)")
        }
    }

    @Test("blank lines are skipped but counted")
    func blankLines() throws {
        let rows = try records(Array("a\n\n1\n\n\n2\n".utf8))
        #expect(rows.map(\.line) == [1, 3, 6])
    }

    @Test("Vietnamese text in NFD is stored in NFC; NFC text is kept byte for byte")
    func normalisation() throws {
        let nfc = "Bản Mường Lói, Điện Biên"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(nfc.utf8))
        let rows = try records(Array("\"\(nfd)\"\n\"\(nfc)\"\n".utf8))
        #expect(Array(rows[0].fields[0].utf8) == Array(nfc.utf8))
        #expect(Array(rows[1].fields[0].utf8) == Array(nfc.utf8))
    }

    @Test("an unclosed quote at the end of the file is an error naming the line it opened on")
    func unclosedQuote() throws {
        let reader = try CSVReader(path: try temporaryFile("a,b\n1,2\n3,\"open\nmore\n"))
        #expect(try reader.next()?.line == 1)
        #expect(try reader.next()?.line == 2)
        let error = #expect(throws: LoadError.self) { try reader.next() }
        #expect(error?.problems.first?.line == 3)
        #expect(error?.problems.first?.reason == .table(.unclosedQuote))
        #expect(error?.problems.first?.reason.description.contains("never closed") == true)
    }
}

@Suite("Decimal parser")
struct DecimalParserTests {
    private func parse(_ text: String) -> Double? { DecimalParser.parse(ArraySlice(text.utf8)) }

    @Test("gives exactly the double the standard library gives")
    func matchesStandardLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for _ in 0..<20_000 {
            let integer = Int(next() % 400) - 200
            let fraction = next() % 1_000_000
            let decimals = Int(next() % 7)
            let text = decimals == 0 ? "\(integer)" : "\(integer).\(String(String(fraction).prefix(decimals)))"
            #expect(parse(text) == Double(text), "\(text)")
        }
        for text in ["105.841143", "21.047780", "-0.5", "+3", "0.1", "30.0", "1e5", "2.5E-3", "12345678901234567890", "0.000000000000000000000001"] {
            #expect(parse(text) == Double(text), "\(text)")
        }
    }

    @Test("rejects what is not a plain finite number")
    func rejects() {
        for text in ["", "-", ".", "abc", "1,5", "1.2.3", "nan", "inf", "0x1p3", "1e", "12a", "1 2", "1e999"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }
}

@Suite("Fixed-decimal numbers")
struct FixedDecimalTests {
    /// What NumberText.fixed did before the fast path: printf, without a negative zero.
    private func reference(_ value: Double, _ decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }

    @Test("the same text as printf: halves, ties to even, negative zero, large and random values")
    func matchesPrintf() {
        let special: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 0.005, 0.015, 1.005, 105.1234565,
                                 -110.0, -109.99999999, 99.995, 1e14, 123456789.123456, -0.0004, 21.0394, 1e-300]
        var random = TestRandom(seed: 11)
        var values = special
        for _ in 0..<200_000 {
            let magnitude = pow(10, Double(random.next() % 12) - 4)
            values.append((Double(random.next() >> 11) / Double(1 << 53) - 0.3) * magnitude)
        }
        var mismatches: [String] = []
        for value in values {
            for decimals in [0, 1, 2, 3, 6] where NumberText.fixed(value, decimals: decimals) != reference(value, decimals) {
                mismatches.append("\(value) to \(decimals): \(NumberText.fixed(value, decimals: decimals)) vs \(reference(value, decimals))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}

