import Foundation
import Testing

/// The events of a `--log-json` run's standard error (docs/cli.md), checked line by
/// line against the schema.
struct ProgressLog {
    /// Every line, parsed.
    var lines: [[String: Any]]

    init(_ stderr: String) throws {
        lines = try stderr.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(line)")
        }
    }

    var progress: [[String: Any]] { lines.filter { $0["event"] as? String == "progress" } }

    /// The text of the `note` (or `error`) events.
    func messages(_ event: String) -> [String] {
        lines.filter { $0["event"] as? String == event }.compactMap { $0["message"] as? String }
    }

    /// The stages in the order they started; fails unless every progress event has the schema's
    /// fields and types, each stage's events are contiguous, start at done 0, never go back,
    /// and end with done = total and an ETA of 0.
    func stages(sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        var order: [String] = []
        var last: (done: Int, total: Int, elapsed: Double, eta: Double?)?
        for event in progress {
            let keys = Set(event.keys).subtracting(["detail"])
            #expect(keys == ["event", "stage", "done", "total", "elapsed_s", "eta_s"], "\(event)", sourceLocation: sourceLocation)
            guard let stage = event["stage"] as? String, let done = event["done"] as? Int, let total = event["total"] as? Int,
                  let elapsed = event["elapsed_s"] as? Double else {
                Issue.record("bad types: \(event)", sourceLocation: sourceLocation)
                continue
            }
            let eta = event["eta_s"] as? Double
            #expect(eta != nil || event["eta_s"] is NSNull, "\(event)", sourceLocation: sourceLocation)
            #expect(elapsed >= 0 && (eta ?? 0) >= 0 && done >= 0 && done <= total, "\(event)", sourceLocation: sourceLocation)
            if stage != order.last {
                #expect(!order.contains(stage), "stage \(stage) comes back", sourceLocation: sourceLocation)
                if let last { #expect(last.done == last.total && last.eta == 0, "\(order.last ?? "") ends unfinished", sourceLocation: sourceLocation) }
                #expect(done == 0 && eta == nil, "\(stage) starts at done 0 with no ETA", sourceLocation: sourceLocation)
                order.append(stage)
            } else if let last {
                #expect(done >= last.done && total == last.total && elapsed >= last.elapsed, "\(event)", sourceLocation: sourceLocation)
            }
            last = (done, total, elapsed, eta)
        }
        if let last { #expect(last.done == last.total && last.eta == 0, "the last stage ends unfinished", sourceLocation: sourceLocation) }
        return order
    }

    /// The `total` of `stage`'s events.
    func total(of stage: String) -> Int? {
        progress.first { $0["stage"] as? String == stage }?["total"] as? Int
    }
}

@Suite("Progress on standard error: --quiet, --log-json, the terminal line")
struct ProgressOutputTests {
    @Test("report: stdout and every file byte-identical without flags, with --quiet and with --log-json; --quiet prints nothing; the JSON stages in order")
    func reportModes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs: [(stdout: String, files: [String: Data])] = []
        var stderrs: [String] = []
        // The same --out each time (stdout names it): a run replaces the folder whole.
        let out = folder.path + "/report"
        for (name, flags) in [("plain", []), ("quiet", ["--quiet"]), ("json", ["--log-json"])] {
            let result = try CLI.run(["report", "--month", "2026-11", "--threads", "2", "--out", out] + flags, in: CLI.repository.path)
            #expect(result.exitCode == 0, "\(name): \(result.stderr)")
            runs.append((result.stdout, try folderContents(out)))
            stderrs.append(result.stderr)
        }
        #expect(runs[0].files.count >= 10, "\(runs[0].files.keys.sorted())")
        #expect(runs[0].stdout.contains("Wrote") || runs[0].stdout.contains("Đã ghi"), "\(runs[0].stdout)")
        for run in runs.dropFirst() {
            #expect(run.stdout == runs[0].stdout)
            #expect(run.files.keys.sorted() == runs[0].files.keys.sorted())
            for (file, bytes) in runs[0].files { #expect(run.files[file] == bytes, "\(file) differs") }
        }
        // Standard error is not a terminal here: the notes as text, no progress line.
        #expect(stderrs[0].contains("Using the embedded default data set") && stderrs[0].contains("Time: load"))
        #expect(!stderrs[0].contains("\r") && !stderrs[0].contains("[report]") && !stderrs[0].contains("{\"event\""))
        #expect(stderrs[1].isEmpty, "--quiet: \(stderrs[1])")
        let log = try ProgressLog(stderrs[2])
        #expect(log.stages() == ["load", "index", "coverage", "indicators", "area", "write"])
        #expect(log.total(of: "coverage") == 3_700)
        #expect(log.messages("note").contains { $0.hasPrefix("Using the embedded default data set") })
        #expect(log.messages("note").contains { $0.hasPrefix("Time: load") })
        #expect(log.messages("error").isEmpty)
    }

    @Test("a failed run: --quiet still prints the error; --log-json prints it as an error event; the exit code is the same")
    func errors() throws {
        let missing = ["report", "--villages", "/nonexistent/villages.csv", "--cells", "/nonexistent/cells.csv", "--out", "/nonexistent/out"]
        let plain = try CLI.run(missing)
        let quiet = try CLI.run(missing + ["--quiet"])
        let json = try CLI.run(missing + ["--log-json"])
        #expect(plain.exitCode != 0 && quiet.exitCode == plain.exitCode && json.exitCode == plain.exitCode)
        #expect(!quiet.stderr.isEmpty && quiet.stderr.contains("/nonexistent/villages.csv"))
        let log = try ProgressLog(json.stderr)
        #expect(log.messages("error").contains { $0.contains("/nonexistent/villages.csv") }, "\(json.stderr)")
        let both = try CLI.run(["report", "--quiet", "--log-json"])
        #expect(both.exitCode == 64 && both.stderr.contains("give --quiet or --log-json, not both"))
    }

    @Test("raster, deadzones, unpowered and plan: their stages; the raster's pixels counted; the planner's steps as details; the same bytes with --quiet")
    func otherCommands() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raster = ["raster", "--bbox", "102.4,21.6,103.0,22.0", "--resolution", "500m", "--threads", "2", "--out"]
        let rasterJSON = try CLI.run(raster + [folder.path + "/json.tif", "--log-json"], in: CLI.repository.path)
        let rasterQuiet = try CLI.run(raster + [folder.path + "/quiet.tif", "--quiet"], in: CLI.repository.path)
        // raster writes nothing on standard output, only notes.
        #expect(rasterJSON.exitCode == 0 && rasterQuiet.exitCode == 0 && rasterQuiet.stderr.isEmpty, "\(rasterJSON.stderr)")
        let rasterLog = try ProgressLog(rasterJSON.stderr)
        #expect(rasterLog.stages() == ["load", "index", "raster", "write"])
        #expect(rasterLog.total(of: "raster") == 124 * 89)
        #expect(try Data(contentsOf: folder.appendingPathComponent("json.tif")) == Data(contentsOf: folder.appendingPathComponent("quiet.tif")))

        for command in ["deadzones", "unpowered"] {
            let json = try CLI.run([command, "--log-json", "--out", folder.path + "/\(command)-json.csv"], in: CLI.repository.path)
            let quiet = try CLI.run([command, "--quiet", "--out", folder.path + "/\(command)-quiet.csv"], in: CLI.repository.path)
            #expect(json.exitCode == 0 && quiet.exitCode == 0 && quiet.stderr.isEmpty, "\(json.stderr)")
            #expect(json.stdout == quiet.stdout && !json.stdout.isEmpty)
            #expect(try ProgressLog(json.stderr).stages() == ["load", "index", "coverage", "indicators", "write"])
            #expect(try Data(contentsOf: folder.appendingPathComponent("\(command)-json.csv"))
                == Data(contentsOf: folder.appendingPathComponent("\(command)-quiet.csv")))
        }

        let plan = try CLI.run(["plan", "--log-json", "--out", folder.path + "/plan"], in: CLI.repository.path)
        let planFiles = try folderContents(folder.path + "/plan")
        let quietPlan = try CLI.run(["plan", "--quiet", "--out", folder.path + "/plan"], in: CLI.repository.path)
        #expect(plan.exitCode == 0 && quietPlan.exitCode == 0 && quietPlan.stderr.isEmpty, "\(plan.stderr)")
        let planLog = try ProgressLog(plan.stderr)
        #expect(planLog.stages() == ["load", "index", "coverage", "indicators", "plan", "write"])
        let details = planLog.progress.compactMap { $0["detail"] as? String }
        #expect(details.contains { $0.hasPrefix("dead zones:") } && details.contains("checking the plan with the coverage engine"), "\(details)")
        #expect(plan.stdout == quietPlan.stdout)
        #expect(try planFiles.count == 7 && folderContents(folder.path + "/plan") == planFiles)
    }

    @Test("on a terminal (script(1) gives the run one): the progress line is rewritten in place and cleared; --quiet shows none")
    func terminalLine() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped the terminal check: script(1) (util-linux) is not installed")
            return
        }
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func onTerminal(_ flags: String, out: String) throws -> CLIResult {
            try CLI.run(["report", "--lang", "en", "--no-area", "--out", folder.path + "/" + out] + (flags.isEmpty ? [] : [flags]),
                        in: CLI.repository.path,
                        // script(1) runs one command line: the arguments (no spaces in them) joined.
                        launcher: ["/bin/sh", "-c", "exec /usr/bin/script -qec \"$*\" /dev/null", "sh"])
        }
        let shown = try onTerminal("", out: "shown")
        #expect(shown.exitCode == 0, "\(shown.stdout)")
        #expect(shown.stdout.contains("\r\u{1B}[K[report] load"), "\(shown.stdout.debugDescription)")
        #expect(shown.stdout.contains("\r\u{1B}[K[report] coverage 100 % (3,700/3,700)"), "\(shown.stdout.debugDescription)")
        // The line is cleared just before the headline table, and no progress comes after it.
        let headline = try #require(shown.stdout.range(of: "\r\u{1B}[KHeadline indicators"), "\(shown.stdout.debugDescription)")
        #expect(!shown.stdout[headline.upperBound...].contains("[report]"))
        let quiet = try onTerminal("--quiet", out: "quiet")
        #expect(quiet.exitCode == 0 && !quiet.stdout.contains("[report]") && !quiet.stdout.contains("Time: load"))
        #expect(quiet.stdout.contains("villages connected"))
    }
}

/// `pathloss` and `report --terrain` with `--log-json` on the real tile N21E105.
@Suite("Progress of terrain runs", .enabled(if: SharedTerrain.hasNational, SharedTerrain.skipReason))
struct TerrainProgressTests {
    @Test("pathloss counts its pairs; report --terrain has a terrain stage over every village; the same bytes with --quiet")
    func terrainStages() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pairs = folder.appendingPathComponent("pairs.csv").path
        try PathlossCommandTests.tamDao.write(toFile: pairs, atomically: true, encoding: .utf8)
        let losses = ["pathloss", "--terrain", SharedTerrain.folder, "--pairs", pairs, "--out"]
        let json = try CLI.run(losses + [folder.path + "/json.csv", "--log-json"])
        let quiet = try CLI.run(losses + [folder.path + "/quiet.csv", "--quiet"])
        #expect(json.exitCode == 0 && quiet.exitCode == 0 && quiet.stderr.isEmpty, "\(json.stderr)")
        let log = try ProgressLog(json.stderr)
        #expect(log.stages() == ["load", "pathloss", "write"])
        #expect(log.total(of: "pathloss") == 6)
        #expect(try Data(contentsOf: folder.appendingPathComponent("json.csv")) == Data(contentsOf: folder.appendingPathComponent("quiet.csv")))

        let inputs = try TerrainReportTests.writeTamDaoInputs(in: folder)
        let report = ["report"] + inputs + ["--terrain", SharedTerrain.folder, "--month", "2026-11", "--out", folder.path + "/terrain"]
        let terrainJSON = try CLI.run(report + ["--log-json"])
        let terrainFiles = try folderContents(folder.path + "/terrain")
        let terrainQuiet = try CLI.run(report + ["--quiet"])
        #expect(terrainJSON.exitCode == 0 && terrainQuiet.exitCode == 0 && terrainQuiet.stderr.isEmpty, "\(terrainJSON.stderr)")
        let terrainLog = try ProgressLog(terrainJSON.stderr)
        #expect(terrainLog.stages() == ["load", "index", "coverage", "terrain", "indicators", "overlay", "write"])
        let villageCount = try String(contentsOfFile: inputs[1], encoding: .utf8).split(separator: "\n").count - 1
        #expect(villageCount > 100 && terrainLog.total(of: "terrain") == villageCount)
        #expect(terrainJSON.stdout == terrainQuiet.stdout)
        #expect(try terrainFiles.count == 10 && folderContents(folder.path + "/terrain") == terrainFiles)
    }
}
