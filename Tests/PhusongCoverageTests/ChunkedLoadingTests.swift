import Foundation
import Testing
@testable import PhusongCoverage

/// Loading in blocks cut into chunks parsed in parallel gives what one front-to-back reading
/// gives: the same rows, rejected rows, problems, warnings and line numbers, in the same order.
@Suite("Chunked parallel loading")
struct ChunkedLoadingTests {
    /// One block for the whole file and one chunk: the front-to-back reading.
    static let serial = TableLoader.Chunking(blockSize: 1 << 30, minimumChunkBytes: 1 << 30)
    /// Tiny blocks and chunks, so that every kind of boundary falls inside a few lines.
    static let tiny: [TableLoader.Chunking] = [
        .init(blockSize: 97, minimumChunkBytes: 7), .init(blockSize: 256, minimumChunkBytes: 1),
        .init(blockSize: 4096, minimumChunkBytes: 13), .init(blockSize: 31, minimumChunkBytes: 31),
    ]

    /// A villages file with every case at once: quoted names with commas, doubled quotes and
    /// line breaks (LF, CRLF, CR), a stray quote in an unquoted field, blank lines, CRLF and CR
    /// line ends, duplicate ids, bad values, a wrong field count and a warning.
    static func villagesText(rows: Int) -> String {
        var text = "village_id,name,lon,lat,population,grid_power\n"
        for index in 0..<rows {
            let id = index % 17 == 5 ? "v\(index - 3)" : "v\(index)"
            switch index % 9 {
            case 0: text += "\(id),\"Bản \(index), \"\"xã\"\"\nthứ hai\r\nthứ ba\rhết\",105.\(index),21.5,\(index),true\n"
            case 1: text += "\(id),Xóm \(index),105.1,21.2,\(index),yes\r\n"
            case 2: text += "\n\(id),Tổ 5\"A,105.2,21.3,12,no\r"
            case 3: text += "\(id),\"Bản\n\n\n\n\"\",\"\"\n\",105.3,abc,7,true\n\n"
            case 4: text += "\(id),Thôn,200,21,5,true\n"
            case 5: text += "\(id),Thôn,105,21,5\n"
            case 6: text += "\(id),Xa,10.5,-21,5,true\n"
            case 7: text += "\(id),\"\",105.4,21.4,-3,maybe\n"
            default: text += "\(id),\"Bản \(index)\"\r\n,105.5,21.5,\(index),1\r\n"
            }
        }
        return text
    }

    private func expectSame<Row: Equatable>(_ table: LoadedTable<Row>, _ reference: LoadedTable<Row>, _ label: String) {
        #expect(table.rows == reference.rows, "\(label)")
        #expect(table.lines == reference.lines, "\(label)")
        #expect(table.rejected.map(\.line) == reference.rejected.map(\.line), "\(label)")
        #expect(table.rejected.map(\.fields) == reference.rejected.map(\.fields), "\(label)")
        #expect(table.rejected.map(\.problems) == reference.rejected.map(\.problems), "\(label)")
        #expect(table.warnings == reference.warnings, "\(label)")
    }

    /// Loads at every tiny chunking and each thread count, and compares with `reference`.
    private func expectEveryChunking<Row: Equatable>(
        matches reference: LoadedTable<Row>, threads: [Int],
        _ load: (Int, TableLoader.Chunking) async throws -> LoadedTable<Row>
    ) async throws {
        for chunking in Self.tiny {
            for count in threads {
                let table = try await load(count, chunking)
                expectSame(table, reference, "block \(chunking.blockSize), chunk \(chunking.minimumChunkBytes), \(count) threads")
            }
        }
    }

    @Test("villages: the same rows, rejects, problems, warnings and lines at every chunking and thread count")
    func villagesAsOneReading() async throws {
        let path = try temporaryFile(Self.villagesText(rows: 300))
        let reference = try await VillagesLoader.load(path: path, threads: 1, chunking: Self.serial)
        // What the front-to-back reading finds, checked by hand on the first rows.
        #expect(reference.rows.count > 100)
        #expect(reference.lines.prefix(3) == [2, 6, 8])
        #expect(reference.rows.first?.name == "Bản 0, \"xã\"\nthứ hai\r\nthứ ba\rhết")
        #expect(reference.rejected.first?.line == 9)
        #expect(reference.rejected.first?.problems.map(\.description) == ["\(path):9: lat: abc: not a number"])
        #expect(reference.errors.contains { if case .value(.duplicateID) = $0.reason { true } else { false } })
        #expect(reference.warnings.first?.line == 18)
        try await expectEveryChunking(matches: reference, threads: [1, 2, 3]) { threads, chunking in
            try await VillagesLoader.load(path: path, threads: threads, chunking: chunking)
        }
    }

    @Test("a chunk that starts inside a quoted field with line breaks is parsed again from the true record start")
    func quotedLineBreaksAcrossChunks() async throws {
        // Every record holds a quoted field of many line breaks, so most guessed starts fall
        // inside one.
        var text = "village_id,name,lon,lat,population,grid_power\n"
        for index in 0..<120 {
            text += "v\(index),\"" + String(repeating: "dòng\n", count: index % 7 + 1) + "\",105,21,\(index),true\n"
        }
        text += "v999,\"never closed\n105,21,1,true\n"
        let path = try temporaryFile(text)
        let reference = await #expect(throws: LoadError.self) {
            try await VillagesLoader.load(path: path, threads: 1, chunking: Self.serial)
        }
        // The header, then each record's own line and its quoted line breaks.
        let quotedBreaks: Int = (0..<120).map { $0 % 7 + 1 }.reduce(0, +)
        let unclosedLine = 1 + 120 + quotedBreaks + 1
        #expect(reference?.problems.map(\.description) == ["\(path):\(unclosedLine): a quoted field opened on this line is never closed (truncated file or a stray \")"])
        for chunking in Self.tiny {
            let error = await #expect(throws: LoadError.self) {
                try await VillagesLoader.load(path: path, threads: 2, chunking: chunking)
            }
            #expect(error?.problems == reference?.problems, "block \(chunking.blockSize)")
        }
        let closed = try temporaryFile(text.replacingOccurrences(of: "never closed\n", with: "closed\"\n"))
        let whole = try await VillagesLoader.load(path: closed, threads: 1, chunking: Self.serial)
        #expect(whole.rows.count == 120)
        #expect(whole.rows[3].name == String(repeating: "dòng\n", count: 4))
        for chunking in Self.tiny {
            expectSame(try await VillagesLoader.load(path: closed, threads: 3, chunking: chunking), whole, "block \(chunking.blockSize)")
        }
    }

    @Test("cells: duplicate ids, site spread and operator warnings across blocks and files, in file order")
    func cellsAcrossBlocksAndFiles() async throws {
        var first = "cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m\n"
        var second = first
        for index in 0..<200 {
            let site = "S\(index / 3)"
            let lon = index % 11 == 4 ? "105.05" : "105.0"
            let operatorName = index % 13 == 7 ? "MobiFone" : "Viettel"
            let id = index % 29 == 10 ? "C\(index - 1)" : "C\(index)"
            first += "\(id),\(site),\(operatorName),4G,1800,\(lon),21.0,30\n"
            second += "D\(index),\(index % 5 == 0 ? site : "T\(index)"),Viettel,5G,3500,105.0,21.0,25\n"
        }
        second += "C3,S1,Viettel,4G,1800,105.0,21.0,30\n"
        let paths = [try temporaryFile(first, name: "cells.csv"), try temporaryFile(second, name: "planned.csv")]
        let reference = try await CellsLoader.load(paths: paths, threads: 1, chunking: Self.serial)
        // Cell 4 (line 6) of site S1 lies 5 km east of the site's first cell (line 5).
        #expect(reference.errors.first { $0.line == 6 }?.reason.description.contains("first cell on line 5") == true)
        // C10 is written again on line 12 (for cell 10); its first occurrence is line 11.
        #expect(reference.errors.contains { $0.description == "\(paths[0]):12: cell_id: C9: duplicate id (first on line 11)" })
        #expect(reference.errors.last?.description == "\(paths[1]):202: cell_id: C3: duplicate id (first on line 5)")
        #expect(reference.warnings.first?.reason == .value(.siteOperator(site: "S2", firstOperator: "Viettel", firstLine: 8)))
        try await expectEveryChunking(matches: reference, threads: [1, 2, 4]) { threads, chunking in
            try await CellsLoader.load(paths: paths, threads: threads, chunking: chunking)
        }
    }

    @Test("a record too long stops at the same line, whatever the chunking")
    func recordTooLongAtItsLine() async throws {
        var text = "village_id,lon,lat,population,grid_power\n"
        for index in 0..<50 { text += "v\(index),105,21,1,1\n" }
        text += "w," + String(repeating: "9", count: (1 << 20) + 10) + ",21,1,1\n"
        for index in 0..<50 { text += "u\(index),105,21,1,1\n" }
        let path = try temporaryFile(text)
        for chunking in [Self.serial] + Self.tiny {
            let error = await #expect(throws: LoadError.self) {
                try await VillagesLoader.load(path: path, threads: 2, chunking: chunking)
            }
            #expect(error?.problems.map(\.description) == ["\(path):52: a record longer than 1 MiB starts on this line (not a CSV file, or an endless input?)"])
        }
    }
}
