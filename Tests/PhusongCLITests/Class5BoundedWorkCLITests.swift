import Foundation
import Testing

/// Issue 13, class 5, end to end: endless inputs stop at a stated limit with exit 65, a FIFO is
/// read exactly once, and cells at the world's corners need no more memory than other cells.
@Suite("Class 5: memory and time bounded by the work")
struct Class5BoundedWorkCLITests {
    private static let villages = CLI.fixture("good/villages.csv")
    private static let cells = CLI.fixture("good/cells.csv")

    @Test("/dev/zero as villages, cells, configuration or boundaries exits 65 naming the limit",
          arguments: [
            (["validate", "--villages", "/dev/zero", "--cells", cells], "/dev/zero:1: a record longer than 1 MiB starts on this line"),
            (["validate", "--villages", villages, "--cells", "/dev/zero"], "/dev/zero:1: a record longer than 1 MiB starts on this line"),
            (["config", "--check", "/dev/zero"], "/dev/zero: longer than 1 MiB, the most a configuration file may hold"),
            (["validate", "--villages", villages, "--cells", cells, "--admin", "/dev/zero"], "/dev/zero: longer than 512 MiB, the most a boundary file may hold"),
          ])
    func endlessInputs(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains(message))
        #expect(!result.stderr.contains("give --rejects"), "a file-level problem, not a bad row")
    }

    /// Writes `contents` into the FIFO at `path` from another thread (opening a FIFO for
    /// writing waits for its reader).
    private static func feed(_ path: String, _ contents: Data) {
        Thread.detachNewThread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(contents)
            try? handle.close()
        }
    }

    @Test("FIFOs are read exactly once, and summary.json's SHA-256 is that of the bytes they held")
    func fifoReadOnce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let regular = folder.appendingPathComponent("regular").path
        let fromFiles = try CLI.run(["report", "--no-area", "--villages", Self.villages, "--cells", Self.cells, "--out", regular])
        #expect(fromFiles.exitCode == 0)
        let villagesFIFO = folder.appendingPathComponent("villages.fifo").path
        let cellsFIFO = folder.appendingPathComponent("cells.fifo").path
        #expect(mkfifo(villagesFIFO, 0o600) == 0 && mkfifo(cellsFIFO, 0o600) == 0)
        Self.feed(villagesFIFO, try Data(contentsOf: URL(fileURLWithPath: Self.villages)))
        Self.feed(cellsFIFO, try Data(contentsOf: URL(fileURLWithPath: Self.cells)))
        let piped = folder.appendingPathComponent("piped").path
        let fromFIFOs = try CLI.run(["report", "--no-area", "--villages", villagesFIFO, "--cells", cellsFIFO, "--out", piped])
        #expect(fromFIFOs.exitCode == 0)
        func checksums(_ report: String) throws -> [String] {
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report + "/summary.json"))) as? [String: Any]
            let inputs = summary?["inputs"] as? [String: Any]
            let villages = (inputs?["villages"] as? [String: Any])?["sha256"] as? String
            let cells = ((inputs?["cells"] as? [String: Any])?["files"] as? [[String: Any]])?.first?["sha256"] as? String
            return [villages ?? "none", cells ?? "none"]
        }
        #expect(try checksums(piped) == checksums(regular))
        #expect(try checksums(piped).allSatisfy { $0.count == 64 })
        let sameVillages = try String(contentsOfFile: piped + "/villages.csv", encoding: .utf8)
            == String(contentsOfFile: regular + "/villages.csv", encoding: .utf8)
        #expect(sameVillages)
    }

    @Test("cells at the world's corners: report runs within a 1 GiB address space (the fixed 0.01° grid needed 2.6 GB)")
    func cornersInLittleMemory() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOfFile: Self.cells, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        for (index, corner) in ["-180,-90", "180,90", "-180,90", "180,-90"].enumerated() {
            text += "X-\(index),X\(index),Viettel,4G,900,\(corner),30,,65,30,grid\n"
        }
        let cells = folder.appendingPathComponent("cells.csv").path
        try text.write(toFile: cells, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        // The limit is set by the shell that then becomes phusong.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "ulimit -v 1048576; exec \"$0\" report --no-area --villages \"$1\" --cells \"$2\" --out \"$3\"",
                           CLI.binary, Self.villages, cells, out]
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationReason == .exit && shell.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/summary.json"))
    }
}
