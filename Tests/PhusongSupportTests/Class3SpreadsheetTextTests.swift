import Foundation
import Testing
@testable import PhusongSupport

@Suite("Class 3: spreadsheet text guard")
struct Class3SpreadsheetTextTests {
    static let triggers = ["=", "+", "-", "@", "\t", "\r"]

    @Test("text starting with = + - @ tab or CR gets an apostrophe; other text is unchanged")
    func neutralises() {
        for trigger in Self.triggers {
            #expect(SpreadsheetText.neutralised(trigger + "1+1") == "'" + trigger + "1+1")
        }
        #expect(SpreadsheetText.neutralised("Thôn 1") == "Thôn 1")
        #expect(SpreadsheetText.neutralised("'01") == "'01", "an apostrophe before a digit needs no guard")
        #expect(SpreadsheetText.neutralised("'=x") == "''=x", "apostrophes before a trigger get one more, so the guard stays reversible")
        #expect(SpreadsheetText.neutralised("") == "")
    }

    @Test("restored undoes neutralised on every trigger and apostrophe prefix, and leaves other text alone")
    func reversible() {
        let samples = Self.triggers.flatMap { trigger in ["", "'", "''"].map { $0 + trigger + "SUM(A1)" } }
            + ["Thôn 1", "'01", "'", "''", "a=b", "Điện Biên", ""]
        for text in samples {
            #expect(SpreadsheetText.restored(SpreadsheetText.neutralised(text)) == text, "\(text.debugDescription)")
        }
        #expect(SpreadsheetText.restored("'01") == "'01")
    }

    @Test("the CSV writer guards text fields and writes number fields as they are")
    func writerTypes() {
        var csv = CSVWriter()
        csv.writeHeader(["id", "rsrp", "name"])
        csv.writeRow([.text("-7"), .number(-97.25), .text("=A1,B1")])
        #expect(String(decoding: csv.bytes, as: UTF8.self) == "id,rsrp,name\n'-7,-97.25,\"'=A1,B1\"\n")
    }
}

@Suite("Class 3: terminal escapes")
struct Class3TerminalTextTests {
    @Test("control characters and bidi overrides become visible escapes; ordinary Vietnamese text is unchanged")
    func escapes() {
        #expect(TerminalText.visible("\u{1B}[31mĐỏ\u{07}") == #"\x1B[31mĐỏ\x07"#)
        #expect(TerminalText.visible("a\u{202E}b\u{2066}c") == #"a\u{202E}b\u{2066}c"#)
        #expect(TerminalText.visible("x\u{7F}\u{9B}y") == #"x\x7F\x9By"#)
        #expect(TerminalText.visible("line\nnext") == #"line\x0Anext"#)
        #expect(TerminalText.visible("line\nnext", keepingLineBreaks: true) == "line\nnext")
        #expect(TerminalText.visible("Bản Phì Cao, Điện Biên") == "Bản Phì Cao, Điện Biên")
    }
}
