import Foundation
import Testing
@testable import PhusongSupport

/// `JSONDocument` must write exactly what `JSONEncoder` wrote before it (summary.json and the
/// report page's data keep their bytes): both encoders run on the same values here.
@Suite("JSONDocument: JSONEncoder's bytes, faster")
struct JSONDocumentTests {
    struct Inner: Encodable {
        var name: String
        var share: Double
        var missing: Int?
        var skipped: Int?

        enum CodingKeys: String, CodingKey {
            case name, share, missing
            case skipped = "skipped_if_nil"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(share, forKey: .share)
            try container.encode(missing, forKey: .missing)
            try container.encodeIfPresent(skipped, forKey: .skipped)
        }
    }

    /// Two containers on one encoder write one object (as `SummaryJSON.Entry` does), and the
    /// key encoded twice keeps its last value.
    struct Merged: Encodable {
        enum Keys: String, CodingKey { case a, b, z }
        func encode(to encoder: any Encoder) throws {
            var first = encoder.container(keyedBy: Keys.self)
            try first.encode(1, forKey: .z)
            try first.encode("first", forKey: .a)
            var second = encoder.container(keyedBy: Keys.self)
            try second.encode("second", forKey: .a)
            try second.encode(true, forKey: .b)
        }
    }

    struct Sample: Encodable {
        var text = "Điện Biên \"quoted\" back\\slash a/b <script></script> \u{01}\u{08}\u{0C}\n\r\t\u{1F}\u{7F} end"
        var reals: [Double] = [3.0, 0.1, -2.5, 1e-7, 1e20, -0.0, 0.9142857142857143, 123456789012345.6, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        var float: Float = 0.1
        var integers: [Int] = [0, -1, 106_445, .max, .min]
        var small: Int8 = -8
        var unsigned: UInt64 = .max
        var flags = [true, false]
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String]] = [[], ["a"], ["b", "c"]]
        var byCode: [String: Inner] = [
            "01": Inner(name: "Hà Nội", share: 1, missing: nil, skipped: nil),
            "11": Inner(name: "Điện Biên", share: 0.25, missing: 3, skipped: 4),
            "1": Inner(name: "x", share: 0.5, missing: nil, skipped: 0),
            "a_b": Inner(name: "", share: 2, missing: nil, skipped: nil),
            "a-b": Inner(name: "-", share: 2, missing: nil, skipped: nil),
            "aB": Inner(name: "B", share: 2, missing: nil, skipped: nil),
            "Đ": Inner(name: "Đ", share: 2, missing: nil, skipped: nil),
            "z": Inner(name: "z", share: 2, missing: nil, skipped: nil),
            "": Inner(name: "empty key", share: 2, missing: nil, skipped: nil),
        ]
        var merged = Merged()
        var optionalObject: Inner? = nil
    }

    private func foundation<Value: Encodable>(_ value: Value, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test("pretty and compact: the same bytes as JSONEncoder with sorted keys and unescaped slashes")
    func sameBytes() throws {
        for pretty in [true, false] {
            let ours = try JSONDocument.bytes(Sample(), pretty: pretty)
            let theirs = try foundation(Sample(), pretty: pretty)
            #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
        }
    }

    @Test("top-level values of every kind")
    func topLevel() throws {
        #expect(try JSONDocument.bytes([Int](), pretty: true) == foundation([Int](), pretty: true))
        #expect(try JSONDocument.bytes([String: Int](), pretty: true) == foundation([String: Int](), pretty: true))
        #expect(try JSONDocument.bytes("a\"b", pretty: false) == foundation("a\"b", pretty: false))
        #expect(try JSONDocument.bytes(2.0, pretty: false) == foundation(2.0, pretty: false))
        #expect(try JSONDocument.bytes(Merged(), pretty: true) == foundation(Merged(), pretty: true))
        #expect(String(decoding: try JSONDocument.bytes(Merged(), pretty: false), as: UTF8.self) == #"{"a":"second","b":true,"z":1}"#)
    }

    @Test("for a script element, every < is \\u003c, as JSONEncoder's text with < replaced")
    func scriptSafe() throws {
        let ours = String(decoding: try JSONDocument.bytes(Sample(), pretty: false, escapingLessThan: true), as: UTF8.self)
        let theirs = String(decoding: try foundation(Sample(), pretty: false), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        #expect(ours == theirs)
        #expect(!ours.contains("<"))
    }

    @Test("NaN and infinity throw, as JSONEncoder throws")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try JSONDocument.bytes([Double.nan], pretty: false) }
        #expect(throws: EncodingError.self) { try JSONDocument.bytes(["x": -Double.infinity], pretty: true) }
        #expect(throws: EncodingError.self) { try JSONDocument.bytes(Date(timeIntervalSince1970: 0), pretty: true) }
    }

    @Test("an object written group by group has the bytes of the whole dictionary, for keys in any script and form")
    func groupByGroup() throws {
        // Keys whose UTF-8 order differs from String's (NFD "e" + combining acute against
        // precomposed "é"; a 4-byte scalar), the empty key, a key to escape, "<" and a quote.
        let keys = ["", "b", "a", "\u{E9}", "e\u{301}", "Z", "\u{1F600}", "x\"y", "<script>", "00004", "01", "Điện Biên"]
        var groups: [String: [Inner]] = [:]
        for (index, key) in keys.enumerated() {
            groups[key] = (0..<index).map { Inner(name: "\(key)-\($0)", share: Double($0) / 3, missing: $0 % 2 == 0 ? nil : $0) }
        }
        for escaping in [false, true] {
            var bytes: [UInt8] = []
            try JSONDocument.appendCompactObject(groups, escapingLessThan: escaping, to: &bytes)
            #expect(bytes == (try JSONDocument.bytes(groups, pretty: false, escapingLessThan: escaping)), "escaping < \(escaping)")
        }
        var empty: [UInt8] = []
        try JSONDocument.appendCompactObject([String: Int](), to: &empty)
        #expect(empty == Array("{}".utf8))
    }
}
