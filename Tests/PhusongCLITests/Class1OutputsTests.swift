import Foundation
import Testing

/// Issue 13, class 1: an output that resolves to an input (the same device and inode, through
/// its own path, a symbolic link or a hard link) stops the run with exit 64 and a message
/// naming both, before anything is written. See docs/safety.md.
@Suite("Class 1: outputs never overwrite inputs")
struct Class1OutputsTests {
    @Test("report --out a folder holding the input villages.csv: 64, the input untouched, nothing written")
    func reportIntoInputFolder() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let (villages, cells) = try scratch.defaultInputs(in: "data")
        try expectRefused(["report", "--villages", villages, "--cells", cells, "--no-area", "--out", scratch.path("data")],
                          saying: "\(villages): this output is the input \(villages); refusing to overwrite an input", untouched: villages)
        #expect(try scratch.listing("data") == ["cells.csv", "villages.csv"])
        #expect(try scratch.listing() == ["data"], "no lock file or staged folder is left beside the folder")
    }

    @Test("validate --rejects naming the villages input (which has a bad row): 64, the input untouched")
    func rejectsOntoInput() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let villages = try scratch.copy(CLI.fixture("malformed/villages-negative-population.csv"), to: "villages.csv")
        try expectRefused(["validate", "--villages", villages, "--cells", CLI.fixture("good/cells.csv"), "--rejects", villages],
                          saying: "\(villages): this output is the input \(villages)", untouched: villages)
        #expect(try scratch.listing() == ["villages.csv"])
    }

    @Test("deadzones --out the input cells.csv: 64, the input untouched")
    func listOntoInput() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let (villages, cells) = try scratch.defaultInputs()
        try expectRefused(["deadzones", "--villages", villages, "--cells", cells, "--out", cells],
                          saying: "\(cells): this output is the input \(cells)", untouched: cells)
        #expect(try scratch.listing() == ["cells.csv", "villages.csv"])
    }

    @Test("an output that is a symbolic link or a hard link to an input: 64, the input untouched",
          arguments: ["symbolic", "hard"])
    func linkToInput(kind: String) throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let (villages, cells) = try scratch.defaultInputs()
        let link = scratch.path("list.csv")
        if kind == "symbolic" {
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cells)
        } else {
            try FileManager.default.linkItem(atPath: cells, toPath: link)
        }
        try expectRefused(["deadzones", "--villages", villages, "--cells", cells, "--out", link],
                          saying: "\(link): this output is the input \(cells) (the same file on disk, through a link or another name)",
                          untouched: cells)
        #expect(try scratch.listing() == ["cells.csv", "list.csv", "villages.csv"])
    }

    @Test("a report file of the set hard-linked to an input, and an output folder reached through a symbolic link: 64")
    func setMemberLinks() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let (villages, cells) = try scratch.defaultInputs()
        try FileManager.default.createDirectory(atPath: scratch.path("report"), withIntermediateDirectories: true)
        try FileManager.default.linkItem(atPath: cells, toPath: scratch.path("report/sites.csv"))
        try expectRefused(["report", "--villages", villages, "--cells", cells, "--no-area", "--out", scratch.path("report")],
                          saying: "report/sites.csv: this output is the input \(cells)", untouched: cells)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("inputs-link"), withDestinationPath: scratch.folder.path)
        try expectRefused(["report", "--villages", villages, "--cells", cells, "--no-area", "--out", scratch.path("inputs-link")],
                          saying: "inputs-link/villages.csv: this output is the input \(villages) (the same file on disk", untouched: villages)
    }

    @Test("an output folder holding an input deeper inside, or the --config file: 64",
          arguments: ["villages", "config"])
    func inputInsideOutputFolder(which: String) throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let villages = try scratch.copyDefault("villages.csv", to: which == "villages" ? "out/data/villages.csv" : "villages.csv")
        let cells = try scratch.copyDefault("cells.csv", to: "cells.csv")
        let config = scratch.path(which == "config" ? "out/phusong.toml" : "phusong.toml")
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: true)
        try "[radio]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let input = which == "villages" ? villages : config
        try expectRefused(["report", "--villages", villages, "--cells", cells, "--config", config, "--no-area", "--out", scratch.path("out")],
                          saying: "this output folder holds the input \(input) and would be replaced whole; choose a new or empty folder",
                          untouched: input)
    }

    @Test("--rejects inside the output folder, and two outputs naming one file: 64")
    func outputsThatCollide() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let inside = try CLI.run(["report", "--no-area", "--rejects", scratch.path("out/rejects.csv"), "--out", scratch.path("out")],
                                 in: CLI.repository.path)
        #expect(inside.exitCode == 64, "stderr: \(inside.stderr)")
        #expect(inside.stderr.contains("rejects.csv: this output lies inside the output folder \(scratch.path("out")), which is replaced whole"))
        let twice = try CLI.run(["deadzones", "--rejects", scratch.path("list.csv"), "--out", scratch.path("list.csv")], in: CLI.repository.path)
        #expect(twice.exitCode == 64, "stderr: \(twice.stderr)")
        #expect(twice.stderr.contains("list.csv: is named by two outputs; give each output its own name"))
        #expect(try scratch.listing().isEmpty)
    }

    @Test("compare --out the --before report folder: 64, the report untouched")
    func compareIntoItsInput() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let report = try CLI.run(["report", "--no-area", "--out", scratch.path("a")], in: CLI.repository.path)
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")
        let before = try folderContents(scratch.path("a"))
        try expectRefused(["compare", "--before", scratch.path("a"), "--after", scratch.path("a"), "--out", scratch.path("a")],
                          saying: "this output folder holds the input \(scratch.path("a"))/summary.json", untouched: scratch.path("a/summary.json"))
        #expect(try folderContents(scratch.path("a")) == before)
    }
}
