import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 13, class 2: an output folder holds the complete previous set or the complete new
/// one, whatever happens (full disk, a file in the way, a concurrent run), and never loses
/// files that are not part of the set. See docs/safety.md; the kill -9 half of the
/// class is scripts/kill-harness.sh.
@Suite("Class 2: output sets are atomic")
struct Class2AtomicOutputsTests {
    /// Runs phusong with the file size limit at 64 blocks of 512 bytes and SIGXFSZ ignored,
    /// so that writing past 32 KiB fails with EFBIG, as on a full disk.
    private static let smallDisk = ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\""]

    /// A configuration with stricter thresholds, so that its report differs from the default's.
    private func strictConfig(_ scratch: OutputScratch) throws -> String {
        let path = scratch.path("strict.toml")
        try "[radio]\ncoverage_threshold_4g_dbm = -100.0\ncoverage_threshold_5g_dbm = -100.0\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func report(_ out: String, _ extra: [String] = [], launcher: [String] = []) throws -> CLIResult {
        try CLI.run(["report", "--no-area", "--out", out] + extra, in: CLI.repository.path, launcher: launcher)
    }

    @Test("a folder holding files that are not part of the set: 64, the folder untouched")
    func foreignEntries() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        try scratch.write("", to: "out/notes/todo.txt")
        try scratch.write("old\n", to: "out/summary.json")
        try expectRefused(["report", "--no-area", "--out", scratch.path("out")],
                          saying: "\(scratch.path("out")): holds notes/, notes.txt, not part of a report; refusing to replace the folder and lose them, choose a new or empty folder",
                          untouched: scratch.write("keep me\n", to: "out/notes.txt"), in: CLI.repository.path)
        #expect(try scratch.listing("out") == ["notes", "notes.txt", "summary.json"])
        #expect(try String(contentsOfFile: scratch.path("out/summary.json"), encoding: .utf8) == "old\n")
        #expect(try scratch.listing() == ["out"], "no lock file is left behind")
    }

    @Test("a full disk (EFBIG): 73, the previous set intact and byte-identical, no staged folder left")
    func fullDisk() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let config = try strictConfig(scratch)
        let out = scratch.path("out")
        let first = try report(out, ["--config", config])
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let previous = try folderContents(out)
        #expect(previous.count == 10, "summary.json, report.html, report.xlsx and seven CSVs")
        let result = try report(out, launcher: Self.smallDisk)
        #expect(result.exitCode == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("File too large"), "stderr: \(result.stderr)")
        #expect(try folderContents(out) == previous)
        #expect(try scratch.listing() == ["out", "strict.toml"], "no staged folder or lock file is left beside the folder")
    }

    @Test("a full disk while writing a single list file (text, or SQLite for a GeoPackage): 73, the previous list intact, no temporary left",
          arguments: ["geojson", "gpkg"])
    func fullDiskSingleFile(format: String) throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let list = scratch.path("villages." + format)
        let first = try CLI.run(["unpowered", "--out", list], in: CLI.repository.path)
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let before = try FileFingerprint(list)
        // 16 blocks of 512 bytes: smaller than the list, larger than what phusong prints.
        let tinyDisk = ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\""]
        #expect(before.bytes.count > 16 * 512, "the list must be larger than the limit for this test to mean anything")
        let result = try CLI.run(["unpowered", "--out", list], in: CLI.repository.path, launcher: tinyDisk)
        #expect(result.exitCode == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(format == "gpkg" ? "cannot write GeoPackage" : "File too large"), "stderr: \(result.stderr)")
        #expect(try FileFingerprint(list) == before)
        #expect(try scratch.listing() == ["villages." + format])
    }

    @Test("an output whose parent is a regular file: 73, the file untouched", arguments: ["report", "deadzones"])
    func parentIsAFile(command: String) throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let blocker = try scratch.write("a file, not a folder\n", to: "blocker")
        let before = try FileFingerprint(blocker)
        let arguments = command == "report" ? ["report", "--no-area", "--out", blocker + "/out"] : ["deadzones", "--out", blocker + "/list.csv"]
        let result = try CLI.run(arguments, in: CLI.repository.path)
        #expect(result.exitCode == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("cannot create the folder \(blocker)"), "stderr: \(result.stderr)")
        #expect(try FileFingerprint(blocker) == before)
        #expect(try scratch.listing() == ["blocker"])
    }

    @Test("a rejects file that cannot be written: 73 (an output failure, not bad data)")
    func rejectsCannotBeWritten() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let blocker = try scratch.write("a file, not a folder\n", to: "blocker")
        let result = try CLI.run(["validate", "--villages", CLI.fixture("malformed/villages-negative-population.csv"),
                                  "--cells", CLI.fixture("good/cells.csv"), "--rejects", blocker + "/rejects.csv"])
        #expect(result.exitCode == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("\(blocker)/rejects.csv: cannot create the folder \(blocker): a file is in the way"))
        #expect(try scratch.listing() == ["blocker"])
    }

    @Test("a second run while another holds the lock: 73 with the message, the folder untouched")
    func lockHeld() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let out = scratch.path("out")
        #expect(try report(out).exitCode == 0)
        let previous = try folderContents(out)
        let lockPath = scratch.path(".out.phusong-lock")
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let result = try report(out)
        #expect(result.exitCode == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("another phusong run is writing \(out)"), "stderr: \(result.stderr)")
        #expect(try folderContents(out) == previous)
        #expect(try scratch.listing() == [".out.phusong-lock", "out"])
    }

    @Test("a successful re-run replaces the set completely, and clears what a killed run left")
    func rerunReplacesWholeSet() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let reference = try report(scratch.path("reference"))
        #expect(reference.exitCode == 0, "stderr: \(reference.stderr)")
        let out = scratch.path("out")
        #expect(try report(out, ["--config", try strictConfig(scratch)]).exitCode == 0)
        // A damaged previous set (a truncated file, a missing one) and a killed run's leftovers.
        try Data("village_id,trunc".utf8).write(to: URL(fileURLWithPath: out + "/villages.csv"))
        try FileManager.default.removeItem(atPath: out + "/report.html")
        try scratch.write("half", to: ".out.phusong-staged/summary.json")
        try scratch.write("", to: ".out.phusong-lock")
        let result = try report(out)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(try folderContents(out) == folderContents(scratch.path("reference")))
        #expect(try scratch.listing() == ["out", "reference", "strict.toml"])
    }

    @Test("a staged folder left holding files that are not part of the set is refused, never deleted: 64")
    func leftoversWithForeignFiles() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        try scratch.write("half", to: ".out.phusong-staged/summary.json")
        try expectRefused(["report", "--no-area", "--out", scratch.path("out")],
                          saying: "a set folder of an interrupted run: Directory not empty; it holds files that are not part of a report, move them away",
                          untouched: scratch.write("mine\n", to: ".out.phusong-staged/notes.txt"), in: CLI.repository.path)
        #expect(try scratch.listing(".out.phusong-staged") == ["notes.txt"])
        #expect(try scratch.listing() == [".out.phusong-staged"])
    }

    @Test("plan, compare and synth publish their sets the same way: written, then replaced whole")
    func otherSets() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        for _ in 0..<2 {
            let synth = try CLI.run(["synth", "--villages", "300", "--seed", "3", "--out", scratch.path("scenario")])
            #expect(synth.exitCode == 0, "stderr: \(synth.stderr)")
        }
        #expect(try scratch.listing("scenario") == ["cells.csv", "villages.csv"])
        let villages = scratch.path("scenario/villages.csv"), cells = scratch.path("scenario/cells.csv")
        for _ in 0..<2 {
            let plan = try CLI.run(["plan", "--villages", villages, "--cells", cells, "--out", scratch.path("plan")])
            #expect(plan.exitCode == 0, "stderr: \(plan.stderr)")
        }
        #expect(try scratch.listing("plan") == ["plan.csv", "plan.geojson", "plan.kml", "plan.xlsx", "plan_provinces.csv", "plan_summary.json", "planned_cells.csv"])
        #expect(try report(scratch.path("a"), ["--villages", villages, "--cells", cells]).exitCode == 0)
        for _ in 0..<2 {
            let compare = try CLI.run(["compare", "--before", scratch.path("a"), "--after", scratch.path("a"), "--out", scratch.path("c")])
            #expect(compare.exitCode == 0, "stderr: \(compare.stderr)")
        }
        #expect(try scratch.listing("c") == ["compare.html", "compare.xlsx", "compare_indicators.csv", "compare_sites.csv", "compare_villages.csv"])
        #expect(try scratch.listing() == ["a", "c", "plan", "scenario"])
    }

    @Test("the current folder cannot be an output folder: 64", arguments: [".", "./"])
    func currentFolder(out: String) throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let result = try CLI.run(["synth", "--villages", "10", "--out", out], in: scratch.folder.path)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("is the current folder or one above it"))
        #expect(try scratch.listing().isEmpty)
    }
}
